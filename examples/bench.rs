//! The native half of `scripts/bench`: times each reference workload
//! (`scalelab::sim::reference`) and prints one JSON object per line.
//!
//!   cargo run --release --example bench -- [scale] [workload…]   # scale 1 = full size, 0.1 quick;
//!                                                                 # no workload named = all of them
use scalelab::sim::reference::{run_workload, WORKLOADS};
use std::time::Instant;

fn main() {
    let scale: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let only: Vec<String> = std::env::args().skip(2).collect();
    for name in WORKLOADS
        .into_iter()
        .filter(|w| only.is_empty() || only.iter().any(|o| o == w))
    {
        let start = Instant::now();
        let done = run_workload(name, scale).expect("a known workload");
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{{\"workload\":\"{name}\",\"items\":{},\"unit\":\"{}\",\"events\":{},\"secs\":{secs:.6}}}",
            done.items, done.unit, done.events
        );
    }
}
