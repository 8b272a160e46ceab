// Pathological settings: arrivals far above capacity into an unlimited queue, a tiny cache in
// front of a million keys at the top read rate for a day, a million-request custom burst, and
// the N+1 page at its largest under the most users. Each run is capped (the notice says
// which setting was cut and why), finishes, leaves the wasm memory bounded, and never blocks
// the main thread for long; and a 10^6-read cache run is computed in slices with progress.
// These time main-thread tasks, so they run alone (the `alone` project, one at a time).
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered } from './helpers.mjs';

/** The wasm memory may grow to this at most during any one of these runs. */
const WASM_LIMIT = 256 * 1024 * 1024;
/** The longest main-thread task allowed while a run is computed (alone, on a 2-core CI machine). */
const LONGEST_TASK_MS = 150;

test.describe.configure({ mode: 'serial' });

const summary = (page) => page.locator('table.data-table', { has: page.locator('caption', { hasText: 'Summary of the run' }) });

/** Records long tasks (and the wasm memory) from the first script on. */
async function watchTasks(page) {
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}
/** A mark: tasks that start after it belong to the run, not to the start-up. */
const now = (page) => page.evaluate(() => performance.now());
/** The longest task that started after `from` (ms; 0 when none was long). */
async function longestSince(page, from) {
  await page.waitForTimeout(300); // the last tasks' entries arrive
  return page.evaluate((t) => Math.max(0, ...window.__tasks.filter(([s]) => s >= t).map(([, d]) => d)), from);
}

const CASES = [
  {
    name: 'queue: 5,000 jobs/s into one worker with an unlimited queue for a day',
    url: 'lessons/queues?rate=5000&workers=1&capacity=0&duration=86400&service_ms=1000&seed=1',
    notice: /Duration: shortened/,
  },
  {
    name: 'cache: one-entry caches, a million keys, 20,000 reads/s for a day',
    url: 'lessons/caching?rate=20000&duration=86400&keys=1000000&dist=uniform&l1_size=1&redis_size=1&db_slots=1&db_queue=100000&seed=1',
    notice: /Duration: shortened to \d+ s so the run stays under 2,000,000 requests/,
  },
  {
    name: 'rate limiter: a custom burst of a million requests at one instant',
    url: `lessons/rate-limiting?traffic=custom&timeline=${encodeURIComponent('1000000x@1, 1e9x@2')}&duration=60&seed=1`,
    notice: /Custom timeline/,
  },
  {
    name: 'N+1: the largest nested page, lazily loaded, for the most users',
    url: 'lessons/n-plus-one?shape=nested&posts=1000&comments=50&strategy=lazy&users=1000&think_ms=0&duration=86400&seed=1',
    notice: /so the run stays under/,
  },
];

for (const c of CASES) {
  test(c.name, async ({ page }) => {
    test.setTimeout(180_000);
    const watch = watchPage(page);
    await watchTasks(page);
    await page.goto(c.url);
    await expectAppRendered(page);
    await expect(page.locator('.notice-box')).toContainText(c.notice);
    const from = await now(page);
    await expect(summary(page)).toBeVisible({ timeout: 30_000 });
    await expect(summary(page)).not.toContainText('still in progress', { timeout: 150_000 });
    const longest = await longestSince(page, from);
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    console.log(`${c.name}: wasm memory ${(wasm / 1048576).toFixed(1)} MiB, longest task ${longest.toFixed(0)} ms`);
    expect(wasm).toBeGreaterThan(0);
    expect(wasm).toBeLessThan(WASM_LIMIT);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    // Still responsive: the playback bar answers at once.
    await page.getByRole('button', { name: /Play/ }).first().click();
    await expect(page.locator('.playback button.primary')).toHaveAttribute('aria-pressed', 'true');
    watch.expectClean();
  });
}

test('10^6 reads run in slices: progress is shown and no main-thread task blocks for long', async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await watchTasks(page);
  await page.goto('lessons/caching?seed=3&rate=20000&duration=50&writes=0');
  await expectAppRendered(page);
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);
  await expect(page.locator('.run-progress')).toBeVisible({ timeout: 20_000 });
  const from = await now(page);
  await expect(summary(page)).not.toContainText('still in progress', { timeout: 150_000 });
  const reads = await summary(page).locator('tbody tr', { has: page.locator('th', { hasText: 'Reads' }) }).first().locator('td').first().innerText();
  expect(Number(reads.replace(/,/g, ''))).toBeGreaterThan(950_000);
  const longest = await longestSince(page, from);
  console.log(`longest main-thread task during the 10^6-read run: ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThan(LONGEST_TASK_MS);
  watch.expectClean();
});
