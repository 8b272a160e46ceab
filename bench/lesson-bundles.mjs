// What each lesson costs the download: the release app built with one lesson's Cargo feature
// alone (and, in the full benchmark, with no lesson at all: the shared core), beside the full
// build in dist/. Sizes are the app's wasm and its JS glue, raw and gzip -9, as a page load
// fetches them (ECharts is separate and loaded only where a chart mounts).
//
//   node bench/lesson-bundles.mjs <out dir> <lesson>…   (a lesson "none" = no lesson at all)
// Writes <out dir>/lessons.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [out = 'target/bench', ...lessons] = process.argv.slice(2);

/** The app's wasm and JS glue in a built dist directory, raw and gzipped. */
export function appBundle(dist) {
  const files = readdirSync(dist).filter((f) => /^scalelab-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  if (files.length !== 2) throw new Error(`expected the app's .wasm and .js in ${dist}, found ${files}`);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(join(dist, f));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

function build(lesson) {
  const dist = join(out, `lesson-${lesson}`);
  rmSync(dist, { recursive: true, force: true });
  const features = lesson === 'none' ? [] : ['--features', lesson];
  const args = ['build', '--release', '--public-url', '/scalelab/', '--dist', dist, '--no-default-features', ...features];
  console.error(`[bench] trunk ${args.join(' ')}`);
  const r = spawnSync('trunk', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TRUNK_OFFLINE: 'true' } });
  if (r.status !== 0) throw new Error(`trunk build for ${lesson} failed (${r.status})`);
  return { lesson, ...appBundle(dist) };
}

if (process.argv[1]?.endsWith('lesson-bundles.mjs')) {
  const full = { lesson: 'all', ...appBundle('dist') };
  const rows = [full, ...lessons.map(build)];
  writeFileSync(join(out, 'lessons.json'), `${JSON.stringify(rows, null, 2)}\n`);
}
