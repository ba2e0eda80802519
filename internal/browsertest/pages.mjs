// Checks of the calmer pages (issue 19) in headless Chromium, on a
// running build of the model handbook.
//
// Usage: node pages.mjs [--shots DIR] BASE_URL TERMS_PATH TABLE_PATH GLOSSARY_PATH CHECKLIST_PATH REGISTER_PATH
//   TERMS_PATH: the chapter with the most linked terms
//   TABLE_PATH: a chapter with a Markdown table
//   --shots DIR: screenshots at 320 and 1280 px of the terms, table and
//   glossary pages go there
//   CHROMIUM overrides the browser executable (default /usr/bin/chromium).
//
// What it checks, each as a reader on a phone meets it:
// - pop-ups: at most one "?" per paragraph and three per section; every
//   "?" on the same line as the end of its term, at 320 and 1280 px; one
//   opened by keyboard shows its explanation below the paragraph, which
//   keeps its height; Escape and Enter again close it, the focus stays on
//   the button; axe passes with it open;
// - tables at 320 px: no horizontal scrolling of the page, every cell and
//   the caption inside the screen's width and not cut, every body cell
//   names its column, and Chromium's accessibility tree still has the
//   table with its column headers;
// - glossary at 320 px without JavaScript: from the last letter one Tab
//   reaches the way back to A–Z, which stays on screen down to the
//   letter's last entry and leads to the A–Z bar;
// - checklist: "Alle Antworten löschen" says so politely and offers
//   "Rückgängig", which brings back the answers, also in localStorage;
// - register cards: each label's top within 2 px of its value's.
// Prints one line per check and "N passed, M failed"; exit 1 on a failure.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const args = process.argv.slice(2);
let shots = null;
if (args[0] === '--shots') {
  shots = args[1];
  args.splice(0, 2);
  mkdirSync(shots, { recursive: true });
}
if (args.length !== 6) {
  console.error('usage: node pages.mjs [--shots DIR] BASE_URL TERMS_PATH TABLE_PATH GLOSSARY_PATH CHECKLIST_PATH REGISTER_PATH');
  process.exit(2);
}
const [base, termsPath, tablePath, glossaryPath, checklistPath, registerPath] = args;
const url = (p) => new URL(p, base).href;

const results = [];
async function check(name, fn) {
  const failures = [];
  const fail = (msg) => failures.push(msg);
  let info;
  try {
    info = await fn(fail);
  } catch (err) {
    fail(`error: ${err.message.split('\n')[0]}`);
  }
  results.push({ name, failures, info });
  console.log(`${failures.length ? 'FAIL' : 'PASS'} ${name}${info ? ' ' + JSON.stringify(info) : ''}`);
  for (const f of failures) console.log(`  - ${f}`);
}

async function axe(page, fail, what) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  for (const v of violations) fail(`axe ${what}: ${v}`);
}

async function shot(page, name) {
  if (shots) await page.screenshot({ path: join(shots, name + '.png') });
}

// Every "?" of the page: its section, its paragraph, and whether it is on
// the line where its term ends.
function popupLayout() {
  const buttons = [...document.querySelectorAll('.begriff-knopf')];
  const perSection = new Map();
  const perBlock = new Map();
  const apart = [];
  const headings = [...document.querySelectorAll('main h2')];
  for (const b of buttons) {
    const link = b.previousElementSibling;
    let section = 0;
    for (let i = 0; i < headings.length; i++) {
      if (headings[i].compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) section = i + 1;
    }
    perSection.set(section, (perSection.get(section) || 0) + 1);
    const block = b.closest('p, li, dd, dt, td, th, blockquote, legend, label');
    perBlock.set(block, (perBlock.get(block) || 0) + 1);
    const rects = link.getClientRects();
    const end = rects[rects.length - 1];
    const r = b.getBoundingClientRect();
    // The same line: the button overlaps the last line box of its term vertically.
    if (!(r.top < end.bottom && r.bottom > end.top) || r.left < end.right - 1) {
      apart.push(`${link.textContent} (term ends at ${Math.round(end.right)},${Math.round(end.top)}, "?" at ${Math.round(r.left)},${Math.round(r.top)})`);
    }
  }
  return {
    buttons: buttons.length,
    links: document.querySelectorAll('main a.begriff').length,
    maxPerSection: Math.max(0, ...perSection.values()),
    maxPerBlock: Math.max(0, ...perBlock.values()),
    apart,
  };
}

