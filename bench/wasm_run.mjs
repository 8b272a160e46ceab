// The wasm half of scripts/bench: times each reference workload of src/sim/reference.rs,
// compiled to wasm (bench/wasm, wasm-bindgen --target nodejs, wasm-opt -Oz like the app),
// under Node. Prints one JSON line per workload, like the native example (the unit comes from
// the native line): the fastest of RUNS timed runs (as natively: see examples/bench.rs) after
// a warm-up run at a tenth of the size
// (which also lets V8 tier the module up from its baseline compiler, as a page's repeated
// calls do).
//
//   node bench/wasm_run.mjs <dir of the wasm-bindgen output> [scale]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [dir = 'target/bench/node', scale = '1'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { run_workload, workloads } = require(resolve(dir, 'scalelab_bench_wasm.js'));

const RUNS = 5;
for (const workload of workloads()) {
  run_workload(workload, Math.max(Number(scale) / 10, 1e-4)); // warm-up
  const runs = [];
  let items, events;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    [items, events] = run_workload(workload, Number(scale));
    runs.push(Number(((performance.now() - start) / 1000).toFixed(6)));
  }
  runs.sort((a, b) => a - b);
  console.log(JSON.stringify({ workload, items, events, secs: runs[0], runs }));
}
