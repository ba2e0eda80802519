// Checks of the client area in headless Chromium.
//
// Usage: node client.mjs [--screenshots DIR] BASE_URL PATH...
//   CHROMIUM overrides the browser executable (default /usr/bin/chromium).
//
// For every path, at 320px and at 1280px wide: the page has the client
// navigation (nav.klient-navigation) and not the staff navigation
// (nav.navigation); the computed font size of every paragraph and list
// item in <main> is at least 20px; no rendered line of them holds more
// than 60 characters (counted per line box with Range rects); the links
// of the client navigation and the footer are at least 44x44 CSS px; and
// axe-core (WCAG 2.2 A/AA, best practice) reports no violation. At
// 320px the navigation sits behind a button, opened before measuring. It prints
// one JSON line per page and width, then "N passed, M failed".
// Exit code: 0 all pass, 1 some fail, 2 usage error.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MIN_FONT = 20, MAX_CHARS = 60, MIN_TARGET = 44;

const args = process.argv.slice(2);
let shots = null;
if (args[0] === '--screenshots') { shots = args[1]; args.splice(0, 2); }
if (args.length < 2) {
  console.error('usage: node client.mjs [--screenshots DIR] BASE_URL PATH...');
  process.exit(2);
}
const [base, ...paths] = args;

// measure runs in the page: the client area's facts.
function measure({ minTarget }) {
  const main = document.querySelector('main');
  const out = {
    clientNav: !!document.querySelector('nav.klient-navigation'),
    staffNav: !!document.querySelector('nav.navigation'),
    bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
    minFont: Infinity, maxChars: 0, widest: '', blocks: 0, smallTargets: [],
  };
  for (const el of main.querySelectorAll('p, li')) {
    if (el.closest('nav, .blaettern, .feld, .unterschrift') || !el.textContent.trim()) continue;
    out.blocks++;
    out.minFont = Math.min(out.minFont, parseFloat(getComputedStyle(el).fontSize));
    // Characters per rendered line: each character's rect, grouped by
    // the line box it sits in (its top, rounded).
    const lines = new Map();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Text of a nested list belongs to its own item.
      if (n.parentElement.closest('p, li') !== el) continue;
      const text = n.textContent;
      for (let i = 0; i < text.length; i++) {
        range.setStart(n, i); range.setEnd(n, i + 1);
        const r = range.getClientRects()[0];
        if (!r || r.width === 0) continue;
        const key = Math.round(r.top);
        lines.set(key, (lines.get(key) || '') + text[i]);
      }
    }
    for (const line of lines.values()) {
      const t = line.trim();
      if (t.length > out.maxChars) { out.maxChars = t.length; out.widest = t; }
    }
  }
  // On a phone the pages sit behind a button (details.klient-menue):
  // open it, as a reader does, and measure what it shows.
  const menu = document.querySelector('details.klient-menue');
  if (menu && getComputedStyle(menu).display !== 'none') {
    menu.open = true;
    const r = menu.querySelector('summary').getBoundingClientRect();
    if (r.height < minTarget - 0.5) out.smallTargets.push(`Alle Seiten für Sie (${Math.round(r.width)}x${Math.round(r.height)})`);
  }
  out.targets = 0;
  for (const a of document.querySelectorAll('nav.klient-navigation a, footer a, .blaettern a')) {
    const r = a.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // the other navigation, not shown at this width
    if (a.closest('nav.klient-navigation')) out.targets++;
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) {
      out.smallTargets.push(`${a.textContent.trim()} (${Math.round(r.width)}x${Math.round(r.height)})`);
    }
  }
  return out;
}

const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ['--no-sandbox', '--disable-gpu'] });
let passed = 0, failed = 0;
try {
  for (const width of [320, 1280]) {
    // bypassCSP lets axe in as an inline script, as a11y.mjs does.
    const context = await browser.newContext({ viewport: { width, height: width === 320 ? 640 : 900 }, bypassCSP: true });
    const page = await context.newPage();
    for (const p of paths) {
      await page.goto(new URL(p.replace(/^\//, ''), base).href, { waitUntil: 'load' });
      if (shots) { // the first screen, as it opens
        await page.screenshot({ path: join(shots, `${p.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'start'}-${width}.png`), fullPage: false });
      }
      const m = await page.evaluate(measure, { minTarget: MIN_TARGET });
      await page.addScriptTag({ content: AXE_SOURCE });
      const axe = await page.evaluate(async (tags) => {
        const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
      const problems = [];
      if (!m.clientNav || m.targets === 0) problems.push('no client navigation shown');
      if (m.staffNav) problems.push('the staff navigation');
      if (m.blocks === 0) problems.push('no paragraph measured');
      if (m.bodyFont < MIN_FONT || m.minFont < MIN_FONT) problems.push(`font ${m.bodyFont}px, smallest paragraph ${m.minFont}px`);
      if (m.maxChars > MAX_CHARS) problems.push(`a line of ${m.maxChars} characters: ${m.widest}`);
      if (m.smallTargets.length) problems.push(`small tap targets: ${m.smallTargets.join('; ')}`);
      problems.push(...axe);
      console.log(JSON.stringify({ path: p, width, bodyFont: m.bodyFont, minFont: m.minFont, maxChars: m.maxChars, blocks: m.blocks, problems }));
      if (problems.length) failed++; else passed++;
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
