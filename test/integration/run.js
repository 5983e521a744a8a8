#!/usr/bin/env node
// Runs the integration suite (dist/integrationTests.js, bundled from test/integration/suite/)
// inside a real VS Code extension host, with no internet (see workbench.js):
//   1. copies the fixture workspace and makes fresh user-data, extensions and browser folders;
//   2. starts the VS Code server on a free local port;
//   3. opens the web workbench in headless chromium with this repository as the extension under
//      development and the suite as its extension tests;
//   4. relays the suite's output, saves a screenshot when the suite asks for one
//      (out/integration/workbench.png, or out/integration/NAME.png for a named one), then prints
//      "N passed, N failed" as its last line.
// Exit code: 0 when every test passed (and at least one ran), 1 otherwise (failure, crash, time-out).
// Environment: MDQDA_TEST_TIMEOUT_MS (default 600000: the suite takes 3-5 min on a loaded 2-core machine), MDQDA_VERBOSE=1 (relay every workbench log
// line), MDQDA_KEEP_TMP=1 (keep the temp folder with the server log), MDQDA_CHROMIUM (browser path).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const workbench = require('./workbench');

const testsBundle = path.join(workbench.root, 'dist', 'integrationTests.js');
const extensionBundle = path.join(workbench.root, 'dist', 'extension.js');
const fixture = path.join(__dirname, 'workspace');
const screenshotFile = path.join(workbench.root, 'out', 'integration', 'workbench.png');
/**
 * A suite line that asks for a screenshot: `[mdqda:screenshot]` (see
 * test/integration/suite/helpers.ts) or `[mdqda:screenshot:NAME]`, saved as NAME.png.
 */
const screenshotMarker = /\[mdqda:screenshot(?::([a-z0-9-]+))?\]/;
const timeoutMs = Number(process.env.MDQDA_TEST_TIMEOUT_MS || 600000);

/** Workbench log lines that are noise on a machine with no internet (relayed with MDQDA_VERBOSE). */
const noise = /AgentHost|ChatModelSelection|open-vsx|marketplace|gallery|Service Worker|github|copilot|AccountPolicyGate|authentication provider|socket \(|builtin extensions cache|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to fetch|connection token|reconnection-grace-time/i;

const started = Date.now();
const note = (message) => console.log(`[integration ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

/** Opens the workbench with the extension and its tests; resolves to the suite's exit code. */
async function runSuite(state) {
  const page = state.context.pages()[0] || (await state.context.newPage());
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const screenshots = [];
  // The web workbench reports extension-test output and the exit code through these two hooks.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args || []));
    const marker = screenshotMarker.exec(text);
    if (marker) {
      const file = marker[1] ? path.join(path.dirname(screenshotFile), `${marker[1]}.png`) : screenshotFile;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      screenshots.push(page.screenshot({ path: file }).then(() => file, () => null));
      return;
    }
    if (process.env.MDQDA_VERBOSE || !noise.test(text)) (type === 'error' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (error) => {
    if (process.env.MDQDA_VERBOSE) console.error('[pageerror]', String(error).slice(0, 300));
  });
  note('opening the workbench');
  await page.goto(workbench.workbenchUrl(state.port, state.dirs.workspace, testsBundle));
  const code = await Promise.race([finished, workbench.sleep(timeoutMs).then(() => 'time-out')]);
  for (const file of await Promise.all(screenshots)) {
    if (file) note(`screenshot of the workbench: ${path.relative(workbench.root, file)}`);
  }
  return code;
}

async function main() {
  const state = {};
  const cleanup = workbench.cleanupOnExit(state);
  let code;
  try {
    workbench.requireTools([testsBundle, extensionBundle]);
    state.dirs = workbench.makeSandbox(fixture);
    state.results = path.join(state.dirs.tmp, 'results.json');
    ({ process: state.server, port: state.port } = await workbench.startServer(state.dirs, { MDQDA_TEST_RESULTS: state.results }));
    note(`VS Code ${workbench.vscodeVersion} server ready on port ${state.port}`);
    state.context = await workbench.launchBrowser(state.dirs);
    code = await runSuite(state);
    note(`suite finished (workbench exit code ${code})`);
  } catch (error) {
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    code = 'error';
  }
  const results = state.results ? readResults(state.results) : null;
  if (state.dirs && process.env.MDQDA_KEEP_TMP) note(`temp folder kept: ${state.dirs.tmp}`);
  await cleanup();
  if (code === 'time-out') console.error(`[integration] timed out after ${timeoutMs} ms`);
  const passed = results ? results.passed : 0;
  // A crash or time-out before the suite reported counts as one failure.
  const failed = results ? results.failed : 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
}

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

main();
