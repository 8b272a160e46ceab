//! The native half of `scripts/bench`: times each reference workload
//! (`scalelab_sim::reference`) and prints one JSON object per line: the fastest of
//! [`RUNS`] timed runs after one warm-up run at a tenth of the size. On a shared 2-core VM,
//! consecutive runs of the same binary varied from 0.175 s to 0.28 s; other load only ever
//! adds time, so the fastest run is the best estimate of the code's own cost (as Python's
//! `timeit` advises). Every run's time is in the JSON.
//!
//!   cargo run --release -p scalelab-workloads --example bench -- [scale] [workload…]   # scale 1 = full size, 0.1 quick;
//!                                                                 # no workload named = all of them
//!   BENCH_RUNS=1 …                                                # one timed run
use scalelab_workloads::{run_workload, WORKLOADS};
use std::time::Instant;

/// Timed runs per workload; the fastest is reported. `BENCH_RUNS` overrides it
/// (`bench/throughput.mjs` asks for one run per call and interleaves the calls with wasm's).
const RUNS: usize = 5;

fn main() {
    let scale: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let only: Vec<String> = std::env::args().skip(2).collect();
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(RUNS)
        .max(1);
    for name in WORKLOADS
        .into_iter()
        .filter(|w| only.is_empty() || only.iter().any(|o| o == w))
    {
        run_workload(name, (scale / 10.0).max(1e-4)); // warm-up
        let mut times = Vec::with_capacity(runs);
        let mut done = None;
        for _ in 0..runs {
            let start = Instant::now();
            done = run_workload(name, scale);
            times.push(start.elapsed().as_secs_f64());
        }
        let done = done.expect("a known workload");
        times.sort_by(f64::total_cmp);
        let runs: Vec<String> = times.iter().map(|t| format!("{t:.6}")).collect();
        println!(
            "{{\"workload\":\"{name}\",\"items\":{},\"unit\":\"{}\",\"events\":{},\"secs\":{:.6},\"runs\":[{}]}}",
            done.items,
            done.unit,
            done.events,
            times[0],
            runs.join(",")
        );
    }
}
