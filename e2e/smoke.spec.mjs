// Smoke test: the release build served under /scalelab/ like GitHub Pages.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered, echartsReady } from './helpers.mjs';

for (const path of ['', 'lessons/queues']) {
  test(`renders /scalelab/${path} with status 200, locally and without console errors`, async ({
    page,
  }) => {
    const watch = watchPage(page);
    const res = await page.goto(path);
    expect(res?.status(), 'HTTP status').toBe(200);
    await expectAppRendered(page);
    expect(await echartsReady(page), 'window.echarts from our bundle').toBe(true);
    watch.expectClean();
  });
}

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
  await page.goto('');
  await expectAppRendered(page);
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
