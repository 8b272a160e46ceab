#!/usr/bin/env node
// A tiny static file server with plain static-host (GitHub Pages) semantics, for tests:
//
//   node scripts/static-server.mjs [--dir dist] [--base /scalelab/] [--port 4173] [--host 127.0.0.1]
//
// - Only paths under --base are served; `/<base without slash>` redirects to `/<base>/`.
// - A path is answered with the exact file, else <path>.html (`/about` -> about.html), else
//   <dir>/index.html for a directory (requested without its trailing slash, a directory is
//   redirected to it with 301, like GitHub Pages does).
// - Anything else gets <dir>/404.html (or a plain text body) with HTTP 404. No SPA fallback.
// - Correct content types (application/wasm for .wasm), and `Cache-Control: no-store`.
// - Text and wasm are sent gzip-compressed to clients that accept it, as GitHub Pages does
//   (`--no-gzip` sends every file as it is).
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    port: { type: 'string', default: '4173' },
    host: { type: 'string', default: '127.0.0.1' },
    quiet: { type: 'boolean', default: false },
    'no-gzip': { type: 'boolean', default: false },
  },
});
/** Content types GitHub Pages compresses. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.svg', '.txt', '.xml', '.webmanifest']);
/** Gzipped bodies by path and modification time (dist/ is rebuilt between test runs). */
const gzipped = new Map();
function gzipOf(file, st) {
  const key = `${file}:${st.mtimeMs}:${st.size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(readFileSync(file), { level: 6 }));
  return gzipped.get(key);
}

const root = resolve(opts.dir);
let base = opts.base;
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
const port = Number(opts.port);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function stat(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function send(req, res, status, file, extraHeaders = {}) {
  const st = stat(file);
  const ext = extname(file).toLowerCase();
  const gzip = !opts['no-gzip'] && COMPRESSED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? gzipOf(file, st) : null;
  const headers = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': body ? body.length : st.size,
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // As GitHub Pages does: lets a sandboxed embed (opaque origin) load our module scripts.
    'Access-Control-Allow-Origin': '*',
    ...extraHeaders,
  };
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return res.end();
  if (body) return res.end(body);
  createReadStream(file).pipe(res);
}

function notFound(req, res) {
  const page = join(root, '404.html');
  if (stat(page)?.isFile()) return send(req, res, 404, page);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
}

function redirect(res, location) {
  res.writeHead(301, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

const server = createServer((req, res) => {
  const started = Date.now();
  res.on('finish', () => {
    if (!opts.quiet) console.log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms`);
  });
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    return res.end();
  }
  const url = new URL(req.url, 'http://localhost');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return notFound(req, res);
  }
  if (`${path}/` === base) return redirect(res, base + url.search);
  if (!path.startsWith(base) || path.includes('\0')) return notFound(req, res);

  const rel = path.slice(base.length);
  const file = resolve(root, `.${sep}${rel}`);
  if (file !== root && !file.startsWith(root + sep)) return notFound(req, res);

  const st = stat(file);
  if (st?.isFile()) return send(req, res, 200, file);
  // `/about` is served from about.html when it exists (GitHub Pages does this, also when an
  // about/ directory exists too), else a directory redirects to its trailing-slash form.
  if (!path.endsWith('/') && stat(`${file}.html`)?.isFile()) return send(req, res, 200, `${file}.html`);
  const index = join(file, 'index.html');
  if (st?.isDirectory() && stat(index)?.isFile()) {
    if (!path.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
    return send(req, res, 200, index);
  }
  return notFound(req, res);
});

server.listen(port, opts.host, () => {
  console.log(`[static-server] serving ${root} at http://${opts.host}:${port}${base}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
