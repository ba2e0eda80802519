// Times axe-core on built pages in headless Chromium, for the comparison
// with handbuch's static check (BenchmarkCheck1000 in internal/build).
//
// Usage: node axe-pages.mjs DIR [LIMIT]
//   DIR is a built site (handbuch build --ohne-pdf --dest DIR); every
//   index.html under it is opened from disk, at most LIMIT pages.
//   CHROMIUM overrides the browser executable (default /usr/bin/chromium).
//
// For each page: load it, inject axe-core, run it with the same tags as
// the browser test (WCAG 2.0–2.2 A/AA and best practice). Prints the
// milliseconds per page for axe.run alone and for load + inject + run,
// as mean and median.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [dir, limitArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node axe-pages.mjs DIR [LIMIT]');
  process.exit(2);
}
const limit = limitArg ? Number(limitArg) : Infinity;

function pages(root) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') out.push(p);
    }
  };
  walk(resolve(root));
  return out.slice(0, limit);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `mean ${mean.toFixed(1)} ms, median ${s[Math.floor(s.length / 2)].toFixed(1)} ms`;
};

const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
// The pages' CSP forbids inline scripts; axe is injected as one.
const page = await (await browser.newContext({ bypassCSP: true })).newPage();
const runs = [];
const totals = [];
const violated = new Map(); // rule id → pages
for (const file of pages(dir)) {
  const t0 = performance.now();
  await page.goto(pathToFileURL(file).href);
  await page.addScriptTag({ content: AXE_SOURCE });
  const t1 = performance.now();
  const n = await page.evaluate(async (tags) => {
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return res.violations.map((v) => v.id);
  }, AXE_TAGS);
  const t2 = performance.now();
  for (const id of n) violated.set(id, (violated.get(id) || 0) + 1);
  runs.push(t2 - t1);
  totals.push(t2 - t0);
}
await browser.close();
console.log(`${runs.length} pages; violations: ${[...violated].map(([id, n]) => `${id} on ${n}`).join(', ') || 'none'}`);
console.log(`axe.run alone: ${stats(runs)}`);
console.log(`load + inject + run: ${stats(totals)}`);
