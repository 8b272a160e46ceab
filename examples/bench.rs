//! The native half of `scripts/bench`: times each reference workload
//! (`scalelab::sim::reference`) and prints one JSON object per line.
//!
//!   cargo run --release --example bench -- [scale]    # scale 1 = full size, 0.1 quick
use scalelab::sim::reference::{run_workload, WORKLOADS};
use std::time::Instant;

fn main() {
    let scale: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    for name in WORKLOADS {
        let start = Instant::now();
        let done = run_workload(name, scale).expect("a known workload");
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{{\"workload\":\"{name}\",\"items\":{},\"unit\":\"{}\",\"events\":{},\"secs\":{secs:.6}}}",
            done.items, done.unit, done.events
        );
    }
}
