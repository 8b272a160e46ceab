// Combines the measurements of scripts/bench into one table and one JSON file.
//
//   node bench/report.mjs <dir with native.jsonl, wasm.jsonl, simpy.jsonl, browser.json> <mode>
// Writes <dir>/bench.json and prints the table; the targets of issue 6 are marked ✓ / ✗.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';

const [dir = 'target/bench', mode = 'full'] = process.argv.slice(2);
const lines = (f) => existsSync(`${dir}/${f}`)
  ? readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  : [];
const byName = (rows) => Object.fromEntries(rows.map((r) => [r.workload, r]));
const native = byName(lines('native.jsonl'));
const wasm = byName(lines('wasm.jsonl'));
const simpy = byName(lines('simpy.jsonl'));
const lighthouse = existsSync(`${dir}/lighthouse.json`) ? JSON.parse(readFileSync(`${dir}/lighthouse.json`, 'utf8')) : null;
const lessonBundles = existsSync(`${dir}/lessons.json`) ? JSON.parse(readFileSync(`${dir}/lessons.json`, 'utf8')) : [];
const browser = existsSync(`${dir}/browser.json`) ? JSON.parse(readFileSync(`${dir}/browser.json`, 'utf8')) : null;

const TARGETS = {
  native_vs_simpy: 150,
  wasm_vs_native: 0.6,
  full_vs_bare: 0.5,
  slider_to_charts_ms: 50,
  longest_task_ms: 50,
  first_load_gzip_bytes: 350_000,
  first_demo_ms: 500,
  click_to_paint_median_ms: 100,
  click_to_paint_p95_ms: 200,
  frame_gap_ms: 50,
  lighthouse_performance: 90,
  lcp_ms: 2500,
  tbt_ms: 200,
};
const DESCRIBE = {
  mm2: 'M/M/2, ρ = 0.8',
  cache: 'cache: L1 + Redis + DB',
  ratelimit: 'rate limiters (6 per request)',
  nplus1: 'N+1 load test, 1,000 users',
  mm2_bare: 'M/M/2, no statistics (yardstick)',
};

