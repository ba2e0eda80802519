// Labels the differential corpus of internal/check with axe-core's verdicts.
//
// Usage: node axe-corpus.mjs (--write | --check) [--navigate] [--time-all] [--json FILE] [--rule ID] DIR
//
// DIR holds one txtar archive per axe rule, RULE.txtar, whose files are
// the cases: a complete page, or a fragment that expand() puts into the
// standard page (as internal/check/axe_test.go does). Every case is
// opened in one headless Chromium page and axe-core runs on it with only
// the archive's rule (runOnly). Its verdict for that rule is violation
// (any violation node), incomplete (else any node axe could not decide),
// pass (else any passing node) or inapplicable.
//
// --write rewrites the label lines in each archive's comment:
//   CASE.html VERDICT HASH
// where HASH is the first 12 hex digits of the SHA-256 of the page as
// tested, so that the Go test knows it checks the same bytes.
// --check derives the labels again and exits 1 on any difference (drift
// of axe-core or Chromium, or a case edited without relabelling).
// --json FILE writes every verdict and the timings.
// --navigate loads every case from the (local, fake) network and injects
// axe-core anew, instead of writing it into one document: slower, the
// same verdicts (a check of the fast way).
// --time-all runs axe a second time on every page with all rules of the
// corpus and prints the time per page (what a whole check costs).
// CHROMIUM overrides the browser executable (default /usr/bin/chromium).
// Exit code: 0 labels written or unchanged, 1 drift, 2 usage error or no browser.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
const HEADER = `axe-core ${AXE_VERSION} verdicts (internal/browsertest/axe-corpus.mjs --write):`;
const LABEL = /^(\S+\.html) (violation|pass|inapplicable|incomplete) ([0-9a-f]{12})$/;
const CASE_URL = 'http://axe-corpus.invalid/case.html';
const USAGE = 'usage: node axe-corpus.mjs (--write | --check) [--navigate] [--time-all] [--json FILE] [--rule ID] DIR';

function usageError(msg) {
  console.error(`axe-corpus: ${msg}\n${USAGE}`);
  process.exit(2);
}

let mode = null;
let jsonFile = null;
let onlyRule = null;
let navigate = false;
let timeAll = false;
const positional = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--write' || arg === '--check') mode = arg.slice(2);
  else if (arg === '--json') jsonFile = process.argv[++i];
  else if (arg === '--rule') onlyRule = process.argv[++i];
  else if (arg === '--navigate') navigate = true;
  else if (arg === '--time-all') timeAll = true;
  else if (arg === '-h' || arg === '--help') { console.log(USAGE); process.exit(0); }
  else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
  else positional.push(arg);
}
if (!mode) usageError('say --write or --check');
if (positional.length !== 1) usageError('give the corpus folder');
const dir = positional[0];

// ---- txtar ----

// parseTxtar splits an archive into its comment and files, as
// golang.org/x/tools/txtar does: a file starts at a line "-- NAME --".
function parseTxtar(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const comment = [];
  const files = [];
  let cur = null;
  for (const line of lines) {
    const m = /^-- (.+) --$/.exec(line);
    if (m) {
      cur = { name: m[1].trim(), lines: [] };
      files.push(cur);
    } else if (cur) cur.lines.push(line);
    else comment.push(line);
  }
  return { comment, files: files.map((f) => ({ name: f.name, data: f.lines.map((l) => l + '\n').join('') })) };
}

function formatTxtar(comment, files) {
  let out = comment.map((l) => l + '\n').join('');
  for (const f of files) out += `-- ${f.name} --\n${f.data}`;
  return out;
}

// expand makes a page of a case: a complete document (it starts with a
// doctype or <html>) stays as it is; a fragment goes into <main> after
// the <h1> of a standard page, and a <style> element it starts with into
// the <head>. internal/check/axe_test.go does the same; the hash in the
// label proves it.
export function expand(data) {
  if (/^\s*(<!doctype|<html)/i.test(data)) return data;
  let head = '';
  let body = data;
  if (body.startsWith('<style')) {
    const end = body.indexOf('</style>\n');
    if (end >= 0) {
      head = body.slice(0, end + 9);
      body = body.slice(end + 9);
    }
  }
  return '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>Testfall</title>\n' + head +
    '</head>\n<body>\n<main>\n<h1>Testfall</h1>\n' + body + '</main>\n</body>\n</html>\n';
}

const hash = (s) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 12);

// ---- the corpus ----
let archives = readdirSync(dir).filter((f) => f.endsWith('.txtar')).sort();
if (onlyRule) archives = archives.filter((f) => f === `${onlyRule}.txtar`);
if (archives.length === 0) usageError(`no .txtar archives in ${dir}`);

// playwright's launch gives the browser a fresh profile of its own.
let browser;
try {
  browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
} catch (err) {
  console.error(`axe-corpus: cannot launch Chromium at ${EXECUTABLE} (set CHROMIUM to override): ${err.message.split('\n')[0]}`);
  process.exit(2);
}

