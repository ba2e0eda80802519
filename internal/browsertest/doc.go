// Package browsertest runs the built model handbook through headless
// Chromium: axe-core with the WCAG 2.2 A/AA and best-practice rules, the
// skip link as first Tab stop, no horizontal scrolling at 320 px and no
// request to another host. The browser side lives in a11y.mjs; .ci/run
// installs Chromium and the npm packages (package-lock.json) first.
package browsertest
