// Prints pages of the generated site from headless Chromium, as a reader
// does with the browser's print dialog on A4, and reports how many pages
// each gives.
//
// Usage: node print-pages.mjs [--keep DIR] BASE_URL PATH...
//   Writes one JSON object to stdout: {"PATH": pages, …}.
//   --keep DIR: also writes each PDF to DIR, to look at.
//   CHROMIUM overrides the browser executable (default /usr/bin/chromium).
// Exit code: 0 printed, 2 usage error or no browser.

import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

let args = process.argv.slice(2);
let keep = null;
if (args[0] === '--keep') {
  keep = args[1];
  args = args.slice(2);
}
const [base, ...paths] = args;
if (!base || paths.length === 0) {
  console.error('usage: node print-pages.mjs BASE_URL PATH...');
  process.exit(2);
}

let browser;
try {
  browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
} catch (err) {
  console.error(`print-pages: cannot launch Chromium at ${EXECUTABLE}: ${err.message.split('\n')[0]}`);
  process.exit(2);
}
const counts = {};
try {
  const page = await browser.newPage();
  for (const p of paths) {
    await page.goto(new URL(p, base).href, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4' });
    if (keep) {
      writeFileSync(join(keep, p.replace(/^\/|\/$/g, '').replaceAll('/', '-') + '.pdf'), pdf);
    }
    // Page objects, not the page tree (/Type /Pages).
    counts[p] = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(counts) + '\n');
