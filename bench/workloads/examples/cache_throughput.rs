//! Simulator throughput on reference workloads (a benchmark, not a test):
//! `cargo run --release -p scalelab-workloads --example cache_throughput`.
use scalelab_sim::cache::{hit_ratio_curve, CacheParams, CacheSim, Policy};
use scalelab_sim::params::Params;
use scalelab_sim::Simulation;
use scalelab_workloads as reference;
use std::time::Instant;

fn run(name: &str, params: CacheParams) {
    let (params, notices) = params.validate();
    assert!(notices.is_empty(), "{notices:?}");
    let start = Instant::now();
    let mut sim = CacheSim::new(&params, 1);
    while sim.step() {}
    let report = sim.report();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:<48} {:>9} reads  {:>7.3} s  {:>12.0} requests/s  {:>12.0} events/s  hit {:.3}",
        report.reads,
        secs,
        report.reads as f64 / secs,
        sim.events() as f64 / secs,
        report.hit_ratio
    );
}

fn main() {
    let mut p = reference::cache(1.0);
    run("L1 + Redis + DB, Zipf 0.9 over 10^5, 10^6 reads", p.clone());
    p.cdn.on = true;
    p.cdn.size = 20_000;
    run("CDN + L1 + Redis + DB, 10^6 reads", p.clone());
    p.coalesce = true;
    p.jitter_pct = 10.0;
    p.redis.policy = Policy::Lfu;
    run("  … LFU Redis, coalescing, jitter", p.clone());
    let start = Instant::now();
    let curve = hit_ratio_curve(&p, 1, &[10, 100, 1_000, 10_000], Policy::Lru);
    println!(
        "hit_ratio_curve, 4 sizes × 250,000 requests: {:.3} s  {curve:?}",
        start.elapsed().as_secs_f64()
    );
}
