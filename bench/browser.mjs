// The browser half of scripts/bench: on the release site in dist/ (served under /scalelab/
// by scripts/static-server.mjs), in headless Chromium, measures
//   - every file the first load of a page fetches, raw and gzip -9, and the total;
//   - the time to the first rendered demo (median of 5 fresh loads);
//   - slider change → every chart redrawn (median and p95 over N changes, default scenario);
//   - the longest main-thread task while a 10^6-job run is computed.
// Prints one JSON object.
//
//   node bench/browser.mjs [--changes 30] [--jobs 1000000]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { sizesOf } from './first-load.mjs';

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

const OBSERVE = () => {
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

const summaryDone = (page) => page.waitForFunction(() => {
  const cap = [...document.querySelectorAll('table.data-table caption')].find((c) => c.textContent.includes('Summary of the run'));
  return cap && !cap.closest('table').textContent.includes('still in progress');
}, null, { timeout: 300_000 });

/** Slider change → the first frame every chart draws with the new data. */
async function sliderToCharts(browser, changes) {
  const page = await browser.newPage();
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
  return { changes, median_ms: median(times), p95_ms: quantile(times, 0.95), max_ms: Math.max(...times) };
}

/** The longest main-thread task while a run of `jobs` M/M/2 jobs is computed. */
async function longRun(browser, jobs) {
  const page = await browser.newPage();
  await page.addInitScript(OBSERVE);
  const duration = Math.round(jobs / 160);
  await page.goto(`${ORIGIN}${BASE}lessons/queues?rate=160&workers=2&service_ms=10&duration=${duration}&seed=1`);
  await page.waitForFunction(() => window.__firstDemo !== null, null, { timeout: 30_000 });
  const start = Date.now();
  await summaryDone(page);
  await page.waitForTimeout(500); // the last chart redraws and their task entries arrive
  // Tasks that started once the demo was in the page: the run, not the start-up. The window
  // opens at the page's own mark, not when this script next gets a word in (that came after
  // any long task, and so missed it).
  const { longest, tasks } = await page.evaluate(() => {
    const during = window.__tasks.filter(([s]) => s >= window.__firstDemo);
    return { longest: Math.max(0, ...during.map(([, d]) => d)), tasks: during.map(([s, d]) => [Math.round(s - window.__firstDemo), Math.round(d)]) };
  });
  const result = { jobs, run_secs: (Date.now() - start) / 1000, longest_task_ms: longest, long_tasks_after_demo_ms: tasks };
  await page.close();
  return result;
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const out = {
    first_load: [await firstLoad(browser, ''), await firstLoad(browser, 'lessons/queues')],
    first_demo: await firstDemoMs(browser, 'lessons/queues'),
    slider_to_charts: await sliderToCharts(browser, CHANGES),
    long_run: await longRun(browser, JOBS),
  };
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  server.kill();
}
