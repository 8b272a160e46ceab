// What a reader on a phone feels: Lighthouse 12.2.3's mobile run (simulated slow 4G and a 4×
// slower CPU) on the release site in dist/, served gzip-compressed under /scalelab/ the way
// GitHub Pages serves it, in Debian's Chromium. Prints one JSON object: per page the
// performance score, LCP, TBT, CLS, FCP and the other categories' scores.
//
//   node bench/lighthouse.mjs [--runs 1] [page…]      pages default to the home page,
//                                                      lessons/queues and embed/rate-limiting
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';

const PORT = 4184;
const BASE = '/scalelab/';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
const PAGES = args.length ? args : ['', 'lessons/queues', 'embed/rate-limiting'];
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

async function startServer() {
  const server = spawn(process.execPath, ['scripts/static-server.mjs', '--dir', 'dist', '--base', BASE, '--port', String(PORT), '--quiet'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${ORIGIN}${BASE}`)).ok) return server; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('static server did not start');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** One Lighthouse run of `url`: the figures we report. */
async function audit(chrome, url) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
  const a = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (c) => (lhr.categories[c]?.score ?? 0) * 100;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    seo: score('seo'),
    lcp_ms: a('largest-contentful-paint'),
    tbt_ms: a('total-blocking-time'),
    fcp_ms: a('first-contentful-paint'),
    cls: a('cumulative-layout-shift'),
    lcp_element: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    long_tasks: (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((t) => [t.url?.split('/').pop(), Math.round(t.duration)]),
  };
}

const server = await startServer();
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
try {
  const pages = [];
  for (const page of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(chrome, `${ORIGIN}${BASE}${page}`));
    // The median run by performance score (Lighthouse's own advice for variance).
    const mid = median(runs.map((r) => r.performance));
    pages.push({ page: `${BASE}${page}`, runs: RUNS, ...runs.find((r) => r.performance === mid) });
  }
  console.log(JSON.stringify({ lighthouse: '12.2.3', preset: 'mobile (simulated slow 4G, 4× CPU)', pages }));
} finally {
  await chrome.kill();
  server.kill();
}
