// Phone width: at 360 px no page scrolls sideways (wide diagrams scroll inside their own box),
// a demo's controls fit the screen, and axe-core finds no WCAG 2.1 A/AA violation.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered, ROUTES, axeViolations } from './helpers.mjs';

test.use({ viewport: { width: 360, height: 740 } });

/** What sticks out past the right edge of a 360 px screen (outside boxes that scroll alone). */
async function sidewaysOverflow(page) {
  return page.evaluate(() => {
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
}

for (const route of ROUTES) {
  test(`/${route} fits a 360 px wide screen`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(route);
    await expectAppRendered(page);
    const demo = /^(lessons|embed)\//.test(route);
    if (demo) await expect(page.locator('.control select, .control input').first()).toBeVisible();
    await page.waitForTimeout(500);
    const overflow = await sidewaysOverflow(page);
    expect(overflow.wide, 'elements wider than the screen').toEqual([]);
    expect(overflow.scrollWidth, 'page width').toBeLessThanOrEqual(overflow.width);
    expect(await axeViolations(page), `axe violations on /${route} at 360 px`).toEqual([]);
    watch.expectClean();
  });
}

test('notices about absurd values fit a 360 px wide screen too', async ({ page }) => {
  const watch = watchPage(page);
  // A rate of 10^99 (written out, a hundred digits) and a 120-letter word: the notices echo
  // the first in exponent form and the word cut to 32 wide letters, still wider than a phone.
  await page.goto(`embed/queues?rate=1e99&arrival=${'W'.repeat(120)}&workers=abc`);
  await expectAppRendered(page);
  await expect(page.locator('.notice-box li[data-key=rate]')).toContainText('1e99');
  await expect(page.locator('.notice-box li[data-key=arrival]')).toContainText(`'${'W'.repeat(32)}…'`);
  const overflow = await sidewaysOverflow(page);
  expect(overflow.wide, 'elements wider than the screen').toEqual([]);
  expect(overflow.scrollWidth, 'page width').toBeLessThanOrEqual(overflow.width);
  watch.expectClean();
});
