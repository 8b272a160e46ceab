// URL fuzzing: 26 generated, hostile or broken query strings for every lesson and embed route
// of the registry (scripts/routes.txt) (NaN, Infinity, huge, negative, empty, non-numeric, unicode, duplicated and unknown
// keys, script and quote injection, overlong values, malformed custom timelines). Each must
// render a working demo with a visible notice naming every key it changed — no panic, no
// console error, no script run. The generator is seeded, so a failure names a reproducible URL.
import { test, expect } from '@playwright/test';
import { collectConsoleErrors, LESSON_SLUGS } from './helpers.mjs';

const LESSONS = LESSON_SLUGS;
const PER_ROUTE = 26; // × 2 routes per lesson

/** mulberry32: a tiny seeded PRNG. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

const BAD_NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e999', '-5', '99999999999', '', 'abc', '５', '0x1F',
  '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=2">', "';alert(1)//", '9'.repeat(400)];
const BAD_CHOICES = ['bogus', '', '<b>x</b>', 'ＬＩＮＥ', '"onmouseover="window.__pwned=3', 'x'.repeat(300)];
const BAD_TOGGLES = ['maybe', '2', '-1', 'yes please', '<svg onload=window.__pwned=4>'];
const UNKNOWN_KEYS = ['speed', '<script>', 'ключ', '"><x>', 'a'.repeat(200)];

/** The fields of a lesson, read from its generated controls: key and kind. */
async function fieldsOf(page, slug) {
  await page.goto(`lessons/${slug}`);
  await expect(page.locator('.control').first()).toBeAttached({ timeout: 20_000 });
  return page.$$eval('.control[data-key]', (els) =>
    els.map((el) => {
      const input = el.querySelector('input[type=checkbox], select, textarea, input[type=number]');
      const kind = !input ? 'number'
        : input.type === 'checkbox' ? 'toggle'
        : input.tagName === 'SELECT' ? 'choice'
        : input.tagName === 'TEXTAREA' ? 'text' : 'number';
      return { key: el.dataset.key, kind };
    }));
}

/** One broken query: the pairs and the keys a notice must name. */
function brokenQuery(r, fields, slug) {
  const pairs = [];
  const named = new Set();
  const usable = fields.filter((f) => f.kind !== 'text');
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const f = pick(r, usable);
    if (named.has(f.key)) continue;
    const value = f.kind === 'number' ? pick(r, BAD_NUMBERS) : f.kind === 'choice' ? pick(r, BAD_CHOICES) : pick(r, BAD_TOGGLES);
    pairs.push([f.key, value]);
    named.add(f.key);
  }
  if (r() < 0.4) {
    const key = pick(r, UNKNOWN_KEYS);
    pairs.push([key, pick(r, ['1', '', '<i>x</i>'])]);
    named.add(key.trim());
  }
  if (r() < 0.3) {
    // A duplicated key: named even when both values are fine.
    const f = pick(r, usable.filter((x) => !named.has(x.key)));
    if (f) {
      pairs.push([f.key, '1'], [f.key, '2']);
      named.add(f.key);
    }
  }
  if (slug === 'rate-limiting' && r() < 0.5) {
    pairs.push(['traffic', 'custom'], ['timeline', pick(r, ['@@,x,,', '3x@', '-1, 2', '1e9x@1', 'c9999:1', '<script>x</script>'])]);
    named.add('timeline');
    named.delete('traffic');
  }
  if (r() < 0.3) {
    pairs.push(['seed', pick(r, ['-1', 'NaN', '1e40', 'seed'])]);
    named.add('seed');
  }
  return { query: new URLSearchParams(pairs).toString(), named: [...named] };
}

for (const slug of LESSONS) {
  for (const route of [`lessons/${slug}`, `embed/${slug}`]) {
    test(`${PER_ROUTE} broken URLs for /${route} each render with notices`, async ({ page }) => {
      test.setTimeout(180_000);
      const fields = await fieldsOf(page, slug);
      expect(fields.length).toBeGreaterThan(5);
      const errors = collectConsoleErrors(page);
      await page.addInitScript(() => { window.__pwned = 0; window.alert = () => { window.__pwned = 9; }; });
      const r = rng([...route].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) >>> 0);
      for (let i = 0; i < PER_ROUTE; i++) {
        const { query, named } = brokenQuery(r, fields, slug);
        const url = `${route}?${query}`;
        await page.goto(url);
        await expect(page.locator('section.demo'), url).toBeVisible({ timeout: 20_000 });
        await expect(page.locator('.diagram'), url).toBeVisible();
        await expect(page.locator('.notice-box'), url).toBeVisible();
        const missing = await page.evaluate((keys) => {
          const items = [...document.querySelectorAll('.notice-box li')];
          if (items.some((li) => li.textContent.includes('more changes'))) return [];
          return keys.filter((k) => !items.some((li) => li.dataset.key === k));
        }, named);
        expect(missing, `${url}: keys without a notice`).toEqual([]);
        expect(await page.evaluate(() => window.__pwned), url).toBe(0);
        await expect(page.locator('#app-root img[src="x"], #app-root script, #app-root svg[onload]')).toHaveCount(0);
        expect(errors, url).toEqual([]);
      }
    });
  }
}
