// The bundle budget: the first load of each page in bench/budget.json (every file fetched,
// gzip -9, as read from dist/) stays within that page's `max_gzip_bytes`, and nothing is
// fetched from another origin. The figure is printed with the distance to issue 6's target.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sizesOf } from '../bench/first-load.mjs';

const budget = JSON.parse(readFileSync('bench/budget.json', 'utf8'));

for (const [path, max] of Object.entries(budget.max_gzip_bytes)) {
  test(`first load of /${path} stays within ${max.toLocaleString('en')} B gzip`, async ({ page, baseURL }) => {
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(path);
    const demo = /^(lessons|embed)\//.test(path);
    await expect(page.locator(demo ? 'section.demo svg.diagram' : 'h1').first()).toBeVisible({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const base = new URL(baseURL);
    const sizes = sizesOf(urls, { origin: base.origin, base: base.pathname });
    console.log(`/${path}: ${sizes.files.length} files, ${sizes.gzip.toLocaleString('en')} B gzip (target ${budget.target_gzip_bytes.toLocaleString('en')} B)`);
    expect(sizes.gzip).toBeLessThanOrEqual(max);
  });
}
