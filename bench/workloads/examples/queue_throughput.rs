//! Simulator throughput on reference workloads (a benchmark, not a test):
//! `cargo run --release -p scalelab-workloads --example queue_throughput`.
use scalelab_sim::params::Params;
use scalelab_sim::queue::{QueueParams, QueueSim};
use scalelab_sim::Simulation;
use scalelab_workloads as reference;
use std::time::Instant;

fn run(name: &str, params: QueueParams) {
    let (params, notices) = params.validate();
    assert!(notices.is_empty(), "{notices:?}");
    let start = Instant::now();
    let mut sim = QueueSim::new(&params, 1);
    while sim.step() {}
    let report = sim.report();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:<40} {:>9} jobs  {:>7.3} s  {:>12.0} jobs/s  {:>12.0} events/s",
        report.jobs_arrived,
        secs,
        report.jobs_arrived as f64 / secs,
        sim.events() as f64 / secs
    );
}

fn main() {
    let base = QueueParams::default();
    run("M/M/2, rho = 0.8, 10^6 jobs", reference::mm2(1.0));
    run(
        "M/M/200, rho = 0.9, 10^6 jobs",
        QueueParams {
            rate: 5000.0,
            workers: 200,
            service_ms: 36.0,
            duration_s: 200.0,
            ..base
        },
    );
}
