//! Decisions per second of the rate-limiter model: 10^6 requests from 100 clients, each
//! decided by all six limiters. Run with `cargo run --release -p scalelab-workloads --example ratelimit_throughput`.
use scalelab_sim::ratelimit::{RateLimitParams, RateLimitSim};
use scalelab_sim::Simulation;
use scalelab_workloads as reference;
use std::time::Instant;

fn main() {
    // The bench's reference traffic, six times as long: 10^6 requests, 6·10^6 decisions.
    let p = RateLimitParams {
        duration_s: 100.0,
        ..reference::ratelimit(1.0)
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
