#!/usr/bin/env node
// End-to-end scenarios in a real browser: each file in test/integration/scenarios/ is one user path
// (comparing coders, the workshop, drilling down from a table…), run in a fresh workbench of the
// real VS Code with this repository as the extension under development, on a fresh copy of its
// fixture folder. A scenario module exports:
//   title    — one line, printed before its checks;
//   fixture  — optional: the folder copied as the workspace (default: test/integration/workspace);
//   run(ctx) — async; ctx = { page, check, dirs, screenshot(name), ui, workbench }, where
//              check(name, body) runs one named check and screenshot(name) saves
//              out/e2e-scenarios/NAME.png (and in MDQDA_SCREENSHOTS_DIR when set).
// A failing check stops its scenario (with out/e2e-scenarios/failure-FILE.png) and the run goes on
// with the next. Prints one line per check and "N passed, N failed" last; exits 1 when a check
// failed. MDQDA_SCENARIO=regex runs only the scenarios whose file name matches.
// Environment: MDQDA_KEEP_TMP=1 keeps the temp folders; MDQDA_CHROMIUM is the browser path.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const workbench = require('./workbench');
const ui = require('./ui');

const scenariosDir = path.join(__dirname, 'scenarios');
const defaultFixture = path.join(__dirname, 'workspace');
const extensionBundle = path.join(workbench.root, 'dist', 'extension.js');
const outDir = path.join(workbench.root, 'out', 'e2e-scenarios');

/** The scenario files, in name order, filtered by MDQDA_SCENARIO. */
function scenarioFiles() {
  const only = process.env.MDQDA_SCENARIO ? new RegExp(process.env.MDQDA_SCENARIO) : null;
  return fs.readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.js') && (!only || only.test(name)))
    .sort();
}

/** Runs one scenario in its own sandbox, server and browser; records its checks in `results`. */
async function runScenario(file, results) {
  const scenario = require(path.join(scenariosDir, file));
  const state = {};
  const cleanup = workbench.cleanupOnExit(state);
  console.log(`${scenario.title} (${file})`);
  const check = async (name, body) => {
    const begin = Date.now();
    try {
      await body();
      results.push(true);
      console.log(`  ✔ ${name} (${Date.now() - begin} ms)`);
    } catch (error) {
      results.push(false);
      console.log(`  ✖ ${name}\n      ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
      error.reported = true;
      throw error;
    }
  };
  try {
    state.dirs = workbench.makeSandbox(scenario.fixture || defaultFixture);
    ({ process: state.server, port: state.port } = await workbench.startServer(state.dirs));
    state.context = await workbench.launchBrowser(state.dirs);
    const page = state.context.pages()[0] || (await state.context.newPage());
    state.page = page;
    page.setDefaultTimeout(ui.stepTimeoutMs);
    await page.goto(workbench.workbenchUrl(state.port, state.dirs.workspace));
    await page.locator('.monaco-workbench').waitFor();
    await scenario.run({ page, check, dirs: state.dirs, screenshot: (name) => ui.screenshot(page, outDir, name), ui, workbench });
  } catch (error) {
    if (!error.reported) {
      results.push(false);
      console.log(`  ✖ ${file} stopped outside a check\n      ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
    }
    if (state.page) await ui.screenshot(state.page, outDir, `failure-${path.basename(file, '.js')}`).catch(() => {});
  }
  if (state.dirs && process.env.MDQDA_KEEP_TMP) console.log(`temp folder kept: ${state.dirs.tmp}`);
  await cleanup();
}

async function main() {
  const started = Date.now();
  const results = [];
  try {
    workbench.requireTools([extensionBundle]);
    for (const file of scenarioFiles()) await runScenario(file, results);
  } catch (error) {
    results.push(false);
    console.error(`[e2e-scenarios] ${error instanceof Error ? error.message : String(error)}`);
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`${Date.now() - started} ms in all`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