const known = new Set();
const report = { axe: AXE_VERSION, chromium: browser.version(), cases: [], drift: [], timing: {} };
let drift = 0;
let loadMs = 0;
let axeMs = 0;
let allMs = 0;
const allRules = archives.map((a) => basename(a, '.txtar'));
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let current = '';
  let serve = false;
  // The case is served once per fresh(); any other navigation of the page
  // (a meta refresh, a link) gets 204 No Content, so the document stays;
  // nothing else is fetched.
  await page.route('**/*', (route) => {
    const req = route.request();
    if (req.resourceType() === 'document' && req.frame() === page.mainFrame()) {
      if (req.url() === CASE_URL && serve) {
        serve = false;
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current });
      }
      return route.fulfill({ status: 204, body: '' });
    }
    return route.abort('blockedbyclient');
  });
  // A fresh page from the network with axe-core injected. The cases are
  // then written into this document (document.open/write/close, which
  // keeps the window and so axe-core), which is as fast as axe itself;
  // with --navigate every case is
  // loaded and axe injected anew.
  const fresh = async (html) => {
    current = html;
    serve = true;
    await page.goto(CASE_URL, { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE_SOURCE });
  };
  const load = async (html) => {
    if (navigate) return fresh(html);
    const ok = await page.evaluate((h) => {
      if (!window.axe) return false;
      document.open();
      document.write(h);
      document.close();
      return true;
    }, html).catch(() => false);
    if (!ok) await fresh(html);
  };
  await fresh(expand('<p>Leer</p>\n'));
  for (const id of await page.evaluate(() => window.axe.getRules().map((r) => r.ruleId))) known.add(id);

  for (const archive of archives) {
    const rule = basename(archive, '.txtar');
    if (!known.has(rule)) {
      console.log(`DRIFT ${archive}: axe-core ${AXE_VERSION} has no rule ${rule}`);
      drift++;
      continue;
    }
    const path = join(dir, archive);
    const { comment, files } = parseTxtar(readFileSync(path, 'utf8'));
    const stored = new Map();
    const text = [];
    for (const line of comment) {
      const m = LABEL.exec(line);
      if (m) stored.set(m[1], `${m[2]} ${m[3]}`);
      else if (!line.startsWith('axe-core ') || !line.endsWith('--write):')) text.push(line);
    }
    while (text.length && text[text.length - 1] === '') text.pop();
    const labels = [];
    for (const f of files) {
      const html = expand(f.data);
      current = html;
      const t0 = performance.now();
      await load(html);
      const t1 = performance.now();
      const res = await page.evaluate(async (id) => {
        const r = await window.axe.run(document, { runOnly: { type: 'rule', values: [id] }, iframes: false });
        const has = (list) => list.some((x) => x.id === id && x.nodes.length > 0);
        const nodes = (list) => list.filter((x) => x.id === id).flatMap((x) => x.nodes.map((n) => n.target.join(' ')));
        let verdict = 'inapplicable';
        if (has(r.violations)) verdict = 'violation';
        else if (has(r.incomplete)) verdict = 'incomplete';
        else if (has(r.passes)) verdict = 'pass';
        return { verdict, violations: nodes(r.violations), incomplete: nodes(r.incomplete) };
      }, rule);
      const t2 = performance.now();
      if (timeAll) {
        // The same page once more with every rule of the corpus, for the
        // time a whole check of a page takes.
        await page.evaluate((ids) => window.axe.run(document, { runOnly: { type: 'rule', values: ids }, iframes: false }), allRules);
        allMs += performance.now() - t2;
      }
      loadMs += t1 - t0;
      axeMs += t2 - t1;
      const label = `${res.verdict} ${hash(html)}`;
      labels.push(`${f.name} ${label}`);
      report.cases.push({ rule, case: f.name, ...res, hash: hash(html), loadMs: t1 - t0, axeMs: t2 - t1 });
      if (stored.get(f.name) !== label) {
        const msg = `${rule}/${f.name}: stored ${stored.get(f.name) || 'nothing'}, axe now ${label}`;
        report.drift.push(msg);
        if (mode === 'check') console.log(`DRIFT ${msg}`);
        drift++;
      }
      stored.delete(f.name);
    }
    for (const name of stored.keys()) {
      const msg = `${rule}/${name}: a label for a case that does not exist`;
      report.drift.push(msg);
      if (mode === 'check') console.log(`DRIFT ${msg}`);
      drift++;
    }
    if (mode === 'write') {
      const out = formatTxtar([...text, '', HEADER, ...labels], files);
      if (out !== readFileSync(path, 'utf8')) writeFileSync(path, out);
    }
    console.log(`${rule}: ${files.length} cases`);
  }
} finally {
  await browser.close();
}

const n = report.cases.length;
report.timing = { pages: n, load: navigate ? 'navigate and inject axe' : 'document.write', loadMsPerPage: loadMs / n, axeMsPerPage: axeMs / n, totalMsPerPage: (loadMs + axeMs) / n };
if (timeAll) report.timing.allRulesMsPerPage = allMs / n;
console.log(`${n} cases in ${archives.length} archives; per page: load (${report.timing.load}) ${report.timing.loadMsPerPage.toFixed(1)} ms, ` +
  `axe.run ${report.timing.axeMsPerPage.toFixed(1)} ms, together ${report.timing.totalMsPerPage.toFixed(1)} ms`);
if (timeAll) console.log(`axe.run with all ${allRules.length} rules of the corpus: ${report.timing.allRulesMsPerPage.toFixed(1)} ms per page`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(report, null, 1) + '\n');
if (mode === 'write') {
  console.log(`${drift} labels changed`);
  process.exit(0);
}
console.log(drift === 0 ? 'no drift' : `${drift} labels drifted`);
process.exit(drift === 0 ? 0 : 1);
