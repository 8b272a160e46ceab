// The wasm half of scripts/bench: times each reference workload of src/sim/reference.rs,
// compiled to wasm (bench/wasm, wasm-bindgen --target nodejs, wasm-opt -Oz like the app),
// under Node. Prints one JSON line per workload, like the native example (the unit comes from
// the native line).
//
//   node bench/wasm_run.mjs <dir of the wasm-bindgen output> [scale]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [dir = 'target/bench/node', scale = '1'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { run_workload, workloads } = require(resolve(dir, 'scalelab_bench_wasm.js'));

for (const workload of workloads()) {
  const start = performance.now();
  const [items, events] = run_workload(workload, Number(scale));
  const secs = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ workload, items, events, secs: Number(secs.toFixed(6)) }));
}
