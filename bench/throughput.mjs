// The throughput half of scripts/bench: every reference workload (bench/workloads)
// natively (the `bench` example, built --release), in wasm under Node (the same crate built for wasm32, optimised
// like the app) and, for M/M/2, in SimPy. The runs are interleaved: each round times one run
// of each side, in alternating order, so load that drifts on a shared machine falls on both
// sides alike instead of on whichever ran during the busy minute. Every run is a fresh process
// with its own warm-up, on both sides: on this VM one wasm process can stay ~1.6× slower than
// the next for its whole life (163 against 266 ms for the same run, with or without V8's
// baseline compiler), so a single long-lived process would measure its own luck. A wasm process times two runs
// after its warm-up and keeps the faster, so V8 has tiered the hot code up (the first run after
// a short warm-up can still be partly in baseline code). Other load only ever adds time, so
// each side reports its fastest run; every run is kept. Writes native.jsonl, wasm.jsonl and
// simpy.jsonl (one JSON line per workload).
//
//   node bench/throughput.mjs <out dir> <scale> <simpy jobs> <simpy runs> <python>
//   node bench/throughput.mjs --wasm-run <out dir> <workload> <scale>   (one wasm process's run)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS = 5;
const NATIVE = resolve('target/release/examples/bench');
const SELF = fileURLToPath(import.meta.url);

/** Runs a command that prints one JSON line; fails loudly otherwise. */
function jsonFrom(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** The reference workloads built for wasm (wasm-bindgen's Node output in `<out>/node`). */
const wasmModule = (out) => createRequire(import.meta.url)(resolve(out, 'node', 'scalelab_workloads.js'));

/** One wasm process: load the module, warm up at a tenth of the size, time two runs. */
function wasmRun(out, workload, scale) {
  const { run_workload } = wasmModule(out);
  run_workload(workload, Math.max(scale / 10, 1e-4));
  let best = null;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    const [items, events] = run_workload(workload, scale);
    const secs = Number(((performance.now() - start) / 1000).toFixed(6));
    if (!best || secs < best.secs) best = { workload, items, events, secs };
  }
  console.log(JSON.stringify(best));
}

/** One line per workload: the fields of its last run, the fastest time and every time. */
const summarise = (runs) => {
  const secs = runs.map((r) => r.secs).sort((a, b) => a - b);
  return { ...runs[runs.length - 1], secs: secs[0], runs: secs };
};

function interleaved(out, scale, simpyJobs, simpyRuns, python) {
  const workloads = [...wasmModule(out).workloads()];
  const lines = { native: [], wasm: [], simpy: [] };
  for (const workload of workloads) {
    const runs = { native: [], wasm: [], simpy: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const sides = [
        () => runs.native.push(jsonFrom(NATIVE, [String(scale), workload], { BENCH_RUNS: '1' })),
        () => runs.wasm.push(jsonFrom(process.execPath, [SELF, '--wasm-run', out, workload, String(scale)])),
      ];
      if (workload === 'mm2' && round < simpyRuns) {
        sides.push(() => runs.simpy.push(jsonFrom(python, ['bench/simpy_mm2.py', String(simpyJobs), '1'])));
      }
      if (round % 2) sides.reverse();
      for (const side of sides) side();
    }
    for (const side of Object.keys(lines)) if (runs[side].length) lines[side].push(summarise(runs[side]));
    console.error(`[bench] ${workload}: native ${runs.native.map((r) => r.secs).join(' ')} s; wasm ${runs.wasm.map((r) => r.secs).join(' ')} s`);
  }
  for (const [side, rows] of Object.entries(lines)) {
    writeFileSync(`${out}/${side}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  }
}

const args = process.argv.slice(2);
if (args[0] === '--wasm-run') {
  wasmRun(args[1], args[2], Number(args[3]));
} else {
  const [out = 'target/bench', scale = '1', simpyJobs = '1000000', simpyRuns = '3', python = 'python3'] = args;
  interleaved(out, Number(scale), Number(simpyJobs), Number(simpyRuns), python);
}
