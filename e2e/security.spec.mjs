// Security end-to-end tests: a strict Content-Security-Policy with no inline scripts, hostile
// URLs that never execute, and the embed inside a sandboxed iframe (`sandbox="allow-scripts"`,
// an opaque origin) that still renders and only sends its documented, namespaced message.
import { test, expect } from '@playwright/test';
import { watchPage, expectAppRendered, ROUTES } from './helpers.mjs';

test('every built page has a same-origin CSP and no inline script', async ({ request }) => {
  for (const route of ROUTES) {
    const res = await request.get(route);
    expect(res.status(), route).toBe(200);
    const html = await res.text();
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
    expect(csp, `CSP meta on /${route}`).not.toBeNull();
    const policy = csp[1];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(policy).not.toMatch(/https?:|\*/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, `script on /${route}`).toMatch(/\bsrc="/);
      expect(body.trim()).toBe('');
    }
  }
});

test('no file the page loads names another origin', async ({ request }) => {
  const html = await (await request.get('')).text();
  // Files the page links, plus the ECharts build it names for loading on demand.
  const assets = [...html.matchAll(/(?:src|href|content)="(\/[^"]+\.(?:js|css|svg|wasm))"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(3);
  expect(assets.some((a) => /\/echarts\.min-[0-9a-f]+\.js$/.test(a)), 'the ECharts build is scanned').toBe(true);
  const foreign = [];
  for (const path of [...assets, '']) {
    const text = path ? await (await request.get(path.replace(/^\/scalelab\//, ''))).text() : html;
    for (const line of text.split('\n')) {
      // XML namespace names are identifiers, never fetched. Comments count too: nothing we
      // serve points elsewhere.
      for (const [url] of line.matchAll(/https?:\/\/[^\s"'`)<>]+/g)) {
        if (!/^http:\/\/www\.w3\.org\//.test(url) && !/^https?:\/\/127\.0\.0\.1/.test(url)) foreign.push(`${path || 'index.html'}: ${url}`);
      }
    }
  }
  expect(foreign).toEqual([]);
});

test('a hostile URL is reported, never executed', async ({ page }) => {
  const watch = watchPage(page);
  await page.addInitScript(() => { window.__pwned = 0; });
  const payload = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const key = encodeURIComponent('"><script>window.__pwned=2</script>');
  await page.goto(`lessons/queues?rate=${payload}&${key}=1&workers='%3Balert(1)//`);
  await expectAppRendered(page);
  await expect(page.locator('.notice-box')).toBeVisible();
  await expect(page.locator('.notice-box')).toContainText('Arrival rate');
  await expect(page.locator('.demo')).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBe(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('#app-root script')).toHaveCount(0);
  watch.expectClean();
});

test('the embed works inside a sandboxed iframe and ignores messages it does not expect', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('about');
  await expectAppRendered(page);
  const messages = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const seen = [];
        const timer = setTimeout(() => reject(new Error('no height message')), 20_000);
        window.addEventListener('message', (e) => {
          seen.push(e.data);
          if (e.data && e.data.type === 'scalelab:height') {
            clearTimeout(timer);
            // Hostile or unrelated messages to the embed: it must not react or fail.
            const frame = document.querySelector('iframe');
            for (const junk of ['hello', { type: 'scalelab:height', height: -1 }, { type: 'other' }, null]) {
              frame.contentWindow.postMessage(junk, '*');
            }
            setTimeout(() => resolve(seen), 500);
          }
        });
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-scripts');
        frame.src = 'embed/n-plus-one?controls=0&seed=3';
        frame.width = '800';
        frame.height = '600';
        document.body.appendChild(frame);
      }),
  );
  for (const m of messages) {
    expect(m.type).toBe('scalelab:height');
    expect(Object.keys(m).sort()).toEqual(['demo', 'height', 'type']);
    expect(m.demo).toBe('n-plus-one');
  }
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.demo')).toBeVisible();
  await expect(frame.locator('ol.sql-log > li').first()).toBeVisible();
  await expect(frame.locator('.chart canvas').first()).toBeVisible();
  watch.expectClean();
});
