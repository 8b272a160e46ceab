#!/usr/bin/env node
// Trunk post_build hook: turns the ECharts <script> Trunk emitted (hashed, with its integrity
// hash) into a <meta> naming the file, so no page load fetches ECharts until a chart needs it.
//
//   <script src="/base/echarts.min-HASH.js" integrity="sha384-…"></script>
//   →  <meta name="scalelab-echarts" content="/base/echarts.min-HASH.js" data-integrity="sha384-…" />
//
// The app (src/ui/widgets/echarts.rs) reads the <meta> and adds the script, with the same
// integrity check, when the first chart mounts: the home and about pages never download the
// chart library, and a lesson's demo appears without waiting for it. Runs for `trunk build`
// and `trunk serve` alike (Trunk sets TRUNK_STAGING_DIR); a file path argument overrides it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.argv[2] || join(process.env.TRUNK_STAGING_DIR || 'dist', 'index.html');
const html = readFileSync(file, 'utf8');
const tag = /<script\b([^>]*\bsrc="[^"]*\/echarts\.min[^"]*\.js"[^>]*)><\/script>/;
const match = html.match(tag);
if (!match) {
  console.error(`[defer-echarts] no ECharts <script> in ${file}`);
  process.exit(1);
}
const attr = (name) => (match[1].match(new RegExp(`\\b${name}="([^"]*)"`)) || [])[1];
const integrity = attr('integrity');
const meta =
  `<meta name="scalelab-echarts" content="${attr('src')}"` +
  (integrity ? ` data-integrity="${integrity}"` : '') +
  ' />';
writeFileSync(file, html.replace(tag, meta));
console.log(`[defer-echarts] ${file}: ECharts (${attr('src')}) now loads when the first chart needs it`);
