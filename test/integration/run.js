#!/usr/bin/env node
// Runs the integration suite (dist/integrationTests.js, bundled from test/integration/suite/)
// inside a real VS Code extension host, with no internet (see workbench.js):
//   1. copies the fixture workspace and makes fresh user-data, extensions and browser folders;
//   2. starts the VS Code server on a free local port;
//   3. opens the web workbench in headless chromium with this repository as the extension under
//      development and the suite as its extension tests;
//   4. relays the suite's output, saves a screenshot when the suite asks for one
//      (out/integration/workbench.png, or out/integration/NAME.png for a named one);
//   5. does it all again in the scale launch: a fresh workbench on a generated workspace of 5,000
//      transcripts (test/integration/scaleWorkspace.ts), where only suite/scale.test.ts runs;
//   6. prints "N passed, N failed" (both launches) as its last line.
// Exit code: 0 when every test passed (and at least one ran), 1 otherwise (failure, crash, time-out).
// Environment: MDQDA_TEST_TIMEOUT_MS (default 600000 per launch: the suite takes 3-5 min on a loaded 2-core machine), MDQDA_VERBOSE=1 (relay every workbench log
// line), MDQDA_KEEP_TMP=1 (keep the temp folder with the server log), MDQDA_CHROMIUM (browser path),
// MDQDA_TEST_GREP (a regular expression of test titles; the scale launch runs only when it matches "scale").
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

/**
 * The launches, each a fresh workbench: the fixture workspace with every test but the scale test,
 * then a generated workspace of 5,000 transcripts with only the scale test (suite/index.ts reads
 * MDQDA_TEST_LAUNCH). The scale launch is left out when MDQDA_TEST_GREP does not match "scale".
 */
function launches() {
  const grep = process.env.MDQDA_TEST_GREP ? new RegExp(process.env.MDQDA_TEST_GREP) : null;
  const all = [
    { name: 'fixture', fixture, env: {} },
    { name: 'scale', fixture: null, prepare: writeScaleWorkspace, env: { MDQDA_TEST_LAUNCH: 'scale' } },
  ];
  return all.filter((launch) => launch.name !== 'scale' || !grep || grep.test('scale'));
}

/** Writes the 5,000 transcripts and their codebook (test/integration/scaleWorkspace.ts) into `folder`. */
function writeScaleWorkspace(folder) {
  const { require: requireTypeScript } = require('tsx/cjs/api');
  const { writeScaleWorkspace: write, scaleTranscripts } = requireTypeScript('./scaleWorkspace.ts', __filename);
  const begin = Date.now();
  const bytes = write(folder);
  note(`scale workspace: ${scaleTranscripts} transcripts, ${(bytes / 1e6).toFixed(1)} MB, written in ${((Date.now() - begin) / 1000).toFixed(1)} s`);
}

/** Runs the suite in one launch; resolves to { code, results } (results null when the suite wrote none). */
async function runLaunch(launch) {
  const state = {};
  const cleanup = workbench.cleanupOnExit(state);
  let code;
  try {
    state.dirs = workbench.makeSandbox(launch.fixture);
    if (launch.prepare) launch.prepare(state.dirs.workspace);
    state.results = path.join(state.dirs.tmp, 'results.json');
    ({ process: state.server, port: state.port } = await workbench.startServer(state.dirs, { MDQDA_TEST_RESULTS: state.results, ...launch.env }));
    note(`${launch.name} launch: VS Code ${workbench.vscodeVersion} server ready on port ${state.port}`);
    state.context = await workbench.launchBrowser(state.dirs);
    code = await runSuite(state);
    note(`${launch.name} launch: suite finished (workbench exit code ${code})`);
  } catch (error) {
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    code = 'error';
  }
  const results = state.results ? readResults(state.results) : null;
  if (state.dirs && process.env.MDQDA_KEEP_TMP) note(`temp folder kept: ${state.dirs.tmp}`);
  await cleanup();
  if (code === 'time-out') console.error(`[integration] ${launch.name} launch timed out after ${timeoutMs} ms`);
  return { code, results };
}

async function main() {
  let passed = 0;
  let failed = 0;
  let ok = true;
  try {
    workbench.requireTools([testsBundle, extensionBundle]);
  } catch (error) {
    console.error(`[integration] ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  for (const launch of launches()) {
    const { code, results } = await runLaunch(launch);
    passed += results ? results.passed : 0;
    // A crash or time-out before the suite reported counts as one failure.
    failed += results ? results.failed : 1;
    ok &&= code === 0;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
}

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

main();
