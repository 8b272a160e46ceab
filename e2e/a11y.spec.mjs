// Accessibility: axe-core finds no WCAG 2.1 A/AA violations on any page, in the light and
// the dark theme, once the demo has run (diagram, controls, summary and charts on screen).
import { test, expect } from '@playwright/test';
import { expectAppRendered, ROUTES, LESSON_SLUGS, axeViolations } from './helpers.mjs';

for (const scheme of ['light', 'dark']) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const route of ROUTES) {
      test(`/${route} has no axe violations`, async ({ page }) => {
        await page.goto(route);
        await expectAppRendered(page);
        if (route.includes('/')) {
          await expect(page.locator('table.data-table').first()).toBeVisible({ timeout: 20_000 });
          await expect(page.locator('.chart canvas').first()).toBeVisible();
        }
        const summary = await axeViolations(page);
        expect(summary, `axe violations on /${route} (${scheme})`).toEqual([]);
      });
    }
  });
}

// prefers-reduced-motion: nothing starts moving by itself (autoplay, presets), dots do not
// glide, and the diagram is a still of the run part-way through, so it still shows the state.
test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  for (const slug of LESSON_SLUGS) {
    test(`/embed/${slug}?autoplay=1 shows a still diagram and does not play`, async ({ page }) => {
      await page.goto(`embed/${slug}?autoplay=1&seed=4`);
      await expectAppRendered(page);
      await expect(page.locator('.motion-note')).toContainText('Reduced motion is on');
      const play = page.locator('.playback button.primary');
      await expect(play).toHaveAttribute('aria-pressed', 'false');
      const clock = await page.locator('.playback .clock').innerText();
      expect(Number(clock.match(/t = ([\d.]+) s/)[1])).toBeGreaterThan(0);
      const still = await page.locator('svg.diagram').getAttribute('aria-label');
      await page.waitForTimeout(1000);
      expect(await page.locator('svg.diagram').getAttribute('aria-label')).toBe(still);
      const dot = page.locator('svg.diagram circle.dot').first();
      await expect(dot).toBeAttached();
      expect(await dot.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
      const preset = page.locator('.presets button.preset').first();
      if (await preset.count()) {
        await preset.click();
        await page.waitForTimeout(300);
        await expect(play).toHaveAttribute('aria-pressed', 'false');
      }
    });
  }
});