const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS }).catch((err) => {
  console.error(`pages: cannot launch Chromium at ${EXECUTABLE}: ${err.message.split('\n')[0]}`);
  process.exit(2);
});
// The site forbids inline scripts (CSP); axe is injected inline.
const context = await browser.newContext({ bypassCSP: true });
const page = await context.newPage();

try {
  await check(`pop-ups on ${termsPath}`, async (fail) => {
    const info = {};
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url(termsPath), { waitUntil: 'load' });
      const l = await page.evaluate(popupLayout);
      info[width] = { buttons: l.buttons, links: l.links, maxPerSection: l.maxPerSection, maxPerBlock: l.maxPerBlock };
      if (l.buttons === 0) fail(`${width}px: no "?" at all`);
      if (l.maxPerSection > 3) fail(`${width}px: ${l.maxPerSection} "?" in one section, want at most 3`);
      if (l.maxPerBlock > 1) fail(`${width}px: ${l.maxPerBlock} "?" in one paragraph, want at most 1`);
      for (const a of l.apart) fail(`${width}px: "?" not on the line where its term ends: ${a}`);
    }
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url(termsPath), { waitUntil: 'load' });
    await shot(page, 'begriffe-320-zu');
    // A "?" in a paragraph that goes on after it for at least one more
    // line, so that an explanation inside the sentence would show.
    const index = await page.evaluate(() => [...document.querySelectorAll('.begriff-knopf')].findIndex((b) => {
      const p = b.closest('p');
      return p && p.getBoundingClientRect().bottom - b.getBoundingClientRect().bottom > 20;
    }));
    if (index < 0) {
      fail('no "?" with another line of its paragraph below it');
      return info;
    }
    const state = () => page.evaluate((i) => {
      const b = document.querySelectorAll('.begriff-knopf')[i];
      const box = document.getElementById(b.getAttribute('aria-controls'));
      const block = b.closest('p');
      const br = box.getBoundingClientRect();
      const pr = block.getBoundingClientRect();
      return {
        expanded: b.getAttribute('aria-expanded'), focused: document.activeElement === b,
        visible: !box.hidden && br.height > 0, boxTop: Math.round(br.top), paragraphBottom: Math.round(pr.bottom),
        paragraphHeight: Math.round(pr.height), insideParagraph: block.contains(box),
        text: box.textContent, short: b.previousElementSibling.getAttribute('data-kurz'),
      };
    }, index);
    const closed = await state();
    const button = page.locator('.begriff-knopf').nth(index);
    await button.focus();
    await page.keyboard.press('Enter');
    let st = await state();
    info.open = st;
    if (st.expanded !== 'true' || !st.visible || st.text !== st.short) fail(`Enter did not open the explanation (${JSON.stringify(st)})`);
    if (st.insideParagraph || st.boxTop < st.paragraphBottom) fail(`the explanation splits its paragraph: box at ${st.boxTop}, the paragraph ends at ${st.paragraphBottom}`);
    if (st.paragraphHeight !== closed.paragraphHeight) fail(`the paragraph grew from ${closed.paragraphHeight} to ${st.paragraphHeight} px when the explanation opened`);
    await button.scrollIntoViewIfNeeded();
    await shot(page, 'begriffe-320-offen');
    await axe(page, fail, '320px with an explanation open');
    await page.keyboard.press('Escape');
    st = await state();
    if (st.expanded !== 'false' || st.visible || !st.focused) fail(`Escape did not close it with the focus on the button (${JSON.stringify(st)})`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    st = await state();
    if (st.expanded !== 'false' || st.visible || !st.focused) fail(`Enter twice did not open and close it with the focus on the button (${JSON.stringify(st)})`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await button.focus();
    await page.keyboard.press('Enter');
    await shot(page, 'begriffe-1280-offen');
    return info;
  });

  await check(`tables at 320px on ${tablePath} and ${registerPath}`, async (fail) => {
    const info = {};
    await page.setViewportSize({ width: 320, height: 800 });
    for (const p of [tablePath, registerPath]) {
      await page.goto(url(p), { waitUntil: 'load' });
      const t = await page.evaluate(() => {
        const out = { scrollWidth: document.documentElement.scrollWidth, tables: 0, cells: 0, out: [], cut: [], unlabelled: [], captions: 0 };
        for (const table of document.querySelectorAll('main .tabelle table')) {
          out.tables++;
          for (const c of table.querySelectorAll('tbody td, tbody th, caption')) {
            const r = c.getBoundingClientRect();
            if (c.tagName === 'CAPTION') out.captions++;
            else out.cells++;
            const what = `${c.tagName.toLowerCase()} "${c.textContent.trim().slice(0, 30)}"`;
            if (r.left < 0 || r.right > innerWidth) out.out.push(`${what} from ${Math.round(r.left)} to ${Math.round(r.right)}`);
            if (c.scrollWidth > c.clientWidth + 1) out.cut.push(`${what}: ${c.scrollWidth} px of text in ${c.clientWidth} px`);
            if (c.tagName === 'TD') {
              const label = getComputedStyle(c, '::before').content;
              if (!c.dataset.label || !label || label === 'none') out.unlabelled.push(what);
            }
          }
        }
        return out;
      });
      info[p] = { tables: t.tables, cells: t.cells, captions: t.captions, scrollWidth: t.scrollWidth };
      if (t.tables === 0) fail(`${p}: no table to check`);
      if (t.scrollWidth > 320) fail(`${p}: the page scrolls sideways (scrollWidth ${t.scrollWidth})`);
      for (const o of t.out) fail(`${p}: off screen: ${o}`);
      for (const o of t.cut) fail(`${p}: cut: ${o}`);
      for (const o of t.unlabelled) fail(`${p}: a cell without its column's name: ${o}`);
      // The cards keep the table for screen readers: Chromium's own
      // accessibility tree still has a table with column headers and cells.
      const cdp = await context.newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const roles = {};
      for (const n of nodes) if (!n.ignored && n.role) roles[n.role.value] = (roles[n.role.value] || 0) + 1;
      await cdp.detach();
      info[p].ax = { table: roles.table || 0, columnheader: roles.columnheader || 0, cell: roles.cell || 0 };
      if (!roles.table || !roles.columnheader || !roles.cell) fail(`${p}: at 320px the accessibility tree lost the table (${JSON.stringify(info[p].ax)})`);
      await axe(page, fail, `320px on ${p}`);
      if (p === tablePath) {
        await page.locator('main .tabelle').first().scrollIntoViewIfNeeded();
        await shot(page, 'tabelle-320');
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.locator('main .tabelle').first().scrollIntoViewIfNeeded();
        await shot(page, 'tabelle-1280');
        await page.setViewportSize({ width: 320, height: 800 });
      }
    }
    return info;
  });

  await check(`glossary at 320px without JavaScript on ${glossaryPath}`, async (fail) => {
    const noJS = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const g = await noJS.newPage();
    let info = null;
    try {
      await g.goto(url(glossaryPath), { waitUntil: 'load' });
      const last = await g.evaluate(() => {
        const s = [...document.querySelectorAll('section.buchstabe')];
        return { letters: s.length, id: s.length ? s[s.length - 1].getAttribute('aria-labelledby') : null, height: document.documentElement.scrollHeight };
      });
      info = last;
      if (!last.id) {
        fail('no letter sections');
        return last;
      }
      // Follow the bar's link to the last letter, as a reader does.
      await g.locator(`.buchstaben a[href="#${last.id}"]`).focus();
      await g.keyboard.press('Enter');
      await g.waitForFunction((id) => location.hash === '#' + id, last.id);
      await g.keyboard.press('Tab');
      const st = await g.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        return { focused: a.className, href: a.getAttribute('href'), top: Math.round(r.top), bottom: Math.round(r.bottom), inView: r.top >= 0 && r.bottom <= innerHeight };
      });
      last.afterOneTab = st;
      if (st.focused !== 'nach-oben' || !st.inView) fail(`one Tab from the last letter did not reach a visible way back to A–Z (${JSON.stringify(st)})`);
      await shot(g, 'glossar-320-letzter-buchstabe');
      // Down at the last entry of the letter the way back is still on screen.
      await g.evaluate((id) => {
        const entries = document.getElementById(id).closest('section').querySelectorAll('.eintrag');
        entries[entries.length - 1].scrollIntoView({ block: 'end' });
      }, last.id);
      const sticky = await g.evaluate((id) => {
        const a = document.getElementById(id).closest('section').querySelector('.nach-oben');
        const r = a.getBoundingClientRect();
        return { top: Math.round(r.top), bottom: Math.round(r.bottom), inView: r.top >= 0 && r.bottom <= innerHeight, scrollY: Math.round(scrollY) };
      }, last.id);
      last.atLastEntry = sticky;
      if (!sticky.inView) fail(`at the letter's last entry the way back to A–Z is off screen (${JSON.stringify(sticky)})`);
      await shot(g, 'glossar-320-ende');
      await g.locator(`section[aria-labelledby="${last.id}"] .nach-oben`).focus();
      await g.keyboard.press('Enter');
      await g.waitForFunction(() => location.hash === '#hb-buchstaben');
      const bar = await g.evaluate(() => {
        const r = document.getElementById('hb-buchstaben').getBoundingClientRect();
        return { top: Math.round(r.top), inView: r.top >= 0 && r.top < innerHeight };
      });
      if (!bar.inView) fail(`"nach oben zu A–Z" did not bring the A–Z bar on screen (${JSON.stringify(bar)})`);
      // A letter followed from the bar is not hidden under the sticky heading of the one before.
      const first = await g.evaluate(() => document.querySelector('section.buchstabe').getAttribute('aria-labelledby'));
      await g.locator(`.buchstaben a[href="#${first}"]`).focus();
      await g.keyboard.press('Enter');
      await g.waitForFunction((id) => location.hash === '#' + id, first);
      const h = await g.evaluate((id) => Math.round(document.getElementById(id).getBoundingClientRect().top), first);
      if (h < 0) fail(`the first letter's heading is above the screen after following its link (top ${h})`);
      await g.setViewportSize({ width: 1280, height: 800 });
      await g.goto(url(glossaryPath) + '#' + last.id, { waitUntil: 'load' });
      await shot(g, 'glossar-1280-letzter-buchstabe');
    } finally {
      await noJS.close();
    }
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url(glossaryPath), { waitUntil: 'load' });
    await axe(page, fail, '320px on the glossary');
    return info;
  });

  await check(`undo after clearing the checklist on ${checklistPath}`, async (fail) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url(checklistPath), { waitUntil: 'load' });
    await page.evaluate(() => localStorage.clear());
    await page.goto(url(checklistPath), { waitUntil: 'load' });
    const st = () => page.evaluate(() => {
      const el = document.querySelector('.checkliste');
      const key = 'handbuch:checkliste:' + el.getAttribute('data-checkliste');
      const msg = el.querySelector('.checkliste-rueckgaengig [role="status"]');
      const undo = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Rückgängig');
      return {
        checked: [...el.querySelectorAll('.checkliste-punkt input[type="radio"]:checked')].map((r) => r.closest('.checkliste-punkt').dataset.punkt + '=' + r.value).join(' '),
        stored: localStorage.getItem(key), count: el.querySelector('.fortschritt').textContent,
        message: msg && msg.textContent, live: msg && msg.getAttribute('aria-live'),
        undoShown: !!undo && !undo.hidden && undo.getBoundingClientRect().height > 0,
        focus: document.activeElement.textContent,
      };
    });
    // Answer the first item with its first answer and the second with its last, by keyboard.
    const items = page.locator('.checkliste .checkliste-punkt');
    await items.nth(0).locator('input[type="radio"]').first().focus();
    await page.keyboard.press('Space');
    await items.nth(1).locator('input[type="radio"]').last().focus();
    await page.keyboard.press('Space');
    const before = await st();
    if (before.checked.split(' ').length !== 2) fail(`two answers were not chosen (${JSON.stringify(before)})`);
    const reset = page.locator('.checkliste button', { hasText: 'Alle Antworten löschen' });
    await reset.focus();
    await page.keyboard.press('Enter');
    let after = await st();
    if (after.checked !== '' || !/^0 von/.test(after.count)) fail(`"Alle Antworten löschen" did not clear them (${JSON.stringify(after)})`);
    if (after.message !== 'Alle Antworten gelöscht.' || after.live !== 'polite' || !after.undoShown) fail(`no polite "Alle Antworten gelöscht." with "Rückgängig" (${JSON.stringify(after)})`);
    await axe(page, fail, 'with the undo message');
    await page.keyboard.press('Tab');
    if ((await st()).focus !== 'Rückgängig') fail('Tab after "Alle Antworten löschen" does not reach "Rückgängig"');
    await page.keyboard.press('Enter');
    after = await st();
    if (after.checked !== before.checked || after.stored !== before.stored) fail(`"Rückgängig" did not bring back the answers (before ${JSON.stringify(before)}, after ${JSON.stringify(after)})`);
    if (after.undoShown || after.focus !== 'Alle Antworten löschen') fail(`after "Rückgängig" the button should go and the focus return to "Alle Antworten löschen" (${JSON.stringify(after)})`);
    // Kept after a reload, as any answer.
    await page.goto(url(checklistPath), { waitUntil: 'load' });
    const reloaded = await st();
    if (reloaded.checked !== before.checked) fail(`the restored answers were not kept after a reload (${reloaded.checked})`);
    // A new answer after clearing ends the offer to undo.
    await reset.focus();
    await page.keyboard.press('Enter');
    await items.nth(2).locator('input[type="radio"]').first().focus();
    await page.keyboard.press('Space');
    after = await st();
    if (after.undoShown) fail('"Rückgängig" still offered after a new answer');
    await page.evaluate(() => localStorage.clear());
    return { before: before.checked, restored: reloaded.checked };
  });

  await check(`register cards on ${registerPath}`, async (fail) => {
    const info = {};
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url(registerPath), { waitUntil: 'load' });
      const r = await page.evaluate(() => {
        const out = { pairs: 0, sideBySide: 0, maxOffset: 0, worst: '' };
        for (const d of document.querySelectorAll('.ki-system dl > div')) {
          const dt = d.querySelector('dt').getBoundingClientRect();
          const dd = d.querySelector('dd').getBoundingClientRect();
          out.pairs++;
          if (dd.left >= dt.right) {
            out.sideBySide++;
            const off = Math.abs(dt.top - dd.top);
            if (off > out.maxOffset) {
              out.maxOffset = off;
              out.worst = d.querySelector('dt').textContent;
            }
          } else if (dd.top < dt.bottom - 1) {
            out.maxOffset = Math.max(out.maxOffset, 999);
            out.worst = 'overlap: ' + d.querySelector('dt').textContent;
          }
        }
        return out;
      });
      info[width] = r;
      if (r.pairs === 0) fail('no register cards');
      if (width === 1280 && r.sideBySide !== r.pairs) fail(`1280px: ${r.pairs - r.sideBySide} labels not beside their values`);
      if (r.maxOffset > 2) fail(`${width}px: a label sits ${r.maxOffset.toFixed(1)} px off its value (${r.worst})`);
    }
    return info;
  });
} finally {
  await browser.close();
}

const failed = results.filter((r) => r.failures.length).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
