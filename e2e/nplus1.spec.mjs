// End-to-end tests of the N+1 lesson: the SQL log, the waterfall, the load test and a URL
// with every parameter set, on the release build under /scalelab/.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered } from './helpers.mjs';

const summary = (page) => page.locator('table.data-table', { has: page.locator('caption', { hasText: 'Summary of the run' }) });
const logItems = (page) => page.locator('ol.sql-log > li');
// The A value of a summary row.
const metric = (page, name) => summary(page).locator('tbody tr', { has: page.locator('th', { hasText: name }) }).locator('td').first();

test('100 posts: lazy loading sends 101 queries, eager loading 2', async ({ page }) => {
  const watch = watchPage(page);
  const res = await page.goto('lessons/n-plus-one?posts=100&strategy=lazy&seed=1');
  expect(res.status()).toBe(200);
  await expectAppRendered(page);
  await expect(page.getByRole('heading', { level: 1, name: 'The N+1 query problem' })).toBeVisible();
  await expect(page.locator('.query-count')).toContainText('101 queries');
  await expect(logItems(page)).toHaveCount(101);
  await expect(logItems(page).first()).toContainText('FROM posts');
  await expect(logItems(page).nth(1)).toContainText(/FROM users WHERE id = \d+/);
  await expect(metric(page, 'Queries per page')).toHaveText('101');
  await expect(page.locator('.orm-code')).toContainText('posts.each do |post|');
  await expect(page.locator('.orm-code')).not.toContainText('preload');

  await page.locator('#param-strategy').selectOption('eager');
  await expect(page).toHaveURL(/[?&]strategy=eager(&|$)/);
  await expect(page.locator('.query-count')).toContainText('2 queries');
  await expect(logItems(page)).toHaveCount(2);
  await expect(logItems(page).nth(1)).toContainText('WHERE id IN (');
  await expect(page.locator('.orm-code')).toContainText('.limit(100).preload(:author)');
  await expect(metric(page, 'Queries per page')).toHaveText('2');
  watch.expectClean();
});

test('the waterfall draws one bar per query, with its data as a table', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/n-plus-one?posts=10&strategy=lazy&rtt=5&query_ms=0.01&row_us=0&issue=sequential');
  const card = page.locator('.chart-card', { has: page.locator('[data-chart="waterfall"]') });
  await expect(card.locator('canvas').first()).toBeVisible();
  await card.getByRole('button', { name: 'Show data as table' }).click();
  const rows = card.locator('tbody tr');
  await expect(rows).toHaveCount(11);
  // Sequential: the 11th query starts after 10 round trips of 5.01 ms each.
  await expect(rows.nth(10)).toContainText('50.100');
  watch.expectClean();
});

test('a URL with every parameter set restores them all without notices', async ({ page }) => {
  const watch = watchPage(page);
  const query =
    'shape=nested&posts=10&comments=3&authors=5&strategy=batched&batch=2&rtt=2&query_ms=0.5&row_us=5' +
    '&pool=4&db_slots=2&issue=concurrent&users=10&think_ms=200&duration=20&seed=9';
  await page.goto(`lessons/n-plus-one?${query}`);
  await expectAppRendered(page);
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('.notice-box')).toHaveCount(0);
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'seed') continue;
    await expect(page.locator(`#param-${key}`), key).toHaveValue(value);
  }
  const count = await logItems(page).count();
  expect(count).toBeGreaterThan(3);
  await expect(page.locator('.query-count')).toContainText(`${count} queries`);
  await expect(metric(page, 'Queries per page')).toHaveText(String(count));
  watch.expectClean();
});

test('peak traffic: compare lazy with eager on the same traffic', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/n-plus-one?seed=4');
  await page.getByRole('button', { name: 'Peak traffic' }).click();
  await expect(page).toHaveURL(/[?&]users=200(&|$)/);
  await page.getByLabel('Compare with B:').selectOption('strategy');
  await expect(page).toHaveURL(/[?&]cmp=strategy&cmpv=eager(&|$)/);
  await expect(summary(page).locator('thead')).toContainText('B: Loading strategy = eager');
  await expect(summary(page)).not.toContainText('still in progress', { timeout: 30_000 });
  await expect(page.locator('.chart canvas')).toHaveCount(4);
  watch.expectClean();
});
