// End-to-end tests of the caching lesson: each preset and its comparison read back from the
// summary, the theory column beside the measured hit ratio, the hit-ratio curve, dots that
// stop where reads are answered, and a URL with every parameter set (the 10^6-read run that
// keeps the page responsive is in overload.alone.spec.mjs).
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered } from './helpers.mjs';

const summary = (page) => page.locator('table.data-table', { has: page.locator('caption', { hasText: 'Summary of the run' }) });
/** The cells of a summary row: [A, B?, theory?]. */
async function row(page, metric) {
  const r = summary(page).locator('tbody tr', { has: page.locator('th', { hasText: metric }) }).first();
  return r.locator('td').allInnerTexts();
}
const pct = (text) => Number(text.match(/(-?[\d.]+)%/)[1]) / 100;
const num = (text) => Number(text.replace(/,/g, '').match(/[\d.]+/)[0]);
/** "p50 / p95 / p99" → p50 in ms. */
const p50ms = (text) => {
  const [v, unit] = text.split(' / ')[0].split(' ');
  return Number(v) * ({ 'µs': 1e-3, ms: 1, s: 1000, min: 60_000 })[unit];
};
async function runDone(page, timeout = 60_000) {
  await expect(summary(page)).toBeVisible({ timeout });
  await expect(summary(page)).not.toContainText('still in progress', { timeout });
}

test('menu cache at lunch peak: B without Redis sends every read to the database and waits at the peaks', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await page.goto('lessons/caching?seed=42');
  await page.getByRole('button', { name: 'Menu cache at lunch peak' }).click();
  await expect(page).toHaveURL(/[?&]cmp=redis&cmpv=0(&|$)/);
  await expect(page).toHaveURL(/[?&]arrival=daily(&|$)/);
  await runDone(page, 90_000);
  await expect(summary(page).locator('thead')).toContainText('B: Redis = off');
  const [savedA, savedB] = await row(page, 'Database queries saved by caching');
  // Redis answers most menu reads: the post's "about 70%" fewer queries, from honest inputs.
  expect(pct(savedA)).toBeGreaterThan(0.6);
  expect(pct(savedA)).toBeLessThan(0.8);
  expect(pct(savedB)).toBe(0);
  const [latA, latB] = await row(page, 'Read latency p50 / p95 / p99');
  expect(p50ms(latB)).toBeGreaterThan(p50ms(latA));
  const [hitA] = await row(page, 'Redis hit ratio');
  expect(pct(hitA)).toBeCloseTo(pct(savedA), 1);
  await expect(page.locator('.charts .chart canvas')).toHaveCount(4);
  watch.expectClean();
});

test('cache stampede: coalescing in B lets one query answer the reads that missed together', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await page.goto('lessons/caching?seed=42');
  await page.getByRole('button', { name: 'Cache stampede' }).click();
  await expect(page).toHaveURL(/[?&]cmp=coalesce&cmpv=1(&|$)/);
  await runDone(page, 90_000);
  const [sharedA, sharedB] = await row(page, "Reads that shared another read's query");
  expect(num(sharedA)).toBe(0);
  expect(num(sharedB)).toBeGreaterThan(100);
  const [queriesA, queriesB] = await row(page, 'Database queries');
  expect(num(queriesB)).toBeLessThan(num(queriesA));
  const [busyA, busyB] = await row(page, 'Database busy / longest queue');
  expect(num(busyB.split(' / ')[1])).toBeLessThan(num(busyA.split(' / ')[1]));
  watch.expectClean();
});

test('two layers: L1 copies serve stale data after writes that only delete the Redis copy; B without L1 serves none', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/caching?seed=42');
  await page.getByRole('button', { name: 'Two layers: L1 1 min + Redis 1 h' }).click();
  await expect(page).toHaveURL(/[?&]cmp=l1&cmpv=0(&|$)/);
  await expect(page).toHaveURL(/[?&]l1_ttl=60(&|$)/);
  await expect(page).toHaveURL(/[?&]redis_ttl=3600(&|$)/);
  await runDone(page);
  const [staleA, staleB] = await row(page, 'Stale reads');
  expect(num(staleA)).toBeGreaterThan(100);
  expect(num(staleB)).toBe(0);
  const [l1A, l1B] = await row(page, 'App memory (L1) hit ratio');
  expect(pct(l1A)).toBeGreaterThan(0.2);
  expect(l1B).toBe('off');
  watch.expectClean();
});