const rate = (r) => (r ? r.items / r.secs : null);
const fmtRate = (x, unit) => (x == null ? '—' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} M ${unit}/s` : `${(x / 1e3).toFixed(1)} k ${unit}/s`);
const mark = (ok) => (ok == null ? ' ' : ok ? '✓' : '✗');

const workloads = Object.keys(native).map((name) => {
  const n = native[name], w = wasm[name], s = simpy[name];
  const row = {
    workload: name,
    description: DESCRIBE[name] ?? name,
    items: n.items,
    unit: n.unit,
    native_per_s: rate(n),
    wasm_per_s: rate(w),
    simpy_per_s: rate(s),
  };
  row.wasm_vs_native = row.wasm_per_s && row.native_per_s ? row.wasm_per_s / row.native_per_s : null;
  row.native_vs_simpy = row.simpy_per_s ? row.native_per_s / row.simpy_per_s : null;
  row.same_result_in_wasm = w ? w.items === n.items && w.events === n.events : null;
  return row;
});

// The full model's throughput as a share of the bare engine's on the same M/M/2 workload.
const share = (side) => (side.mm2 && side.mm2_bare ? rate(side.mm2) / rate(side.mm2_bare) : null);
const fullVsBare = { native: share(native), wasm: share(wasm) };

const out = {
  when: new Date().toISOString(),
  mode,
  machine: { platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
  targets: TARGETS,
  workloads,
  full_vs_bare: fullVsBare,
  simpy_version: simpy.mm2?.simpy ?? null,
  lesson_bundles: lessonBundles,
  lighthouse,
  browser,
};
writeFileSync(`${dir}/bench.json`, `${JSON.stringify(out, null, 2)}\n`);

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const p = [];
p.push(`ScaleLab benchmark (${mode}) — ${out.when.slice(0, 16).replace('T', ' ')} UTC, ${out.machine.platform}, ${out.machine.cpus} cores, Node ${process.version}`);
p.push('');
const simpyRuns = simpy.mm2?.runs?.length ?? 1;
const rounds = native.mm2?.runs?.length ?? 5;
p.push(`Simulator throughput (same seed and result natively and in wasm; release profile, as shipped; fastest of ${rounds} interleaved rounds after a warm-up; SimPy: fastest of ${simpyRuns}, in the same rounds)`);
p.push(`  ${pad('workload', 32)}${lpad('size', 20)}${lpad('native', 22)}${lpad('wasm (Node)', 22)}${lpad('SimPy', 16)}${lpad('native/SimPy', 15)}${lpad('wasm/native', 13)}`);
for (const r of workloads) {
  p.push(`  ${pad(r.description, 32)}${lpad(`${r.items.toLocaleString('en')} ${r.unit}`, 20)}`
    + `${lpad(fmtRate(r.native_per_s, r.unit), 22)}${lpad(fmtRate(r.wasm_per_s, r.unit), 22)}${lpad(r.simpy_per_s ? fmtRate(r.simpy_per_s, r.unit) : '—', 16)}`
    + `${lpad(r.native_vs_simpy ? `${r.native_vs_simpy.toFixed(0)}× ${mark(r.native_vs_simpy >= TARGETS.native_vs_simpy)}` : '', 15)}`
    + `${lpad(r.wasm_vs_native ? `${r.wasm_vs_native.toFixed(2)} ${mark(r.wasm_vs_native >= TARGETS.wasm_vs_native)}` : '—', 13)}`
    + `${r.same_result_in_wasm === false ? '  (wasm result differs!)' : ''}`);
}
if (fullVsBare.native != null) {
  const w = fullVsBare.wasm != null ? `, wasm ${fullVsBare.wasm.toFixed(2)}` : '';
  p.push(`  M/M/2 full model ÷ bare engine: native ${fullVsBare.native.toFixed(2)} ${mark(fullVsBare.native >= TARGETS.full_vs_bare)}${w}  (target ≥ ${TARGETS.full_vs_bare} natively: statistics and views cost at most the simulation itself)`);
}
p.push(`  targets: native ≥ ${TARGETS.native_vs_simpy}× SimPy ${out.simpy_version ? `(SimPy ${out.simpy_version})` : ''}, wasm ≥ ${TARGETS.wasm_vs_native}× native`);
if (browser) {
  for (const load of browser.first_load) {
    p.push('');
    p.push(`First load of ${load.path}: every file fetched (raw / gzip -9)`);
    for (const f of load.files) p.push(`  ${pad(f.file, 44)}${lpad(f.raw.toLocaleString('en'), 12)} B${lpad(f.gzip.toLocaleString('en'), 12)} B`);
    p.push(`  ${pad('total', 44)}${lpad(load.raw.toLocaleString('en'), 12)} B${lpad(load.gzip.toLocaleString('en'), 12)} B  ${mark(load.gzip <= TARGETS.first_load_gzip_bytes)} target ≤ ${TARGETS.first_load_gzip_bytes.toLocaleString('en')} B gzip`);
  }
  const b = browser;
  p.push('');
  p.push('Headless Chromium on the release site (localhost)');
  p.push(`  first demo rendered (${b.first_demo.path}, median of ${b.first_demo.loads}): ${b.first_demo.median_ms.toFixed(0)} ms  ${mark(b.first_demo.median_ms <= TARGETS.first_demo_ms)} target < ${TARGETS.first_demo_ms} ms`);
  p.push(`  slider change → every chart redrawn (${b.slider_to_charts.changes} changes): median ${b.slider_to_charts.median_ms.toFixed(0)} ms, p95 ${b.slider_to_charts.p95_ms.toFixed(0)} ms  ${mark(b.slider_to_charts.p95_ms <= TARGETS.slider_to_charts_ms)} target < ${TARGETS.slider_to_charts_ms} ms`);
  const run = b.long_run, link = b.long_run_from_link;
  p.push(`  longest main-thread task during a ${run.jobs.toLocaleString('en')}-job run started from the Duration box (${run.run_secs.toFixed(1)} s): ${run.longest_task_ms.toFixed(0)} ms  ${mark(run.longest_task_ms <= TARGETS.longest_task_ms)} target ≤ ${TARGETS.longest_task_ms} ms`);
  if (link) {
    const over = link.long_tasks_after_demo_ms.map(([at, d]) => `${d} ms at +${at} ms`).join(', ') || 'none';
    p.push(`  the same run opened from a link, page start-up included (${link.run_secs.toFixed(1)} s): longest task ${link.longest_task_ms.toFixed(0)} ms  ${mark(link.longest_task_ms <= TARGETS.longest_task_ms)}`);
    p.push(`    tasks over 50 ms after the demo appeared: ${over}`);
  }
  const input = b.input_during_run;
  if (input) {
    p.push(`  during a ${input.jobs.toLocaleString('en')}-job run, ${input.clicks} clicks on the theme toggle, input → next paint (Event Timing): median ${input.click_to_paint_median_ms.toFixed(0)} ms ${mark(input.click_to_paint_median_ms < TARGETS.click_to_paint_median_ms)}, p95 ${input.click_to_paint_p95_ms.toFixed(0)} ms ${mark(input.click_to_paint_p95_ms < TARGETS.click_to_paint_p95_ms)}  targets < ${TARGETS.click_to_paint_median_ms} / < ${TARGETS.click_to_paint_p95_ms} ms`);
    p.push(`    frames during that run: ${input.frames}, longest gap ${input.frame_gap_max_ms.toFixed(0)} ms ${mark(input.frame_gap_max_ms <= TARGETS.frame_gap_ms)}, p95 gap ${input.frame_gap_p95_ms.toFixed(0)} ms  target a frame at least every ${TARGETS.frame_gap_ms} ms`);
  }
}
if (lighthouse) {
  p.push('');
  p.push(`Lighthouse ${lighthouse.lighthouse}, ${lighthouse.preset}, site served gzip (median run by score)`);
  p.push(`  ${pad('page', 30)}${lpad('perf', 8)}${lpad('LCP', 10)}${lpad('TBT', 10)}${lpad('FCP', 10)}${lpad('CLS', 7)}${lpad('a11y/bp/seo', 14)}`);
  for (const g of lighthouse.pages) {
    p.push(`  ${pad(`${g.page} (×${g.runs})`, 30)}${lpad(`${g.performance} ${mark(g.performance >= TARGETS.lighthouse_performance)}`, 8)}`
      + `${lpad(`${(g.lcp_ms / 1000).toFixed(1)} s ${mark(g.lcp_ms <= TARGETS.lcp_ms)}`, 10)}${lpad(`${Math.round(g.tbt_ms)} ms ${mark(g.tbt_ms <= TARGETS.tbt_ms)}`, 10)}`
      + `${lpad(`${(g.fcp_ms / 1000).toFixed(1)} s`, 10)}${lpad(g.cls.toFixed(2), 7)}${lpad(`${g.accessibility}/${g.best_practices}/${g.seo}`, 14)}`);
  }
  p.push(`  targets: performance ≥ ${TARGETS.lighthouse_performance}, LCP ≤ ${TARGETS.lcp_ms / 1000} s, TBT ≤ ${TARGETS.tbt_ms} ms`);
}
if (lessonBundles.length) {
  const core = lessonBundles.find((b) => b.lesson === 'none');
  p.push('');
  p.push(`App bundle (wasm + JS glue, raw / gzip -9) by the lessons built in${core ? '; "adds" = over the build with no lesson' : ''}`);
  for (const b of lessonBundles) {
    const name = b.lesson === 'all' ? 'every lesson (the site)' : b.lesson === 'none' ? 'no lesson (shared core)' : `${b.lesson} alone`;
    const adds = core && b.lesson !== 'none' ? `   adds ${(b.gzip - core.gzip).toLocaleString('en')} B` : '';
    p.push(`  ${pad(name, 32)}${lpad(b.raw.toLocaleString('en'), 12)} B${lpad(b.gzip.toLocaleString('en'), 12)} B${adds}`);
  }
}
p.push('');
p.push(`JSON: ${dir}/bench.json`);
console.log(p.join('\n'));
