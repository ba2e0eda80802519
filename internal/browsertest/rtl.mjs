// The Arabic client page in headless Chromium: written right to left,
// accessible, no sideways scrolling on a phone.
//
// Usage: node rtl.mjs BASE_URL PATH SHOTS_DIR
//   Opens BASE_URL+PATH at 1280px and at 320px; prints one JSON object
//   with, per width: the computed direction of <html>, <main> and the
//   German footer, the lang of <html>, axe-core's violations (WCAG
//   2.0/2.1/2.2 A+AA plus best-practice), the document's scrollWidth,
//   the languages the language switch links to, and the first glossary
//   pop-up, opened with Enter (its button's label, the explanation's
//   text, lang and direction; axe runs with it open) and closed with
//   Escape. Saves a screenshot of the whole page per width, with the
//   pop-up open, to SHOTS_DIR (rtl-1280.png, rtl-320.png).
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
    // The first glossary term's pop-up, opened with the keyboard: its
    // button's label, and the explanation's text, lang and direction.
    const button = page.locator('button.begriff-knopf').first();
    facts.popup = null;
    if ((await button.count()) > 0) {
      await button.focus();
      await page.keyboard.press('Enter');
      facts.popup = await page.evaluate(() => {
        const b = document.activeElement;
        const box = document.getElementById(b.getAttribute('aria-controls'));
        const link = b.parentNode.querySelector('a.begriff');
        return {
          label: b.textContent,
          expanded: b.getAttribute('aria-expanded'),
          hidden: box.hidden,
          text: box.textContent,
          short: link.getAttribute('data-kurz'),
          lang: box.closest('[lang]').lang,
          ownLang: box.lang,
          dir: getComputedStyle(box).direction,
          hreflang: link.hreflang,
          linkName: link.textContent,
        };
      });
    }
    await page.addScriptTag({ content: AXE_SOURCE });
    facts.axe = await page.evaluate(async (tags) => {
      const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return res.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    }, AXE_TAGS);
    await page.screenshot({ path: join(shots, `rtl-${width}.png`), fullPage: true });
    if (facts.popup) {
      // Escape closes it, and the focus stays on the button.
      await page.keyboard.press('Escape');
      facts.popup.afterEscape = await page.evaluate(() => {
        const b = document.activeElement;
        return {
          focusOnButton: b.classList.contains('begriff-knopf'),
          expanded: b.getAttribute('aria-expanded'),
          hidden: document.getElementById(b.getAttribute('aria-controls')).hidden,
        };
      });
    }
    out[width] = facts;
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
