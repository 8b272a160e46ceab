// The throughput half of scripts/bench: every reference workload (src/sim/reference.rs)
// natively (the `bench` example, built --release), in wasm under Node (bench/wasm, optimised
// like the app) and, for M/M/2, in SimPy. The runs are interleaved: each round times one run
// of each side, in alternating order, so load that drifts on a shared machine falls on both
// sides alike instead of on whichever ran during the busy minute. The wasm module stays loaded
// (warmed up once, as a page's repeated calls warm it); each native run is a fresh process with
// its own warm-up. Other load only ever adds time, so each side reports its fastest run; every
// run is kept. Writes native.jsonl, wasm.jsonl and simpy.jsonl (one JSON line per workload).
//
//   node bench/throughput.mjs <out dir> <scale> <simpy jobs> <simpy runs> <python>
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [out = 'target/bench', scaleArg = '1', simpyJobs = '1000000', simpyRunsArg = '3', python = 'python3'] = process.argv.slice(2);
const scale = Number(scaleArg);
const simpyRuns = Number(simpyRunsArg);
const ROUNDS = 5;
const NATIVE = resolve('target/release/examples/bench');

const require = createRequire(import.meta.url);
const { run_workload, workloads } = require(resolve(out, 'node', 'scalelab_bench_wasm.js'));

/** Runs a command that prints one JSON line; fails loudly otherwise. */
function jsonFrom(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const timeWasm = (workload) => {
  const start = performance.now();
  const [items, events] = run_workload(workload, scale);
  return { items, events, secs: Number(((performance.now() - start) / 1000).toFixed(6)) };
};

/** One line per workload: the fields of its last run, the fastest time and every time. */
const summarise = (runs) => {
  const secs = runs.map((r) => r.secs).sort((a, b) => a - b);
  return { ...runs[runs.length - 1], secs: secs[0], runs: secs };
};

const lines = { native: [], wasm: [], simpy: [] };
for (const workload of workloads()) {
  run_workload(workload, Math.max(scale / 10, 1e-4)); // warm-up, and V8's tier-up
  const runs = { native: [], wasm: [], simpy: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const sides = [
      () => runs.native.push(jsonFrom(NATIVE, [String(scale), workload], { BENCH_RUNS: '1' })),
      () => runs.wasm.push({ workload, ...timeWasm(workload) }),
    ];
    if (workload === 'mm2' && round < simpyRuns) {
      sides.push(() => runs.simpy.push(jsonFrom(python, ['bench/simpy_mm2.py', simpyJobs, '1'])));
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
