#!/usr/bin/env node
// Builds the smallest ECharts bundle that covers ScaleLab's charts into build/echarts.min.js.
//
// The app (src/ui/widgets/echarts.rs) calls the page-global `window.echarts`, so this bundle is a
// classic (non-module) script from our own origin, which the app adds to the page when its first
// chart mounts (Trunk hashes it; scripts/defer-echarts.mjs tells the app its name).
//
//   charts:     line, scatter, bar
//   components: grid, tooltip, legend, aria, markLine (no title: each chart's title is HTML;
//               no dataZoom, markPoint, markArea: unused)
//   renderer:   canvas (getDataURL works); the built-in 'dark' theme is registered by echarts/core
//
// Usage: node scripts/build-echarts.mjs [--force]
// Skips the build when the output is newer than package-lock.json and this script.
// Runs as Trunk's pre_build hook (see Trunk.toml), so it must stay fast when nothing changed.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'build', 'echarts.min.js');
const inputs = [join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
const force = process.argv.includes('--force');

const mtime = (p) => statSync(p).mtimeMs;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function report(verb) {
  const data = readFileSync(outFile);
  const gz = gzipSync(data, { level: 9 }).length;
  console.log(
    `[build-echarts] ${verb} ${relative(root, outFile)}: ${data.length} B raw (${kib(data.length)}), ` +
      `${gz} B gzip (${kib(gz)})`,
  );
}

if (!force && existsSync(outFile) && inputs.every((p) => mtime(outFile) > mtime(p))) {
  report('up to date:');
  process.exit(0);
}

if (!existsSync(join(root, 'node_modules', 'echarts', 'package.json'))) {
  console.error('[build-echarts] node_modules/echarts is missing: run `npm ci` (or scripts/setup) first.');
  process.exit(1);
}
const echartsVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'echarts', 'package.json'), 'utf8'),
).version;

// The entry: only the modules we use, registered once, exposed as window.echarts.
const entry = `
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart, BarChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  ScatterChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

// A plain object (not the module namespace) so the global behaves like the official dist build.
window.echarts = Object.assign({}, echarts);
`;

const started = Date.now();
mkdirSync(dirname(outFile), { recursive: true });
const result = await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'echarts-entry.js', loader: 'js' },
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2018'],
  treeShaking: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
  banner: {
    js:
      `/*! ECharts ${echartsVersion} custom build for ScaleLab (line, scatter, bar; grid, tooltip, ` +
      `legend, aria, markLine; canvas). Apache ECharts, ` +
      `Apache License 2.0 (Apache Software Foundation). */`,
  },
  write: false,
  logLevel: 'warning',
});
writeFileSync(outFile, result.outputFiles[0].contents);
report(`built in ${Date.now() - started} ms:`);
