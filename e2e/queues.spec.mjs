// End-to-end tests of the Queues lesson on the release build, served under /scalelab/ by a
// plain static server (as GitHub Pages would serve it).
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered, NOT_FOUND_RESOURCE } from './helpers.mjs';

const summary = (page) => page.locator('table.data-table', { has: page.locator('caption', { hasText: 'Summary of the run' }) });

async function summaryText(page) {
  await expect(summary(page)).toBeVisible();
  await expect(summary(page)).not.toContainText('still in progress', { timeout: 30_000 });
  return summary(page).innerText();
}

test('deep links answer 200 and render the lesson under the base path', async ({ page }) => {
  const watch = watchPage(page);
  for (const path of ['lessons/queues', 'embed/queues', 'about', '']) {
    const res = await page.goto(path);
    expect(res.status(), path).toBe(200);
    await expectAppRendered(page);
  }
  await page.goto('lessons/queues');
  await expect(page.getByRole('heading', { level: 1, name: 'Queues and worker pools' })).toBeVisible();
  await expect(summary(page)).toBeVisible();
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  watch.expectClean();
});

test('an unknown path shows the 404 page', async ({ page }) => {
  const watch = watchPage(page, { ignore: [NOT_FOUND_RESOURCE] });
  const res = await page.goto('lessons/no-such-lesson-here');
  expect(res.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  watch.expectClean();
});

/** Opens the queues lesson (seed 7) and types `workers` into its workers field. */
async function openQueuesWithWorkers(page, workers) {
  await page.goto('lessons/queues?seed=7');
  await expectAppRendered(page);
  const field = page.locator('#param-workers');
  await field.fill(workers);
  await field.press('Enter');
}

test('leaving a demo right after a change does not carry its settings to the next page', async ({ page }) => {
  const watch = watchPage(page);
  await openQueuesWithWorkers(page, '13');
  // The address bar follows after a short delay; navigate away before it does.
  await page.locator('header a', { hasText: 'About' }).click();
  await expect(page).toHaveURL(/\/scalelab\/about$/);
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/scalelab\/about$/);
  watch.expectClean();
});

test('changing a control updates the URL, and that URL restores the same numbers', async ({ page, context }) => {
  const watch = watchPage(page);
  await openQueuesWithWorkers(page, '12');
  await expect(page).toHaveURL(/[?&]workers=12(&|$)/);
  await expect(page).toHaveURL(/[?&]seed=7(&|$)/);
  const before = await summaryText(page);

  const again = await context.newPage();
  const watch2 = watchPage(again);
  await again.goto(page.url());
  expect(await summaryText(again)).toBe(before);
  await expect(again.locator('#param-workers')).toHaveValue('12');
  watch.expectClean();
  watch2.expectClean();
});

test('"Copy link" copies a URL that restores the exact run', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watch = watchPage(page);
  await page.goto('lessons/queues?rate=9&workers=11&seed=123');
  const before = await summaryText(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.share-status')).toContainText('copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('/scalelab/lessons/queues?');
  expect(copied).toContain('seed=123');

  const other = await context.newPage();
  await other.goto(copied);
  expect(await summaryText(other)).toBe(before);

  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/scalelab\/embed\/queues\?[^"]*seed=123[^"]*" title="ScaleLab: Queues and worker pools"/);
  watch.expectClean();
});

