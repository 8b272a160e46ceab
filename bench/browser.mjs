// The browser half of scripts/bench: on the release site in dist/ (served under /scalelab/
// by scripts/static-server.mjs), in headless Chromium, measures
//   - every file the first load of a page fetches, raw and gzip -9, and the total;
//   - the time to the first rendered demo (median of 5 fresh loads);
//   - slider change → every chart redrawn (median and p95 over N changes, default scenario);
//   - the longest main-thread task while a 10^6-job run is computed: started from the Duration
//     box of a loaded page (the run's own work), and opened from a link (start-up included);
//   - during another such run, what the reader feels: the gaps between rendered frames, and
//     clicks on the theme toggle timed by the Event Timing API (input → next paint, as INP
//     counts an interaction).
// Prints one JSON object.
//
//   node bench/browser.mjs [--changes 30] [--jobs 1000000] [--only input_during_run,…]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { sizesOf } from './first-load.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHANGES = arg('changes', 30);
const JOBS = arg('jobs', 1_000_000);
const PORT = arg('port', 4183);
const BASE = '/scalelab/';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const i = Math.min(s.length - 1, Math.ceil(q * s.length) - 1);
  return s[Math.max(0, i)];
}

async function startServer() {
  const server = spawn(process.execPath, ['scripts/static-server.mjs', '--dir', 'dist', '--base', BASE, '--port', String(PORT)], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${ORIGIN}${BASE}`)).ok) return server; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('static server did not start');
}

/** The same-origin files a fresh load of `path` fetches, with their sizes from dist/. */
async function firstLoad(browser, path) {
  const page = await browser.newPage();
  const urls = new Set();
  page.on('request', (r) => urls.add(r.url()));
  await page.goto(`${ORIGIN}${BASE}${path}`);
  await page.locator(path ? 'section.demo svg.diagram' : '.cards .card').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.close();
  return { path: `${BASE}${path}`, ...sizesOf(urls, { origin: ORIGIN, base: BASE }) };
}

/** Added to every measured page: the first-demo mark, long tasks, the run summary's text. */
const OBSERVE = () => {
  window.__summary = () => {
    const cap = [...document.querySelectorAll('table.data-table caption')].find((c) => c.textContent.includes('Summary of the run'));
    return cap ? cap.closest('table').textContent : '';
  };
  window.__firstDemo = null;
  window.__tasks = [];
  new MutationObserver((_, obs) => {
    if (document.querySelector('section.demo svg.diagram')) {
      window.__firstDemo = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

async function firstDemoMs(browser, path, loads = 5) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(`${ORIGIN}${BASE}${path}`);
    await page.waitForFunction(() => window.__firstDemo !== null, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => window.__firstDemo));
    await context.close();
  }
  return { path: `${BASE}${path}`, loads, median_ms: median(times), all_ms: times.map((t) => Math.round(t)) };
}

/** Waits until the run summary (see OBSERVE) is final and differs from `before`. */
const summaryDone = (page, before = '') => page.waitForFunction((before) => {
  const text = window.__summary();
  return text !== '' && text !== before && !text.includes('still in progress');
}, before, { timeout: 300_000 });

/** Slider change → the first frame every chart draws with the new data. */
async function sliderToCharts(browser, changes) {
  const page = await browser.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(`${ORIGIN}${BASE}lessons/queues?seed=1`);
  await summaryDone(page);
  await page.waitForFunction(() => document.querySelectorAll('.charts .chart canvas').length >= 3);
  await page.evaluate(() => {
    window.__rendered = [];
    document.querySelectorAll('.charts .chart').forEach((el, i) => {
      const chart = window.echarts.getInstanceByDom(el);
      chart.on('rendered', () => { window.__rendered.push([i, performance.now()]); });
    });
  });
  const times = [];
  for (let i = 0; i < changes; i++) {
    await page.waitForTimeout(1200); // the previous change's animation is over
    const t0 = await page.evaluate((pos) => {
      const slider = document.querySelector('.control[data-key=rate] input[type=range]');
      window.__rendered = [];
      const t = performance.now();
      slider.value = String(pos);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      return t;
    }, i % 2 ? 480 : 520);
    const charts = await page.evaluate(() => document.querySelectorAll('.charts .chart').length);
    await page.waitForFunction((n) => new Set(window.__rendered.map(([c]) => c)).size >= n, charts, { timeout: 30_000 });
    const firstPerChart = await page.evaluate(() => {
      const first = new Map();
      for (const [c, t] of window.__rendered) if (!first.has(c)) first.set(c, t);
      return [...first.values()];
    });
    times.push(Math.max(...firstPerChart) - t0);
  }
  await page.close();
  return { changes, median_ms: median(times), p95_ms: quantile(times, 0.95), max_ms: Math.max(...times), all_ms: times.map((t) => Math.round(t)) };
}

/** The M/M/2 scenario at ρ = 0.8 (160 jobs/s, 2 workers, 10 ms service) lasting `secs`. */
const mm2Url = (secs) => `${ORIGIN}${BASE}lessons/queues?rate=160&workers=2&service_ms=10&duration=${secs}&seed=1`;
const mm2Secs = (jobs) => Math.round(jobs / 160);

/** Long tasks that started at or after `since` (page clock), as [start − since, duration]. */
const tasksSince = (page, sinceExpr) => page.evaluate((expr) => {
  const since = window[expr];
  const during = window.__tasks.filter(([s]) => s >= since);
  return { longest: Math.max(0, ...during.map(([, d]) => d)), tasks: during.map(([s, d]) => [Math.round(s - since), Math.round(d)]) };
}, sinceExpr);

/**
 * The longest main-thread task while a run of `jobs` M/M/2 jobs is computed, started as a
 * reader starts one: on a lesson page that has loaded, by typing the long duration into the
 * Duration box. Only the run's own work (simulation slices, the progress, chart redraws) falls
 * in this window.
 */
async function longRunFromControls(browser, jobs) {
  const page = await browser.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(mm2Url(60));
  await summaryDone(page);
  await page.waitForFunction(() => document.querySelectorAll('.charts .chart canvas').length >= 3);
  await page.waitForTimeout(1500); // start-up work (ECharts warm-up, first draws) is over
  const box = page.locator('.control[data-key=duration] input[type=number]');
  const before = await page.evaluate(() => window.__summary());
  // Every task's length comes from a trace of the renderer's top-level tasks (the Long Tasks
  // API only reports those over 50 ms).
  const traceFile = 'target/bench/long-run-trace.json';
  mkdirSync(dirname(traceFile), { recursive: true });
  await browser.startTracing(page, { path: traceFile, categories: ['toplevel'] });
  await page.evaluate(() => { window.__runStart = performance.now(); });
  await box.fill(String(mm2Secs(jobs)));
  await box.dispatchEvent('change');
  const start = Date.now();
  await summaryDone(page, before);
  const runSecs = (Date.now() - start) / 1000;
  const arrived = await page.evaluate(() => [...document.querySelectorAll('table.data-table tr')]
    .find((r) => r.textContent.startsWith('Jobs arrived'))?.querySelector('td')?.textContent);
  // The run must be the one asked for, not a smaller one the app clamped it to.
  const arrivedJobs = Number(String(arrived).replace(/,/g, ''));
  if (!(arrivedJobs >= 0.95 * jobs)) throw new Error(`the long run had ${arrived} jobs, not about ${jobs}`);
  await page.waitForTimeout(500); // the last chart redraws and their task entries arrive
  await browser.stopTracing();
  const { tasks } = await tasksSince(page, '__runStart');
  await page.close();
  const traced = mainThreadTasks(traceFile);
  return {
    jobs, jobs_arrived: arrived, run_secs: runSecs,
    longest_task_ms: Math.max(0, ...traced), tasks_over_16ms: traced.filter((d) => d > 16).length,
    long_tasks_ms: tasks,
  };
}

/** Durations (ms) of the renderer main thread's top-level tasks in a trace file. */
function mainThreadTasks(file) {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  return traceEvents
    .filter((e) => e.pid === main.pid && e.tid === main.tid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X')
    .map((e) => e.dur / 1000);
}

/**
 * The same run opened from a link: the page starts up while the run computes, so this window
 * also holds start-up work any lesson page does whatever the run's size (ECharts' one-time
 * script evaluation, the page's first layout). Reported beside the run's own figure.
 */
async function longRunFromLink(browser, jobs) {
  const page = await browser.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(mm2Url(mm2Secs(jobs)));
  await page.waitForFunction(() => window.__firstDemo !== null, null, { timeout: 30_000 });
  const start = Date.now();
  await summaryDone(page);
  await page.waitForTimeout(500);
  // The window opens at the page's own first-demo mark, not when this script next gets a word
  // in (that came after any long task in progress, and so missed it).
  const { longest, tasks } = await tasksSince(page, '__firstDemo');
  await page.close();
  return { jobs, run_secs: (Date.now() - start) / 1000, longest_task_ms: longest, long_tasks_after_demo_ms: tasks };
}

/**
 * A reader using the page while a run of `jobs` M/M/2 jobs is computed: frame gaps (from
 * requestAnimationFrame) and the latency of `clicks` clicks on the theme toggle, each from
 * input to the next paint (Event Timing API, the interaction's longest event).
 */
async function inputDuringLongRun(browser, jobs, clicks = 12) {
  const page = await browser.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(mm2Url(60));
  await summaryDone(page);
  await page.waitForTimeout(1500);
  const before = await page.evaluate(() => window.__summary());
  await page.evaluate(() => {
    window.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId) continue;
        window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    window.__frames = [];
    window.__framing = true;
    const tick = (t) => { window.__frames.push(t); if (window.__framing) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const box = page.locator('.control[data-key=duration] input[type=number]');
  await box.fill(String(mm2Secs(jobs)));
  await box.dispatchEvent('change');
  const toggle = page.locator('.site-header button').first();
  for (let i = 0; i < clicks; i++) {
    await page.waitForTimeout(150);
    await toggle.click({ noWaitAfter: true, timeout: 10_000 });
  }
  await summaryDone(page, before);
  await page.waitForTimeout(300);
  const { interactions, frames } = await page.evaluate(() => {
    window.__framing = false;
    return { interactions: [...window.__interactions.values()], frames: window.__frames };
  });
  await page.close();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  return {
    jobs, clicks, interactions_timed: interactions.length,
    // Entries under 16 ms are not reported (durationThreshold): count them as 16.
    click_to_paint_median_ms: median(pad(interactions, clicks, 16)), click_to_paint_p95_ms: quantile(pad(interactions, clicks, 16), 0.95),
    click_to_paint_ms: interactions.map(Math.round),
    frame_gap_max_ms: Math.max(0, ...gaps), frame_gap_p95_ms: quantile(gaps, 0.95), frames: frames.length,
  };
}
const pad = (xs, n, v) => [...xs, ...Array(Math.max(0, n - xs.length)).fill(v)];

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const parts = {
    first_load: async () => [await firstLoad(browser, ''), await firstLoad(browser, 'lessons/queues')],
    first_demo: () => firstDemoMs(browser, 'lessons/queues'),
    slider_to_charts: () => sliderToCharts(browser, CHANGES),
    long_run: () => longRunFromControls(browser, JOBS),
    long_run_from_link: () => longRunFromLink(browser, JOBS),
    input_during_run: () => inputDuringLongRun(browser, JOBS),
  };
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : Object.keys(parts);
  const out = {};
  for (const name of only) out[name] = await parts[name]();
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  server.kill();
}
