//! The N+1 load test's reference workload: 1,000 concurrent users loading the 100-post page
//! for 60 simulated seconds, lazy loading against eager loading.
//! Run with `cargo run --release -p scalelab-workloads --example nplus1_throughput`.
use scalelab_sim::nplus1::{NPlusOneSim, Strategy};
use scalelab_sim::params::Params;
use scalelab_sim::Simulation;
use scalelab_workloads as reference;
use std::time::Instant;

fn main() {
    for strategy in [Strategy::Lazy, Strategy::Eager] {
        let (p, notices) = reference::nplus1(strategy, 1.0).validate();
        let start = Instant::now();
        let mut sim = NPlusOneSim::new(&p, 42);
        while sim.step() {}
        let events = sim.events();
        let r = sim.report();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{strategy:?}: {} pages, {} queries, {events} events in {secs:.3} s ({:.1} M events/s); page p50/p99 {:.1}/{:.1} ms{}",
            r.pages_completed,
            r.queries_completed,
            events as f64 / secs / 1e6,
            r.page_latency.p50 * 1000.0,
            r.page_latency.p99 * 1000.0,
            if notices.is_empty() { String::new() } else { format!(" (adjusted: {notices:?})") }
        );
    }
}