test('eviction policies: the measured hit ratio sits beside Che\'s approximation, and the curve is drawn', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/caching?seed=5');
  await page.getByRole('button', { name: 'Eviction policies compared' }).click();
  await expect(page).toHaveURL(/[?&]redis_policy=lru(&|$)/);
  await expect(page).toHaveURL(/[?&]cmp=redis_policy&cmpv=lfu(&|$)/);
  await runDone(page);
  const [a, b, theory] = await row(page, 'Redis hit ratio');
  expect(theory).toContain("Che's approximation");
  // 24,000 reads including the cold start: within 4 points of steady-state theory.
  expect(Math.abs(pct(a) - pct(theory))).toBeLessThan(0.04);
  expect(pct(b)).toBeGreaterThan(pct(a)); // LFU keeps the popular keys
  const curve = page.locator('.curve .chart');
  await expect(curve).toHaveAttribute('aria-label', /LRU/, { timeout: 20_000 });
  await expect(page.locator('.curve .chart-title')).toHaveText('Hit ratio against cache size, one cache');
  await page.locator('.curve').getByRole('button', { name: 'Show data as table' }).click();
  await expect(page.locator('.curve table tbody tr')).toHaveCount(4 * 8);
  watch.expectClean();
});

test('stale data after writes: deleting on write (B) removes most stale reads', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/caching?seed=9');
  await page.getByRole('button', { name: 'Stale data after writes' }).click();
  await expect(page).toHaveURL(/[?&]cmp=inval&cmpv=delete(&|$)/);
  await runDone(page);
  const [staleA, staleB] = await row(page, 'Stale reads');
  expect(num(staleA)).toBeGreaterThan(100);
  expect(num(staleB)).toBeLessThan(num(staleA) / 10);
  // TTL-only writes leave entries in place, so A still hits as a TTL cache should.
  const [hitA, , theory] = await row(page, 'Redis hit ratio');
  expect(theory).toContain('TTL cache, expire after write');
  expect(Math.abs(pct(hitA) - pct(theory))).toBeLessThan(0.03);
  watch.expectClean();
});

test('playing: the dots are reads that stop in the box of the layer that answered them', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/caching?seed=1&rate=200&duration=30');
  await expectAppRendered(page);
  await page.getByRole('button', { name: /Play/ }).first().click();
  await page.waitForTimeout(2000);
  const dots = page.locator('.diagram circle.dot');
  expect(await dots.count()).toBeGreaterThan(10);
  expect(await page.locator('.diagram circle.dot.done').count()).toBeGreaterThan(0);
  await expect(page.locator('svg.diagram')).toHaveAttribute('aria-label', /Redis: hit [\d.]+% of [\d,]+ lookups/);
  watch.expectClean();
});

test('a URL with every parameter set restores them all without notices', async ({ page }) => {
  const watch = watchPage(page);
  const query =
    'arrival=daily&rate=40&peak=3&duration=120&keys=2000&dist=zipf&alpha=1.1&hot=10&hot_at=30&hot_len=20' +
    '&servers=2&origin_ms=30&cdn=1&cdn_size=500&cdn_policy=fifo&cdn_ttl=120&cdn_ms=8&cacheable=60' +
    '&l1=1&l1_size=40&l1_policy=random&l1_ttl=15&l1_ms=0.1&redis=1&redis_size=800&redis_policy=lfu&redis_ttl=600&redis_ms=2' +
    '&ttl_mode=refresh&jitter=10&coalesce=1&entry_bytes=4096&db_dist=exponential&db_ms=50&db_cv=1&db_slots=6&db_queue=500' +
    '&writes=2&inval=writethrough&seed=8';
  await page.goto(`lessons/caching?${query}`);
  await expectAppRendered(page);
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('.notice-box')).toHaveCount(0);
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'seed') continue;
    const control = page.locator(`#param-${key}`);
    if (!(await control.count())) continue; // hidden by another setting (none here but db_cv)
    if ((await control.getAttribute('type')) === 'checkbox') {
      await expect(control, key).toBeChecked({ checked: value === '1' });
    } else {
      await expect(control, key).toHaveValue(value);
    }
  }
  expect(await page.locator('#param-cdn_size').count()).toBe(1);
  await runDone(page);
  const [answered] = await row(page, 'Answered by CDN / L1 / Redis / database');
  const [cdn, l1, redis] = answered.split(' / ').map(num);
  expect(cdn).toBeGreaterThan(0);
  expect(l1).toBeGreaterThan(0);
  expect(redis).toBeGreaterThan(0);
  watch.expectClean();
});
