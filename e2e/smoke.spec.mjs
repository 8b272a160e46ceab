// Smoke test: the release build served under /scalelab/ like GitHub Pages.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered, echartsReady } from './helpers.mjs';

for (const [path, charts] of [['', false], ['lessons/queues', true]]) {
  test(`renders /scalelab/${path} with status 200, locally and without console errors`, async ({
    page,
  }) => {
    const watch = watchPage(page);
    const chartLibrary = [];
    page.on('request', (req) => { if (/echarts/.test(req.url())) chartLibrary.push(req.url()); });
    const res = await page.goto(path);
    expect(res?.status(), 'HTTP status').toBe(200);
    await expectAppRendered(page);
    if (charts) {
      // Loaded on demand, from our origin and under the base path, once the charts mount.
      expect(await echartsReady(page), 'window.echarts from our bundle').toBe(true);
      expect(chartLibrary).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/scalelab\/echarts\.min-[0-9a-f]+\.js$/)]);
      await expect(page.locator('.charts .chart canvas').first()).toBeVisible();
    } else {
      // A page without charts never downloads the chart library.
      await page.waitForTimeout(1000);
      expect(chartLibrary, 'ECharts requests on a page without charts').toEqual([]);
      expect(await page.evaluate(() => typeof window.echarts)).toBe('undefined');
    }
    watch.expectClean();
  });
}

test('when the chart library cannot load, each chart says so and shows its data as a table', async ({ page }) => {
  await page.route(/echarts\.min-[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto('lessons/queues?seed=1');
  await expectAppRendered(page);
  const notices = page.locator('.chart-card .notice', { hasText: 'The chart library did not load' });
  await expect(notices.first()).toBeVisible({ timeout: 20_000 });
  const cards = await page.locator('.chart-card').count();
  expect(cards).toBeGreaterThan(0);
  await expect(notices).toHaveCount(cards);
  await expect(page.locator('.chart-card table').first()).toBeVisible();
  // The demo itself still runs: its summary fills in.
  await expect(page.locator('table.data-table caption', { hasText: 'Summary of the run' })).toBeVisible();
});

test('every same-origin link stays under the base path, and the site links navigate in place', async ({ page }) => {
  const watch = watchPage(page);
  for (const path of ['', 'lessons/queues', 'about']) {
    await page.goto(path);
    await expectAppRendered(page);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href).filter((h) => h.startsWith(location.origin)));
    expect(hrefs.length, `links on /${path}`).toBeGreaterThan(0);
    for (const href of hrefs) expect(new URL(href).pathname, `a link on /${path}`).toMatch(/^\/scalelab\//);
  }
  // A lesson card and the header's links navigate without a page load.
  await page.goto('');
  await page.evaluate(() => { window.__samePage = true; });
  await page.locator('.cards a[href$="lessons/queues"]').click();
  await expect(page).toHaveURL(/\/scalelab\/lessons\/queues(\?|$)/);
  await expectAppRendered(page);
  await page.locator('header a', { hasText: 'About' }).click();
  await expect(page).toHaveURL(/\/scalelab\/about$/);
  await page.locator('header a', { hasText: 'Lessons' }).click();
  await expect(page).toHaveURL(/\/scalelab\/$/);
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  watch.expectClean();
});

test('the ECharts bundle draws with the built-in dark theme', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('lessons/queues');
  await expectAppRendered(page);
  expect(await echartsReady(page)).toBe(true);
  const drawn = await page.evaluate(() => {
    const el = document.createElement('div');
    el.style.cssText = 'position:fixed;left:0;top:0;width:320px;height:200px';
    document.body.appendChild(el);
    const chart = window.echarts.init(el, 'dark', { renderer: 'canvas' });
    chart.setOption({
      title: { text: 't' },
      aria: { enabled: true },
      legend: {},
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'value' },
      series: [
        { type: 'line', name: 'a', data: [[0, 1], [1, 3]], markLine: { data: [{ yAxis: 2 }] } },
        { type: 'scatter', name: 'b', data: [[0.5, 2]], markPoint: { data: [{ type: 'max' }] } },
        { type: 'bar', name: 'c', data: [[1, 1]], markArea: { data: [[{ xAxis: 0 }, { xAxis: 1 }]] } },
      ],
    });
    // A second, light chart: the dark theme must change the background.
    const light = document.createElement('div');
    light.style.cssText = 'position:fixed;left:0;top:0;width:320px;height:200px';
    document.body.appendChild(light);
    const lightChart = window.echarts.init(light, null, { renderer: 'canvas' });
    lightChart.setOption({ xAxis: {}, yAxis: {}, series: [{ type: 'line', data: [[0, 1]] }] });
    const result = {
      sameInstance: window.echarts.getInstanceByDom(el) === chart,
      png: chart.getDataURL({ type: 'png' }).slice(0, 22),
      darkBackground: chart.getOption().backgroundColor,
      lightBackground: lightChart.getOption().backgroundColor,
    };
    window.echarts.dispose(el);
    window.echarts.dispose(light);
    el.remove();
    light.remove();
    return result;
  });
  expect(drawn.sameInstance).toBe(true);
  expect(drawn.png).toBe('data:image/png;base64,');
  expect(drawn.darkBackground, 'dark theme background').toMatch(/^#|^rgb/);
  expect(drawn.darkBackground).not.toEqual(drawn.lightBackground);
  watch.expectClean();
});