test('a malformed URL shows a notice, clamps, and the demo still runs', async ({ page }) => {
  const watch = watchPage(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  const bad =
    'lessons/queues?rate=abc&workers=-5&capacity=1e9&service=bogus&duration=NaN&jitter=maybe' +
    '&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&%22onmouseover=alert(1)=1&seed=-1&workers=3';
  const res = await page.goto(bad);
  expect(res.status()).toBe(200);
  const notice = page.locator('.notice-box');
  await expect(notice).toBeVisible();
  for (const text of ['Arrival rate', 'Queue capacity', 'Service time', 'Duration', 'unknown setting', 'Seed', 'more than once']) {
    await expect(notice, text).toContainText(text);
  }
  await expect(page.locator('#param-workers')).toHaveValue('3');
  await expect(page.locator('#param-capacity')).toHaveValue('100000');
  await summaryText(page);
  await expect(page).toHaveURL(/[?&]workers=3(&|$)/);
  await expect(page).toHaveURL(/[?&]rate=8(&|$)/);
  expect(dialogs).toBe(0);
  watch.expectClean();
});

test('the embed route renders the demo alone and posts its height to the host page', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('about');
  await expectAppRendered(page);
  const message = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no height message')), 15_000);
        window.addEventListener('message', (e) => {
          if (e.data && e.data.type === 'scalelab:height') {
            clearTimeout(timer);
            resolve(e.data);
          }
        });
        const frame = document.createElement('iframe');
        frame.src = 'embed/queues?controls=0&seed=5';
        frame.width = '800';
        frame.height = '600';
        document.body.appendChild(frame);
      }),
  );
  expect(message.demo).toBe('queues');
  expect(message.height).toBeGreaterThan(300);

  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.demo')).toBeVisible();
  await expect(frame.locator('.site-header')).toHaveCount(0);
  await expect(frame.locator('.controls')).toHaveCount(0);
  await expect(frame.getByRole('link', { name: /Open in ScaleLab/ })).toHaveAttribute('href', /\/scalelab\/lessons\/queues\?.*seed=5/);
  watch.expectClean();
});

test('exports download CSV, JSON and a chart PNG', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/queues?seed=9');
  await summaryText(page);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('scalelab-queues.csv');
  const csvText = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(csvText).toContain('Metric,A: this run');
  expect(csvText).toContain('time (s),waiting,in service');

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(json.suggestedFilename()).toBe('scalelab-queues.json');
  const data = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(data.seed).toBe(9);
  expect(data.report.series.length).toBeGreaterThan(10);
  expect(data.params.workers).toBe(10);

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).first().click()]);
  expect(png.suggestedFilename()).toBe('scalelab-queue-depth.png');
  watch.expectClean();
});

test('play moves simulated jobs through the diagram; presets and compare work', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/queues?rate=9.5');
  await expectAppRendered(page);
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(page.locator('.playback .clock')).not.toHaveText(/t = 0\.0 s/, { timeout: 5_000 });
  await expect.poll(() => page.locator('svg.diagram circle.dot').count()).toBeGreaterThan(3);
  await page.getByRole('button', { name: /Pause/ }).click();
  // Keyboard: Space toggles playback while focus is inside the demo (not in a field).
  await page.locator('.diagram-wrap').focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: '▶ Play' })).toBeVisible();

  await page.getByRole('button', { name: 'A retry storm' }).click();
  await expect(page).toHaveURL(/[?&]fail=0\.3(&|$)/);

  await page.getByLabel('Compare with B:').selectOption('workers');
  await expect(page).toHaveURL(/[?&]cmp=workers&cmpv=20(&|$)/);
  await expect(summary(page).locator('thead')).toContainText('B: Workers = 20');
  watch.expectClean();
});

test('a run of 10^6 jobs shows progress, keeps the page responsive, and finishes', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await page.goto('lessons/queues?rate=5000&duration=200&workers=200&service_ms=36&seed=3');
  await expect(page.locator('.run-progress')).toBeVisible({ timeout: 10_000 });
  // The page answers while the run goes on: the theme toggle reacts.
  const t0 = Date.now();
  await page.getByRole('button', { name: /Theme:/ }).click();
  expect(Date.now() - t0).toBeLessThan(2_000);
  await expect(page.locator('.run-progress')).toBeHidden({ timeout: 100_000 });
  console.log(`10^6-job run finished in ${((Date.now() - t0) / 1000).toFixed(1)} s in the browser`);
  // About 10^6 jobs (Poisson: ± a few thousand).
  await expect(summary(page)).toContainText(/Jobs arrived\s*(99\d|1,00\d),\d{3}/);
  watch.expectClean();
});

test('cancel stops a long run', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/queues?rate=5000&duration=200&workers=200&service_ms=36');
  await expect(page.locator('.run-progress')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.run-progress')).toBeHidden();
  watch.expectClean();
});

test('theme toggle switches to dark and back to the system theme', async ({ page }) => {
  await page.goto('');
  await expectAppRendered(page);
  const html = page.locator('html');
  await page.getByRole('button', { name: 'Theme: system' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Theme: light' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
