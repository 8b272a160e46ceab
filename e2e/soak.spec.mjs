// Long sessions: a demo animating at top speed for 10 simulated minutes, then route switches
// between every lesson and embed (100 by default; SOAK_SWITCHES=1000 for a longer soak).
// Chart instances must return to zero when their page is left, and the JS heap and the
// wasm memory must come back to their baseline within a margin: no leak per page view.
//
//   npx playwright test e2e/soak.spec.mjs                       # as CI runs it
//   SOAK_SWITCHES=1000 npx playwright test e2e/soak.spec.mjs    # the long soak
import { test, expect } from '@playwright/test';
import { collectConsoleErrors, expectAppRendered, LESSON_SLUGS } from './helpers.mjs';

const SWITCHES = Number(process.env.SOAK_SWITCHES || 100);
/** Every lesson and embed route of the registry, lessons and embeds interleaved. */
const ROUTES = LESSON_SLUGS.flatMap((s, i) => (i % 2 ? [`embed/${s}`, `lessons/${s}`] : [`lessons/${s}`, `embed/${s}`]));
/** Allowed growth over the baseline after the switches. */
const HEAP_MARGIN = 8 * 1024 * 1024;
const WASM_MARGIN = 16 * 1024 * 1024;

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  return { heap: usedSize, wasm };
}

/** Client-side navigation, as a link click in the app does it. */
async function go(page, route) {
  await page.evaluate((r) => {
    history.pushState({}, '', new URL(r, document.baseURI).href);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, route);
  await expect(page.locator('section.demo')).toBeVisible();
}

test('10 simulated minutes at top speed, then route switches: memory and charts come back', async ({ page }) => {
  test.setTimeout(300_000 + SWITCHES * 3_000);
  const errors = collectConsoleErrors(page);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  });
  const cdp = await page.context().newCDPSession(page);

  await page.goto('lessons/queues?duration=600&rate=20&workers=25&seed=11');
  await expectAppRendered(page);
  await page.locator('.playback select').selectOption('64');
  await page.getByRole('button', { name: /Play/ }).first().click();
  await expect(page.locator('.playback .clock')).toContainText('t = 600.0 s of 600 s', { timeout: 60_000 });
  expect(await page.evaluate(() => window.__wasmMemory instanceof WebAssembly.Memory)).toBe(true);

  // Warm-up: visit every route once, then measure the baseline on the about page.
  for (const r of ROUTES) await go(page, r);
  await page.evaluate(() => { history.pushState({}, '', new URL('about', document.baseURI).href); dispatchEvent(new PopStateEvent('popstate', { state: {} })); });
  await expect(page.locator('section.demo')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__scalelabCharts)).toBe(0);
  const before = await memory(page, cdp);

  for (let i = 0; i < SWITCHES; i++) await go(page, ROUTES[i % ROUTES.length]);

  await page.evaluate(() => { history.pushState({}, '', new URL('about', document.baseURI).href); dispatchEvent(new PopStateEvent('popstate', { state: {} })); });
  await expect(page.locator('section.demo')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__scalelabCharts)).toBe(0);
  const after = await memory(page, cdp);
  console.log(`soak: ${SWITCHES} switches; JS heap ${before.heap} → ${after.heap} B; wasm memory ${before.wasm} → ${after.wasm} B`);
  expect(after.heap - before.heap).toBeLessThan(HEAP_MARGIN);
  expect(after.wasm - before.wasm).toBeLessThan(WASM_MARGIN);
  expect(errors).toEqual([]);
});
