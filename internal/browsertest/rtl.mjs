// The Arabic client page in headless Chromium: written right to left,
// accessible, no sideways scrolling on a phone.
//
// Usage: node rtl.mjs BASE_URL PATH SHOTS_DIR
//   Opens BASE_URL+PATH at 1280px and at 320px; prints one JSON object
//   with, per width: the computed direction of <html>, <main> and the
//   German footer, the lang of <html>, axe-core's violations (WCAG
//   2.0/2.1/2.2 A+AA plus best-practice), the document's scrollWidth,
//   and the languages the language switch links to. Saves a screenshot of
//   the whole page per width to SHOTS_DIR (rtl-1280.png, rtl-320.png).
//   CHROMIUM overrides the browser executable (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, path, shots] = process.argv.slice(2);
if (!base || !path || !shots) {
  console.error('usage: node rtl.mjs BASE_URL PATH SHOTS_DIR');
  process.exit(2);
}
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const out = {};
try {
  // axe is injected as an inline script, which the pages' CSP forbids.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    const facts = await page.evaluate(() => {
      const dir = (sel) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).direction : null;
      };
      return {
        lang: document.documentElement.lang,
        html: dir('html'),
        main: dir('main .text'),
        footer: dir('footer'),
        switchLinks: [...document.querySelectorAll('nav.sprachen a')].map((a) => ({ lang: a.lang, hreflang: a.hreflang, text: a.textContent })),
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      };
    });
    await page.addScriptTag({ content: AXE_SOURCE });
    facts.axe = await page.evaluate(async (tags) => {
      const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return res.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    }, AXE_TAGS);
    await page.screenshot({ path: join(shots, `rtl-${width}.png`), fullPage: true });
    out[width] = facts;
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
