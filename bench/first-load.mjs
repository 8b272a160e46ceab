// Sizes of what a page load fetches, as GitHub Pages would send it: each same-origin file the
// page requested, read from dist/ the way the static server maps paths, raw and gzip -9.
// Shared by bench/browser.mjs and the bundle budget test (e2e/budget.spec.mjs).
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const isFile = (f) => { try { return statSync(f).isFile(); } catch { return false; } };

/**
 * `urls`: every URL the page requested; `origin`/`base`: where dist/ is served.
 * Throws on a request to another origin. Files are sorted largest (gzip) first.
 */
export function sizesOf(urls, { origin, base, dist = 'dist' }) {
  const files = [];
  for (const u of new Set(urls)) {
    const url = new URL(u);
    if (url.origin !== origin) throw new Error(`request to another origin: ${u}`);
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    // As the static server answers: the file, else <path>.html, else <path>/index.html.
    const file = [`${dist}/${rel}`, `${dist}/${rel}.html`, `${dist}/${rel}/index.html`].find(isFile);
    if (!file) throw new Error(`no file in ${dist}/ for ${u}`);
    const body = readFileSync(file);
    files.push({ file: rel, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}
