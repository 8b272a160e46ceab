// Phone width: at 360 px no page scrolls sideways (wide diagrams scroll inside their own box),
// a demo's controls fit the screen, and axe-core finds no WCAG 2.1 A/AA violation.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered, ROUTES, axeViolations } from './helpers.mjs';

test.use({ viewport: { width: 360, height: 740 } });

for (const route of ROUTES) {
  test(`/${route} fits a 360 px wide screen`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(route);
    await expectAppRendered(page);
    const demo = /^(lessons|embed)\//.test(route);
    if (demo) await expect(page.locator('.control select, .control input').first()).toBeVisible();
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [];
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5) continue;
        // Inside a box that scrolls or clips on its own (the diagrams): fine.
        let up = el.parentElement;
        while (up && !['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) up = up.parentElement;
        if (!up) wide.push(`${el.tagName.toLowerCase()}${el.closest('[data-key]') ? ` in [data-key=${el.closest('[data-key]').dataset.key}]` : ''}: right edge ${Math.round(box.right)} px`);
      }
      return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
    });
    expect(overflow.wide, 'elements wider than the screen').toEqual([]);
    expect(overflow.scrollWidth, 'page width').toBeLessThanOrEqual(overflow.width);
    expect(await axeViolations(page), `axe violations on /${route} at 360 px`).toEqual([]);
    watch.expectClean();
  });
}
