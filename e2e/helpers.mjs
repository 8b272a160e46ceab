// Shared helpers for the e2e tests.
//
//   import { test, expect } from '@playwright/test';
//   import { watchPage, expectAppRendered } from './helpers.mjs';
//
//   test('x', async ({ page }) => {
//     const watch = watchPage(page);          // before the first page.goto
//     const res = await page.goto('lessons/queues');
//     expect(res.status()).toBe(200);
//     await expectAppRendered(page);
//     watch.expectClean();                    // no console errors, no foreign requests
//   });
//
// Paths passed to page.goto are relative to baseURL (http://127.0.0.1:4173/scalelab/): no leading /.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

/** Every page the site serves: the home page and each route in scripts/routes.txt. */
export const ROUTES = [
  '',
  ...readFileSync('scripts/routes.txt', 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean),
];

/** The slug of every lesson that is built (it has a `lessons/<slug>` route). */
export const LESSON_SLUGS = ROUTES.filter((r) => r.startsWith('lessons/')).map((r) => r.slice('lessons/'.length));

/** axe-core's WCAG 2.1 A/AA violations on the page, one line each. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** Hosts the app may talk to: only the local test server. */
export const ALLOWED_HOSTS = new Set(['127.0.0.1']);

/** Console messages that are never our bugs (keep this list short and specific). */
export const IGNORED_CONSOLE = [];

/**
 * What Chromium logs for any 404 response, including the 404.html fallback of an unknown path.
 * Pass `{ ignore: [...IGNORED_CONSOLE, NOT_FOUND_RESOURCE] }` only in tests that expect a 404.
 */
export const NOT_FOUND_RESOURCE = /Failed to load resource: the server responded with a status of 404/;

/**
 * Records console errors (console.error and uncaught page errors) on `page`.
 * Returns the live array of messages.
 */
export function collectConsoleErrors(page, { ignore = IGNORED_CONSOLE } = {}) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (ignore.some((re) => re.test(text))) return;
    const loc = msg.location();
    errors.push(`console.error: ${text}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack || err.message || err}`));
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

/**
 * Records every request whose host is not in `allowed` (data:, blob: and about: URLs are local).
 * Returns the live array of URLs.
 */
export function collectForeignRequests(page, { allowed = ALLOWED_HOSTS } = {}) {
  const foreign = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (!allowed.has(url.hostname)) foreign.push(`${req.method()} ${req.url()}`);
  });
  return foreign;
}

/** Both collectors at once, with a single assertion helper. */
export function watchPage(page, options = {}) {
  const consoleErrors = collectConsoleErrors(page, options);
  const foreignRequests = collectForeignRequests(page, options);
  return {
    consoleErrors,
    foreignRequests,
    expectClean() {
      expect(foreignRequests, 'requests that left 127.0.0.1').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    },
  };
}

/**
 * Waits until the app has rendered: `#app-root` is visible when the app provides it, otherwise
 * the body has text and the "Loading…" placeholder is gone.
 */
export async function expectAppRendered(page) {
  await page.waitForFunction(
    () => {
      if (document.getElementById('loading')) return false;
      const root = document.getElementById('app-root');
      const el = root ?? document.body;
      return (el.innerText || '').trim().length > 0;
    },
    undefined,
    { timeout: 20_000 },
  );
  const root = page.locator('#app-root');
  if ((await root.count()) > 0) await expect(root).toBeVisible();
}

/**
 * True when the page-global ECharts build is present with the API the app binds, waiting up to
 * `timeout` ms for it: the app adds the script when a page's first chart mounts.
 */
export async function echartsReady(page, { timeout = 15_000 } = {}) {
  return page
    .waitForFunction(
      () =>
        typeof window.echarts === 'object' &&
        ['init', 'dispose', 'getInstanceByDom', 'use', 'registerTheme'].every(
          (k) => typeof window.echarts[k] === 'function',
        ),
      undefined,
      { timeout },
    )
    .then(() => true, () => false);
}
