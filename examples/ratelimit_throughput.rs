//! Decisions per second of the rate-limiter model: 10^6 requests from 100 clients, each
//! decided by all six limiters. Run with `cargo run --release --example ratelimit_throughput`.
use scalelab::sim::ratelimit::{Pattern, RateLimitParams, RateLimitSim};
use scalelab::sim::Simulation;
use std::time::Instant;

fn main() {
    let p = RateLimitParams {
        traffic: Pattern::Poisson,
        rate: 100.0,
        clients: 100,
        duration_s: 100.0,
        ..RateLimitParams::default()
    };
    let algos = 6.0;
    let start = Instant::now();
    let report = RateLimitSim::new(&p, 42).run_to_end();
    let secs = start.elapsed().as_secs_f64();
    let decisions = report.requests as f64 * algos;
    println!(
        "{} requests × 6 limiters = {:.0} decisions in {:.3} s: {:.1} M decisions/s ({:.2} M requests/s)",
        report.requests,
        decisions,
        secs,
        decisions / secs / 1e6,
        report.requests as f64 / secs / 1e6
    );
    for a in &report.algos {
        println!(
            "  {:<36} accepted {:>7} rejected {:>7} delayed {:>7} peak state {:>7} B",
            a.label, a.accepted, a.rejected, a.delayed, a.peak_state_bytes
        );
    }
}
