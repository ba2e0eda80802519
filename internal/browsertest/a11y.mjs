// Browser accessibility checks for the generated site, run in headless Chromium.
//
// Usage: node a11y.mjs [--json FILE] [--offline DIR] BASE_URL [PATH...]
//   With no PATH arguments, paths are read from stdin, one per line.
//   --offline DIR: DIR holds a handbuch build --offline, checked once from
//   file:// after the pages (see checkOffline).
//   CHROMIUM overrides the browser executable (default /usr/bin/chromium).
//
// For every path: no request may leave the BASE_URL host:port; axe-core
// (WCAG 2.0/2.1/2.2 A+AA plus best-practice) must report no violation at 1280px
// and at 320px; the first Tab must reach a visible skip link whose Enter moves
// focus into <main>; and at 320px the page must not scroll horizontally. The
// search is tried once from the header form, and /suche/ also without
// JavaScript and, at 320×640, with a typo, stop words and a compound. An --offline copy is opened from disk and walked by its links.
// Exit code: 0 all pages pass, 1 some page fails, 2 usage error or no browser.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const USAGE = 'usage: node a11y.mjs [--json FILE] [--offline DIR] BASE_URL [PATH...]   (no PATH: read paths from stdin)';

function usageError(msg) {
  console.error(`a11y: ${msg}\n${USAGE}`);
  process.exit(2);
}

// ---- command line ----
const positional = [];
let jsonFile = null;
let offlineDir = null;
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--json') {
    jsonFile = process.argv[++i];
    if (!jsonFile) usageError('--json needs a file name');
  } else if (arg.startsWith('--json=')) jsonFile = arg.slice(7);
  else if (arg === '--offline') {
    offlineDir = process.argv[++i];
    if (!offlineDir) usageError('--offline needs a folder');
  } else if (arg.startsWith('--offline=')) offlineDir = arg.slice(10);
  else if (arg === '-h' || arg === '--help') { console.log(USAGE); process.exit(0); }
  else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
  else positional.push(arg);
}
if (positional.length === 0) usageError('missing BASE_URL');
let base;
try { base = new URL(positional[0]); } catch { usageError(`invalid BASE_URL ${positional[0]}`); }
if (!/^https?:$/.test(base.protocol)) usageError(`BASE_URL must be http(s): ${positional[0]}`);
let paths = positional.slice(1);
if (paths.length === 0) {
  if (process.stdin.isTTY) usageError('no PATH given and stdin is a terminal');
  paths = readFileSync(0, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (paths.length === 0) usageError('no paths on stdin');
}

if (offlineDir !== null) {
  try { readFileSync(join(offlineDir, 'index.html')); } catch { usageError(`--offline: no index.html in ${offlineDir}`); }
}

// ---- checks that run inside the page ----

// Runs axe and keeps only what a reader needs to fix each violation.
async function runAxe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return res.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

// Describes document.activeElement and the fragment target: that of the
// focused link, or the one given (to check where focus went after Enter).
function describeFocus(givenFragment) {
  const el = document.activeElement;
  const desc = (e) => e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') : 'null';
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const href = el.getAttribute('href');
  const frag = givenFragment ||
    (el.tagName === 'A' && href && href.startsWith('#') && href.length > 1 ? decodeURIComponent(href.slice(1)) : null);
  const target = frag ? document.getElementById(frag) : null;
  return {
    element: desc(el), tag: el.tagName.toLowerCase(), href, text: (el.textContent || '').trim().slice(0, 60),
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    inViewport: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 &&
      r.right <= innerWidth && r.bottom <= innerHeight,
    shown: style.visibility !== 'hidden' && parseFloat(style.opacity) > 0,
    fragment: frag, targetExists: !!target, target: desc(target),
    targetIsMain: !!target && (target.tagName === 'MAIN' || target.getAttribute('role') === 'main'),
    focusInTarget: !!target && (el === target || target.contains(el)),
    hash: location.hash,
  };
}

// Lists the elements that stick out past the given width, widest first.
function findOverflow(width) {
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > width) {
      out.push({ tag: e.tagName.toLowerCase(), id: e.id || '',
        class: typeof e.className === 'string' ? e.className : '', right: Math.round(r.right), width: Math.round(r.width) });
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, widest: out.sort((a, b) => b.right - a.right).slice(0, 5) };
}

