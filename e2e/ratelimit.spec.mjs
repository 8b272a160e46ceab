// End-to-end tests of the rate-limiter lesson: a custom timeline through the URL read back
// from the decision log, the window-boundary double burst, the nginx preset's comparison,
// and a URL with every parameter set.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered } from './helpers.mjs';

const summary = (page) => page.locator('table.data-table', { has: page.locator('caption', { hasText: 'Summary of the run' }) });
const limiterRow = (page, name) => summary(page).locator('tbody tr', { has: page.locator('th', { hasText: name }) }).first();
const decisionLog = (page, name) => page.locator('details.detail-table', { has: page.locator('summary', { hasText: `Decision log: ${name}` }) });
const ONLY_FIXED = 'fixed=1&slog=0&scount=0&token=0&gcra=0&leaky=0';

test('a custom timeline in the URL: express-rate-limit answers each request as documented', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`lessons/rate-limiting?${ONLY_FIXED}&traffic=custom&timeline=${encodeURIComponent('0, 1, 2, 3x@5, 10')}&limit=3&window=10&duration=20&seed=1`);
  await expectAppRendered(page);
  await expect(page.locator('#param-timeline')).toHaveValue('0, 1, 2, 3x@5, 10');
  const log = decisionLog(page, 'Fixed window');
  await log.locator('summary').click();
  const rows = log.locator('tbody tr');
  await expect(rows).toHaveCount(7);
  // Window from the first hit (t = 0) to t = 10: three pass with 2, 1, 0 remaining.
  for (const [i, remaining] of [[0, '2'], [1, '1'], [2, '0']]) {
    await expect(rows.nth(i).locator('td').nth(2)).toHaveText('200 passed');
    await expect(rows.nth(i).locator('td').nth(3)).toHaveText(remaining);
  }
  // At t = 5 the window has 5 s left: 429 with Retry-After: 5.
  for (const i of [3, 4, 5]) {
    await expect(rows.nth(i).locator('td').nth(2)).toHaveText('429 refused');
    await expect(rows.nth(i).locator('td').nth(4)).toHaveText('Retry-After: 5');
  }
  // t = 10 is the reset: a new window, 2 remaining.
  await expect(rows.nth(6).locator('td').nth(2)).toHaveText('200 passed');
  await expect(rows.nth(6).locator('td').nth(3)).toHaveText('2');
  watch.expectClean();
});

test('typing a timeline updates the URL and the log', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`lessons/rate-limiting?${ONLY_FIXED}&traffic=custom&limit=1&window=60&duration=30`);
  await expectAppRendered(page);
  await page.locator('#param-timeline').fill('2x@1, 5');
  await page.locator('#param-timeline').blur();
  await expect(page).toHaveURL(/[?&]timeline=2x%401%2C(\+|%20)5(&|$)/);
  const log = decisionLog(page, 'Fixed window');
  await log.locator('summary').click();
  await expect(log.locator('tbody tr')).toHaveCount(3);
  await expect(log.locator('tbody tr').nth(1).locator('td').nth(2)).toHaveText('429 refused');
  watch.expectClean();
});

test('the window-boundary double burst: the fixed window admits almost twice its limit', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/rate-limiting?seed=2');
  await page.getByRole('button', { name: 'Window-boundary double burst' }).click();
  await expect(page).toHaveURL(/[?&]traffic=boundary(&|$)/);
  await expect(summary(page)).not.toContainText('still in progress', { timeout: 30_000 });
  // Limit 10 per 10 s. The request at t = 0 opens express's window [0, 10), so 9 of the 10
  // sent just before t = 10 pass, then all 10 sent just after it: 19 within 2 seconds.
  await expect(limiterRow(page, 'Fixed window').locator('td').nth(3)).toHaveText('19');
  await expect(limiterRow(page, 'Sliding window log').locator('td').nth(3)).toHaveText('10');
  await expect(page.locator('.diagram .gate')).toHaveCount(6);
  await expect(page.locator('.chart canvas')).toHaveCount(3);
  watch.expectClean();
});

test('the nginx preset compares delay with nodelay on the same traffic', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/rate-limiting?seed=3');
  await page.getByRole('button', { name: 'nginx burst, delayed' }).click();
  await expect(page).toHaveURL(/[?&]cmp=nodelay&cmpv=1(&|$)/);
  await expect(summary(page).locator('tbody')).toContainText('B: nodelay');
  const a = limiterRow(page, 'Leaky bucket (nginx limit_req) (A)');
  await expect(a.locator('td').nth(2)).not.toHaveText('0');
  watch.expectClean();
});

test('a URL with every parameter set restores them all without notices', async ({ page }) => {
  const watch = watchPage(page);
  const query =
    'fixed=1&slog=1&scount=0&token=1&gcra=0&leaky=1&limit=5&window=30&cap=8&refill=0.5&nrate=30&nunit=rm' +
    '&burst=3&nodelay=1&delay=2&traffic=bursty&rate=3&clients=4&abuse=2&on=3&off=6&timeline=1%2C2&duration=90&seed=8';
  await page.goto(`lessons/rate-limiting?${query}`);
  await expectAppRendered(page);
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('.notice-box')).toHaveCount(0);
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'seed') continue;
    const control = page.locator(`#param-${key}`);
    if ((await control.getAttribute('type')) === 'checkbox') {
      await expect(control, key).toBeChecked({ checked: value === '1' });
    } else {
      await expect(control, key).toHaveValue(value);
    }
  }
  await expect(page.locator('.diagram .gate')).toHaveCount(4);
  watch.expectClean();
});

test('"Send a request now" adds a request at the animation time and the animation carries on', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`lessons/rate-limiting?${ONLY_FIXED}&traffic=custom&timeline=0&limit=1&window=60&duration=60`);
  await expectAppRendered(page);
  await page.getByRole('button', { name: /Play/ }).first().click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: /Pause/ }).first().click();
  const before = await page.locator('.playback .clock').innerText();
  const t = Number(before.match(/t = ([\d.]+) s/)[1]);
  expect(t).toBeGreaterThan(0.5);
  await page.getByRole('button', { name: 'Send a request now' }).click();
  await expect(page).toHaveURL(/[?&]timeline=0%2C(\+|%20)\d/);
  const timeline = await page.locator('#param-timeline').inputValue();
  const sent = Number(timeline.split(',')[1]);
  expect(Math.abs(sent - t)).toBeLessThan(0.2);
  // The animation did not restart from zero.
  await expect(page.locator('.playback .clock')).toContainText(`t = ${t.toFixed(1)} s`);
  const log = decisionLog(page, 'Fixed window');
  await log.locator('summary').click();
  await expect(log.locator('tbody tr')).toHaveCount(2);
  // Limit 1 per 60 s: the second request is refused.
  await expect(log.locator('tbody tr').nth(1).locator('td').nth(2)).toHaveText('429 refused');
  watch.expectClean();
});
