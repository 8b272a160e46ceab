// Makes the built index.html safe to serve under a strict Content-Security-Policy:
//  1. moves Trunk's inline start-up module into its own hashed file (no inline scripts),
//  2. drops comment lines that name another origin from the scripts it loads (wasm-bindgen's
//     glue cites MDN in one) and re-signs their subresource integrity, so no served file
//     names a third-party URL, and
//  3. adds a CSP <meta> that allows only our own origin.
//
//   node scripts/harden-html.mjs dist/index.html
//
// The policy (documented in the README, checked by e2e/security.spec.mjs):
//  - script-src 'self' 'wasm-unsafe-eval': our scripts only; WebAssembly compilation needs
//    'wasm-unsafe-eval' (it does not allow eval() or new Function()).
//  - style-src 'self' 'unsafe-inline': our stylesheet, plus the style attributes ECharts writes
//    into its tooltips; inline styles cannot run code.
//  - img-src 'self' data: blob: — chart PNG export and the favicon.
//  - connect-src 'self' — the wasm fetch; no other origin is ever contacted.
//  - object-src 'none'; base-uri 'self'; form-action 'none'; default-src 'self'.
// (frame-ancestors cannot be set from a <meta>; embedding in any page is intended.)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/harden-html.mjs dist/index.html');
  process.exit(2);
}
let html = readFileSync(file, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error(`[harden-html] no inline module script in ${file}`);
  process.exit(1);
}
const code = match[1].trim() + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `start-${hash}.js`;
writeFileSync(join(dirname(file), name), code);
const base = (html.match(/<base href="([^"]*)"/) || [, '/'])[1];
html = html.replace(inline, `<script type="module" src="${base}${name}"></script>`);

// Comment lines naming another origin: never run, but nothing we serve should point elsewhere.
const foreignComment = /^[ \t]*\/\/[^\n]*https?:\/\/(?!127\.0\.0\.1)[^\n]*\n/gm;
for (const [, url] of html.matchAll(/<link rel="modulepreload" href="([^"]+\.js)"/g)) {
  const path = join(dirname(file), url.slice(base.length));
  const before = readFileSync(path, 'utf8');
  const after = before.replace(foreignComment, '');
  if (after === before) continue;
  writeFileSync(path, after);
  const integrity = `sha384-${createHash('sha384').update(after).digest('base64')}`;
  html = html.replace(new RegExp(`(href="${url}"[^>]*integrity=")[^"]+`), `$1${integrity}`);
  console.log(`[harden-html] ${url}: dropped ${before.split('\n').length - after.split('\n').length} comment line(s) naming another origin`);
}

// Subresource integrity is only checked on CORS requests: without `crossorigin`, a sandboxed
// embed (opaque origin) refuses the stylesheet and the ECharts script outright.
html = html.replace(/<(script|link)\b(?![^>]*\bcrossorigin)([^>]*\bintegrity=)/g, '<$1 crossorigin="anonymous"$2');

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error(`[harden-html] ${file} still has an inline script`);
  process.exit(1);
}
html = html.replace(
  '<meta charset="utf-8" />',
  `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`,
);
writeFileSync(file, html);
console.log(`[harden-html] ${file}: start-up script moved to ${name}; CSP added`);
