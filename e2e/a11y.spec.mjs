// Accessibility: axe-core finds no WCAG 2.1 A/AA violations on any page, in the light and
// the dark theme, once the demo has run (diagram, controls, summary and charts on screen).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expectAppRendered } from './helpers.mjs';

const routes = ['', ...readFileSync('scripts/routes.txt', 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter(Boolean)];

for (const scheme of ['light', 'dark']) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const route of routes) {
      test(`/${route} has no axe violations`, async ({ page }) => {
        await page.goto(route);
        await expectAppRendered(page);
        if (route.includes('/')) {
          await expect(page.locator('table.data-table').first()).toBeVisible({ timeout: 20_000 });
          await expect(page.locator('.chart canvas').first()).toBeVisible();
        }
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
        );
        expect(summary, `axe violations on /${route} (${scheme})`).toEqual([]);
      });
    }
  });
}