// Checks the first glossary term button, if the page has one: Enter opens
// the explanation below the term (in the flow, not on top of other
// content), Escape closes it and keeps focus on the button, Space opens
// it again, Tab moves on and closes it. axe runs while it is open.
async function checkPopup(page, fail) {
  const button = page.locator('.begriff-knopf').first();
  if (await button.count() === 0) return { present: false };
  const state = () => page.evaluate(() => {
    const b = document.querySelector('.begriff-knopf');
    const box = document.getElementById(b.getAttribute('aria-controls'));
    const link = b.previousElementSibling;
    return {
      expanded: b.getAttribute('aria-expanded'), focused: document.activeElement === b,
      visible: !!box && !box.hidden && box.getBoundingClientRect().height > 0,
      text: box ? box.textContent : null, short: link && link.getAttribute('data-kurz'),
      position: box ? getComputedStyle(box).position : null, live: box && box.getAttribute('aria-live'),
      name: b.textContent.trim(),
    };
  });
  const out = { present: true, steps: [] };
  await button.focus();
  await page.keyboard.press('Enter');
  let st = await state();
  out.steps.push(['Enter', st]);
  if (st.expanded !== 'true' || !st.visible || st.text !== st.short) fail(`popup: Enter did not open the explanation (${JSON.stringify(st)})`);
  if (st.position !== 'static' && st.position !== 'relative') fail(`popup: the explanation is positioned ${st.position} and may cover content`);
  if (st.live !== 'polite') fail('popup: the explanation is not announced (aria-live="polite" missing)');
  for (const v of await runAxe(page)) fail(`axe with pop-up open: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  await button.focus();
  await page.keyboard.press('Escape');
  st = await state();
  out.steps.push(['Escape', st]);
  if (st.expanded !== 'false' || st.visible || !st.focused) fail(`popup: Escape did not close it with focus kept on the button (${JSON.stringify(st)})`);
  await page.keyboard.press(' ');
  st = await state();
  out.steps.push(['Space', st]);
  if (st.expanded !== 'true' || !st.visible) fail(`popup: Space did not open it (${JSON.stringify(st)})`);
  await page.keyboard.press('Tab');
  st = await state();
  out.steps.push(['Tab', st]);
  if (st.expanded !== 'false' || st.visible) fail(`popup: moving the focus away did not close it (${JSON.stringify(st)})`);
  return out;
}

// Checks the first checklist, if the page has one, with the keyboard:
// Space answers the first item with its first answer, the count says so
// politely, the answer is still there after a reload (kept in this
// browser), and the reset button clears it.
async function checkChecklist(page, fail, load) {
  const list = page.locator('.checkliste').first();
  if (await list.count() === 0) return { present: false };
  const count = () => page.evaluate(() => {
    const el = document.querySelector('.checkliste');
    const status = el.querySelector('.fortschritt');
    return {
      text: status ? status.textContent : null, live: status && status.getAttribute('aria-live'),
      checked: el.querySelectorAll('.checkliste-punkt input[type="radio"]:checked').length,
      first: el.querySelector('.checkliste-punkt input[type="radio"]').checked,
      focused: document.activeElement && document.activeElement.type,
    };
  });
  const out = { present: true, steps: [] };
  // Reach the reset button and then the first answer with Tab, as a keyboard user does.
  await page.locator('.checkliste .knopf').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  let st = await count();
  out.steps.push(['Space', st]);
  if (!st.first || st.checked !== 1 || !/^1 von \d+ Punkten beantwortet$/.test(st.text || '') || st.live !== 'polite') {
    fail(`checklist: Tab and Space did not answer the first item with a polite count (${JSON.stringify(st)})`);
  }
  await load();
  st = await count();
  out.steps.push(['reload', st]);
  if (!st.first) fail('checklist: the answer was not kept in this browser after a reload');
  await page.locator('.checkliste .knopf').first().focus();
  await page.keyboard.press('Enter');
  st = await count();
  out.steps.push(['reset', st]);
  if (st.checked !== 0 || !/^0 von /.test(st.text || '')) fail(`checklist: the reset button did not clear the answers (${JSON.stringify(st)})`);
  return out;
}

// Checks the traffic-light self-check, if the page has one: arrow keys
// choose a level in each radio group, and the result appears in a polite
// live region only when all three are chosen, with the worst level.
async function checkSelfCheck(page, fail) {
  const check = page.locator('.ampel-check').first();
  if (await check.count() === 0) return { present: false };
  const result = () => page.evaluate(() => {
    const out = document.querySelector('.ampel-check .ampel-ergebnis');
    return { text: out.textContent.trim(), live: out.getAttribute('aria-live') };
  });
  const out = { present: true, steps: [] };
  const groups = await check.locator('fieldset[data-kriterium]').count();
  for (let i = 0; i < groups; i++) {
    // Focus the first radio (grün), then arrow down once (gelb); the last group twice (rot).
    await check.locator('fieldset[data-kriterium]').nth(i).locator('input[type="radio"]').first().focus();
    await page.keyboard.press('ArrowDown');
    if (i === groups - 1) await page.keyboard.press('ArrowDown');
    const st = await result();
    out.steps.push([`group ${i + 1}`, st]);
    if (i < groups - 1 && /^Ergebnis/.test(st.text)) fail(`self-check: a result appeared before all criteria were chosen (${st.text})`);
  }
  const st = await result();
  if (st.live !== 'polite' || !/^Ergebnis: Rot: hohes Risiko\./.test(st.text)) {
    fail(`self-check: choosing gelb, gelb, rot by keyboard did not announce the result Rot (${JSON.stringify(st)})`);
  }
  for (const v of await runAxe(page)) fail(`axe with self-check result: ${v.id} (${v.impact}): ${v.help}`);
  return out;
}

// Checks the search, once, from the header form of the first page that
// has one: Tab reaches the field, typing "Einwilligungen" and Enter lead to
// /suche/?q=Einwilligungen, whose polite status counts the results, and the
// consent form is among them (so is the glossary entry). axe runs on the
// results. A query without hits then says so.
let searchTried = false;
async function checkSearch(page, fail) {
  if (await page.locator('header form[role="search"] input[name="q"]').count() === 0) return { present: false };
  const out = { present: true, steps: [] };
  let focused = null;
  for (let i = 0; i < 6 && focused !== 'q'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.closest('header form[role="search"]') ? document.activeElement.name : null);
  }
  if (focused !== 'q') {
    fail('search: Tab did not reach the search field in the header within 6 presses');
    return out;
  }
  const state = () => page.evaluate(() => {
    const status = document.getElementById('suche-status');
    const list = document.getElementById('suche-treffer');
    return {
      url: location.pathname + location.search, text: status ? status.textContent : null,
      role: status && status.getAttribute('role'), live: status && status.getAttribute('aria-live'),
      field: (document.getElementById('suche-begriff') || {}).value, listShown: !!list && !list.hidden,
      results: list ? [...list.querySelectorAll('li > a')].map((a) => new URL(a.href).pathname + new URL(a.href).hash) : [],
    };
  });
  await page.keyboard.type('Einwilligungen');
  await Promise.all([page.waitForURL(/\/suche\/\?q=Einwilligungen$/, { timeout: 10000 }), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => (document.getElementById('suche-status') || {}).textContent, null, { timeout: 5000 }).catch(() => {});
  let st = await state();
  out.steps.push(['Enter', st]);
  const m = /^(\d+) Treffer für „Einwilligungen“\.$/.exec(st.text || '');
  if (!m || st.role !== 'status' || st.live !== 'polite') fail(`search: no polite count of results for "Einwilligungen" (${JSON.stringify(st)})`);
  else if (Number(m[1]) !== st.results.length) fail(`search: the status says ${m[1]} results, the list has ${st.results.length}`);
  if (st.field !== 'Einwilligungen') fail(`search: the search page's field does not hold the query (${st.field})`);
  if (!st.listShown || !st.results.some((r) => /\/vorlagen\/einwilligung\/$/.test(r))) fail(`search: "Einwilligungen" did not find the consent form (${st.results.join(', ')})`);
  if (!st.results.some((r) => /\/glossar\/#einwilligung$/.test(r))) fail('search: "Einwilligungen" did not find the glossary entry Einwilligung');
  for (const v of await runAxe(page)) fail(`axe with search results: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  // Follow the first result by keyboard: it must lead to a page that exists.
  await page.focus('#suche-treffer li a');
  await Promise.all([page.waitForNavigation({ timeout: 10000 }), page.keyboard.press('Enter')]);
  const landed = await page.evaluate(() => ({ url: location.pathname, h1: (document.querySelector('h1') || {}).textContent }));
  out.steps.push(['first result', landed]);
  if (landed.url !== st.results[0].replace(/#.*/, '') || !landed.h1) fail(`search: the first result led to ${JSON.stringify(landed)}, not ${st.results[0]}`);
  await page.goBack();
  await page.fill('#suche-begriff', '');
  await page.focus('#suche-begriff');
  await page.keyboard.type('Xylophonzauber');
  await page.keyboard.press('Enter');
  st = await state();
  out.steps.push(['no hits', st]);
  if (st.text !== 'Keine Treffer für „Xylophonzauber“.' || st.listShown) fail(`search: a query without hits did not say so (${JSON.stringify(st)})`);
  return out;
}

// Checks, on /suche/ at 320×640, that the search forgives: a typo
// ("Einwiligung") finds the consent pages and offers "Meinten Sie
// „Einwilligung“?" as a link that runs the corrected query; stop words
// alone ("und die") are named instead of "Keine Treffer"; "Einwilligung"
// finds the checklist that has only the compound "Einwilligungsformular";
// and the phone screen shows one search field and the first result
// within the first screen. Then other languages: an Arabic word typed
// into the field finds the Arabic client page, as its first result, in
// Arabic and right to left; so do the word with harakat and one written
// without its hamza; and "program" lists the English page first for a
// reader who comes from an English page (sprache=en), not otherwise.
async function checkSearchForgives(page, fail, url) {
  const out = { present: true, steps: [] };
  await page.setViewportSize({ width: 320, height: 640 });
  const open = async (q, params = '') => {
    await page.goto(url + '?q=' + encodeURIComponent(q) + params, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.getElementById('suche-status') || {}).textContent, null, { timeout: 5000 }).catch(() => {});
    return page.evaluate(() => {
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const first = document.querySelector('#suche-treffer li a');
      const hint = document.querySelector('#suche-vorschlag a');
      return {
        fields: [...document.querySelectorAll('input[name="q"]')].filter(shown).length,
        status: (document.getElementById('suche-status') || {}).textContent,
        hint: hint && shown(hint) ? { text: hint.textContent, href: hint.getAttribute('href') } : null,
        results: [...document.querySelectorAll('#suche-treffer li > a')].map((a) => new URL(a.href).pathname + new URL(a.href).hash),
        firstBottom: first ? first.getBoundingClientRect().bottom : null,
        screen: window.innerHeight,
      };
    });
  };
  let st = await open('Einwiligung');
  out.steps.push(['typo', st]);
  if (!st.results.some((r) => /\/vorlagen\/einwilligung\/$/.test(r)) || !st.results.some((r) => /\/glossar\/#einwilligung$/.test(r))) {
    fail(`search: the typo "Einwiligung" did not find the consent form and the glossary entry (${st.results.join(', ')})`);
  }
  if (!/^Keine Treffer für „Einwiligung“\. Ähnlich geschrieben: \d+ Treffer für „Einwilligung“\.$/.test(st.status || '')) {
    fail(`search: the status for "Einwiligung" does not name the correction (${st.status})`);
  }
  if (!st.hint || st.hint.text !== 'Meinten Sie „Einwilligung“?') fail(`search: no "Meinten Sie „Einwilligung“?" for "Einwiligung" (${JSON.stringify(st.hint)})`);
  if (st.fields !== 1) fail(`search at 320px: ${st.fields} search fields are shown, want one`);
  if (!(st.firstBottom > 0 && st.firstBottom <= st.screen)) fail(`search at 320px: the first result ends at ${st.firstBottom}px, below the first screen of ${st.screen}px`);
  for (const v of await runAxe(page)) fail(`axe with a corrected search at 320px: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  if (st.hint) {
    await page.focus('#suche-vorschlag a');
    await Promise.all([page.waitForNavigation({ timeout: 10000 }), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => (document.getElementById('suche-status') || {}).textContent, null, { timeout: 5000 }).catch(() => {});
    const after = await page.evaluate(() => ({
      q: new URLSearchParams(location.search).get('q'), field: document.getElementById('suche-begriff').value,
      status: document.getElementById('suche-status').textContent, hint: !document.getElementById('suche-vorschlag').hidden,
    }));
    out.steps.push(['Meinten Sie', after]);
    if (after.q !== 'Einwilligung' || after.field !== 'Einwilligung' || !/^\d+ Treffer für „Einwilligung“\.$/.test(after.status) || after.hint) {
      fail(`search: following "Meinten Sie" did not run the query "Einwilligung" (${JSON.stringify(after)})`);
    }
  }
  st = await open('und die');
  out.steps.push(['stop words', st]);
  if (!/^Nicht gesucht: und, die\. /.test(st.status || '') || /Keine Treffer/.test(st.status) || st.results.length) {
    fail(`search: "und die" did not say that stop words are not searched (${st.status})`);
  }
  st = await open('Einwilligung');
  out.steps.push(['compound', st]);
  if (!st.results.some((r) => /\/checklisten\/waehrend-des-betriebs\//.test(r))) {
    fail(`search: "Einwilligung" did not find the checklist that has only "Einwilligungsformular" (${st.results.join(', ')})`);
  }
  if (st.fields !== 1 || !(st.firstBottom > 0 && st.firstBottom <= st.screen)) {
    fail(`search at 320px: ${st.fields} fields, first result ends at ${st.firstBottom}px of ${st.screen}px`);
  }

  // Arabic, typed as a reader types it.
  const arabic = '/klienten/so-nutzen-wir-ki/ar/';
  await page.fill('#suche-begriff', '');
  await page.focus('#suche-begriff');
  await page.keyboard.type('الذكاء');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /الذكاء/.test((document.getElementById('suche-status') || {}).textContent), null, { timeout: 5000 }).catch(() => {});
  const typed = await page.evaluate(() => {
    const first = document.querySelector('#suche-treffer li');
    const field = document.getElementById('suche-begriff');
    return {
      status: document.getElementById('suche-status').textContent,
      first: first ? new URL(first.querySelector('a').href).pathname : null,
      lang: first && first.lang, direction: first && getComputedStyle(first).direction,
      fieldDirection: getComputedStyle(field).direction, field: field.value,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
  out.steps.push(['arabic typed', typed]);
  if (!/^\d+ Treffer für „الذكاء“\.$/.test(typed.status) || typed.first !== arabic) {
    fail(`search: the Arabic word "الذكاء", typed, did not find the Arabic page first (${JSON.stringify(typed)})`);
  }
  if (typed.lang !== 'ar' || typed.direction !== 'rtl' || typed.fieldDirection !== 'rtl') {
    fail(`search: the Arabic result or the field holding Arabic is not Arabic and right to left (${JSON.stringify(typed)})`);
  }
  if (typed.scrollWidth > 320) fail(`search at 320px with an Arabic result: scrollWidth ${typed.scrollWidth} > 320`);
  for (const v of await runAxe(page)) fail(`axe with an Arabic result at 320px: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  // With harakat, and without the hamza of الإنسان.
  const variants = {};
  for (const q of ['الذَّكَاءُ', 'الانسان']) {
    st = await open(q, '&sprache=ar');
    variants[q] = st.results[0] || null;
    if (!st.results.length || new URL(st.results[0], url).pathname !== arabic) fail(`search: "${q}" did not find the Arabic page first (${st.results.join(', ')})`);
  }
  out.steps.push(['arabic variants', variants]);

  // The reader's language first.
  const english = '/klienten/so-nutzen-wir-ki/en/';
  const en = await open('program', '&sprache=en');
  const de = await open('program');
  out.steps.push(['reader first', { en: en.results.slice(0, 3), de: de.results.slice(0, 3) }]);
  const path = (r) => (r || '').replace(/#.*/, '');
  if (path(en.results[0]) !== english || !de.results.length || path(de.results[0]) === english) {
    fail(`search: "program" from an English page does not list the English page first, or without sprache it does (${en.results[0]}; ${de.results.slice(0, 3).join(', ')})`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return out;
}

// Checks the search page without JavaScript: the form that needs the
// script stays hidden, a note says why, and the A–Z index links every page,
// heading and glossary term.
async function checkSearchWithoutScript(page, fail, load) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  try {
    await load();
    const st = await page.evaluate(() => ({
      scripts: !!window.handbuchSuche,
      formShown: !!document.getElementById('suche-formular') && document.getElementById('suche-formular').getClientRects().length > 0,
      noteShown: !!document.getElementById('suche-ohne-skript') && document.getElementById('suche-ohne-skript').getClientRects().length > 0,
      letters: document.querySelectorAll('nav.buchstaben a').length,
      links: [...document.querySelectorAll('.a-z li a')].map((a) => new URL(a.href).pathname + new URL(a.href).hash),
    }));
    const out = { present: true, steps: [['no script', { ...st, links: st.links.length }]] };
    if (st.scripts) fail('search without JavaScript: the scripts ran anyway');
    if (st.formShown || !st.noteShown) fail(`search without JavaScript: the form is shown (${st.formShown}) or the note is missing (${!st.noteShown})`);
    if (st.letters < 10 || st.links.length < 100) fail(`search without JavaScript: the A–Z index has ${st.letters} letters and ${st.links.length} links`);
    if (!st.links.some((l) => /\/glossar\/#einwilligung$/.test(l)) || !st.links.some((l) => /\/leitlinien\/datenschutz\/#/.test(l))) {
      fail('search without JavaScript: the A–Z index lacks the term Einwilligung or the headings of the data protection chapter');
    }
    return out;
  } finally {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await cdp.detach();
  }
}

// ---- the --offline copy, opened from disk ----

// What a page opened from disk shows: where it is, whether it is a
// handbook page (not a folder listing or an error page), and whether the
// stylesheet and the web font took effect.
async function offlineState(page) {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const html = getComputedStyle(document.documentElement);
    const h1 = document.querySelector('h1');
    return {
      url: location.href, h1: h1 ? h1.textContent.trim().slice(0, 80) : null,
      handbook: !!document.getElementById('hb-suche-begriff'),
      fontFamily: html.fontFamily, link: html.getPropertyValue('--link').trim(),
      bodyMargin: getComputedStyle(document.body).margin,
      fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.style}`),
    };
  });
}

// Checks, once, a copy built with handbuch build --offline and opened
// from disk (file://), as a reader opens it from a shared drive or USB
// stick: in its own browser that keeps the site's Content-Security-Policy
// (the main context bypasses it for axe). The start page has its
// stylesheet and web font; clicking links from the start page into the
// guidelines, on to the first chapter, to a glossary term and back home
// always lands on an index.html with an <h1>; a search typed into the
// header form lands on suche/index.html?q=…, counts its results and links
// to index.html files, and the first result opens. Every request must
// succeed and stay on disk, the console must stay free of errors (a
// blocked script or style shows there), and axe passes on the start page.
async function checkOffline(context, dir) {
  const start = pathToFileURL(join(resolve(dir), 'index.html')).href;
  const result = { path: start, url: start, failures: [], offline: { present: true, steps: [], requests: 0 } };
  const fail = (msg) => { if (!result.failures.includes(msg)) result.failures.push(msg); };
  const steps = result.offline.steps;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
    const strict = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Nothing may go to the network; should something try, it is blocked here and fails below.
    await strict.route(/^(https?|wss?):/, (route) => route.abort('blockedbyclient'));
    const page = await strict.newPage();
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (u.protocol === 'data:' || u.protocol === 'about:' || u.protocol === 'blob:') return;
      if (u.protocol !== 'file:') fail(`offline: request to ${req.url()}`);
      else result.offline.requests++;
    });
    page.on('requestfailed', (req) => fail(`offline: ${req.url()} failed (${req.failure() ? req.failure().errorText : 'unknown'})`));
    page.on('response', (resp) => { if (resp.status() >= 400) fail(`offline: ${resp.url()} answered ${resp.status()}`); });
    page.on('console', (msg) => { if (msg.type() === 'error') fail(`offline: console error on ${page.url()}: ${msg.text()}`); });
    page.on('pageerror', (err) => fail(`offline: script error on ${page.url()}: ${err.message}`));
    const loaded = new Set();
    page.on('requestfinished', (req) => loaded.add(req.url().replace(/[?#].*/, '').slice(pathToFileURL(resolve(dir)).href.length + 1)));

    // A handbook page at an index.html (plus #fragment), not a folder listing or an error page.
    const landed = (what, st, want) => {
      if (!/\/index\.html(#[^#?]*)?$/.test(st.url) || (want && !want.test(st.url))) fail(`offline: ${what} led to ${st.url}, want ${want || 'an index.html'}`);
      if (!st.h1 || !st.handbook) fail(`offline: ${what} led to a page without <h1> or the handbook's header (${JSON.stringify({ url: st.url, h1: st.h1 })})`);
    };
    const follow = async (what, link, want) => {
      if (await link.count() === 0) {
        fail(`offline: no link for ${what} on ${page.url()}`);
        return null;
      }
      const href = await link.first().getAttribute('href');
      await Promise.all([page.waitForNavigation({ timeout: 10000 }), link.first().click()]);
      const st = await offlineState(page);
      steps.push([what, { href, ...st }]);
      landed(what, st, want);
      return st;
    };

    // 1. the start page: stylesheet and web font
    const resp = await page.goto(start, { waitUntil: 'load', timeout: 30000 });
    if (!resp || !resp.ok()) fail(`offline: ${start} did not open (${resp ? resp.status() : 'no response'})`);
    let st = await offlineState(page);
    steps.push(['start', st]);
    landed('the start page', st, null);
    if (!/^"?Atkinson Hyperlegible Next"?,/.test(st.fontFamily) || !st.link || st.bodyMargin !== '0px') {
      fail(`offline: the stylesheet did not apply (${JSON.stringify({ fontFamily: st.fontFamily, link: st.link, bodyMargin: st.bodyMargin })})`);
    }
    if (!st.fonts.some((f) => /^Atkinson Hyperlegible Next 400 normal$/.test(f))) fail(`offline: the web font did not load (loaded: ${st.fonts.join(', ') || 'none'})`);
    for (const want of ['assets/handbuch.css', 'assets/handbuch.js', 'assets/fonts/atkinson-hyperlegible-next-latin-400-normal.woff2']) {
      if (!loaded.has(want)) fail(`offline: the start page did not load ${want} (loaded: ${[...loaded].join(', ')})`);
    }

    // 2. walk by clicking links: guidelines, first chapter, a glossary term, home
    await follow('the navigation link "Die Muster-Leitlinien"',
      page.locator('nav.navigation a:visible').filter({ hasText: /^\s*Die Muster-Leitlinien\s*$/ }), /\/leitlinien\/index\.html$/);
    await follow('the link to the next chapter', page.locator('a[rel="next"]:visible'), /\/leitlinien\/[^/]+\/index\.html$/);
    st = await follow('the first glossary term in the text', page.locator('main a.begriff:visible'), /\/glossar\/index\.html#[^#]+$/);
    if (st && !(await page.evaluate(() => !!document.getElementById(decodeURIComponent(location.hash.slice(1)))))) {
      fail(`offline: the glossary has no entry for ${st.url}`);
    }
    await follow('the handbook title in the header', page.locator('header .kopf-titel a'), new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

    // 3. search from the header form of the start page
    if (page.url() !== start) await page.goto(start, { waitUntil: 'load', timeout: 30000 });
    await page.focus('#hb-suche-begriff', { timeout: 5000 });
    await page.keyboard.type('Einwilligungen');
    await Promise.all([page.waitForURL(/\/suche\/index\.html\?q=Einwilligungen$/, { timeout: 10000 }), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => (document.getElementById('suche-status') || {}).textContent, null, { timeout: 5000 }).catch(() => {});
    const search = await page.evaluate(() => {
      const status = document.getElementById('suche-status');
      const links = [...document.querySelectorAll('#suche-treffer li a')];
      return {
        url: location.href, text: status ? status.textContent : null,
        hrefs: links.map((a) => a.getAttribute('href')), urls: links.map((a) => a.href),
      };
    });
    steps.push(['search', { ...search, hrefs: search.hrefs.slice(0, 5), urls: search.urls.slice(0, 5) }]);
    const m = /^(\d+) Treffer für „Einwilligungen“\.$/.exec(search.text || '');
    if (!m || Number(m[1]) === 0 || Number(m[1]) !== search.hrefs.length) {
      fail(`offline: the search page counts no results for "Einwilligungen" (status ${JSON.stringify(search.text)}, ${search.hrefs.length} links)`);
    }
    const bad = search.hrefs.filter((h) => !/(^|\/)index\.html(#[^#?]*)?$/.test(h) || h.startsWith('/'));
    if (bad.length) fail(`offline: search results link to ${bad.slice(0, 3).join(', ')}, not to an index.html`);
    for (const want of ['suche/index.js', 'assets/suche.js']) {
      if (!loaded.has(want)) fail(`offline: the search page did not load ${want}`);
    }
    if (search.urls.length) {
      const first = search.urls[0];
      await follow('the first search result', page.locator('#suche-treffer li a'), new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
  } catch (err) {
    fail(`offline: error: ${err.message.split('\n')[0]}`);
  } finally {
    if (browser) await browser.close();
  }

  // 4. axe on the start page, in the main context as for every other page
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(start, { waitUntil: 'load', timeout: 30000 });
    const violations = await runAxe(page);
    steps.push(['axe', { violations: violations.length }]);
    for (const v of violations) fail(`offline: axe 1280px: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  } catch (err) {
    fail(`offline: axe: error: ${err.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  result.pass = result.failures.length === 0;
  return result;
}

// ---- one page ----
async function checkPath(context, path) {
  const url = new URL(path, base).href;
  const result = { path, url, failures: [], foreignRequests: [], axe1280: [], axe320: [], keyboard: null, popup: null, checklist: null, selfCheck: null, search: null, noScript: null, forgives: null, overflow: null };
  const fail = (msg) => result.failures.push(msg);
  const page = await context.newPage();
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'about:' || u.protocol === 'blob:') return;
    if (u.host !== base.host && !result.foreignRequests.includes(req.url())) result.foreignRequests.push(req.url());
  });
  const load = async () => {
    const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    if (!resp || resp.status() >= 400) throw new Error(`HTTP ${resp ? resp.status() : 'no response'} for ${url}`);
  };
  try {
    // b. axe at desktop width
    await page.setViewportSize({ width: 1280, height: 800 });
    await load();
    result.axe1280 = await runAxe(page);

    // c. keyboard: first Tab reaches the skip link, Enter moves focus into main
    await load();
    await page.keyboard.press('Tab');
    const before = await page.evaluate(describeFocus, null);
    const kb = (result.keyboard = { afterTab: before, afterEnter: null });
    if (before.tag !== 'a' || !before.fragment) {
      fail(`keyboard: first Tab focused ${before.element} (href=${before.href}, text "${before.text}"), expected a skip link <a href="#...">`);
    } else if (!before.targetExists) {
      fail(`keyboard: skip link href=${before.href} points to no element with id "${before.fragment}"`);
    } else {
      if (!before.inViewport || !before.shown) {
        fail(`keyboard: skip link ${before.element} is not visible when focused (rect ${JSON.stringify(before.rect)}, ` +
          `inside viewport: ${before.inViewport}, visibility/opacity ok: ${before.shown})`);
      }
      if (!before.targetIsMain) fail(`keyboard: skip link target ${before.target} is not <main> or role=main`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(100);
      const after = (kb.afterEnter = await page.evaluate(describeFocus, before.fragment));
      if (!after.focusInTarget) {
        fail(`keyboard: after Enter on the skip link focus is on ${after.element}, not on ${before.target} or inside it ` +
          `(location.hash="${after.hash}"; give the target tabindex="-1")`);
      }
    }

    // f. glossary pop-up: keyboard alone opens and closes it, in place
    await load();
    result.popup = await checkPopup(page, fail);

    // g. checklist and traffic-light self-check by keyboard
    await load();
    result.checklist = await checkChecklist(page, fail, load);
    await load();
    result.selfCheck = await checkSelfCheck(page, fail);

    // h. search: from the header form of the first page; the search page also without JavaScript
    if (!searchTried) {
      await load();
      result.search = await checkSearch(page, fail);
      searchTried = result.search.present;
    }
    if (/\/suche\/$/.test(new URL(url).pathname)) {
      result.forgives = await checkSearchForgives(page, fail, url);
      result.noScript = await checkSearchWithoutScript(page, fail, load);
    }

    // d. + e. narrow viewport: no horizontal scrolling, axe again
    await page.setViewportSize({ width: 320, height: 800 });
    await load();
    result.overflow = await page.evaluate(findOverflow, 320);
    if (result.overflow.scrollWidth > 320) {
      const list = result.overflow.widest.map((o) =>
        `${o.tag}${o.id ? '#' + o.id : ''}${o.class ? '.' + o.class.trim().split(/\s+/).join('.') : ''} (right ${o.right}px, width ${o.width}px)`);
      fail(`320px: document scrollWidth ${result.overflow.scrollWidth} > 320; widest: ${list.join(', ') || 'none found'}`);
    }
    result.axe320 = await runAxe(page);
  } catch (err) {
    fail(`error: ${err.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }

  // Report in the order of the brief: requests, axe, then keyboard/layout/errors found above.
  const pageFailures = result.failures.splice(0);
  // a. requests to other hosts (collected over all loads above)
  for (const u of result.foreignRequests) fail(`foreign request: ${u}`);
  const axeText = (width, v) => [`axe ${width}: ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    at ${n.target}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)].join('\n');
  for (const v of result.axe1280) fail(axeText('1280px', v));
  // Only report narrow-width violations that are new, to keep the output short.
  const seen = new Set(result.axe1280.flatMap((v) => v.nodes.map((n) => v.id + ' ' + n.target)));
  for (const v of result.axe320) {
    const nodes = v.nodes.filter((n) => !seen.has(v.id + ' ' + n.target));
    if (nodes.length) fail(axeText('320px', { ...v, nodes }));
  }
  result.failures.push(...pageFailures);
  result.pass = result.failures.length === 0;
  return result;
}

// ---- main ----
const profile = mkdtempSync(join(tmpdir(), 'a11y-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE, headless: true, args: ARGS,
    // The site forbids inline scripts (CSP); axe is injected inline, so the
    // test browser alone ignores the policy.
    bypassCSP: true,
  });
} catch (err) {
  rmSync(profile, { recursive: true, force: true });
  console.error(`a11y: cannot launch Chromium at ${EXECUTABLE} (set CHROMIUM to override): ${err.message.split('\n')[0]}`);
  process.exit(2);
}

const results = [];
try {
  // Block requests to other hosts so the run never leaves this machine; they are still recorded as failures.
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    return /^(https?|wss?):$/.test(u.protocol) && u.host !== base.host ? route.abort('blockedbyclient') : route.continue();
  });
  for (const p of context.pages()) await p.close();
  for (const path of paths) {
    const r = await checkPath(context, path);
    results.push(r);
    console.log(`${r.pass ? 'PASS' : 'FAIL'} ${path}`);
    for (const f of r.failures) console.log(`  - ${f}`);
  }
  if (offlineDir) {
    const r = await checkOffline(context, offlineDir);
    results.push(r);
    console.log(`${r.pass ? 'PASS' : 'FAIL'} offline ${r.path}`);
    for (const f of r.failures) console.log(`  - ${f}`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

const passed = results.filter((r) => r.pass).length;
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ base: base.href, results }, null, 2) + '\n');
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
