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
// with the next. Prints one line per check and "N passed, N failed" last (test/integration/checks.js);
// exits 1 when a check failed, a scenario stopped outside a check, or no check ran.
// MDQDA_SCENARIO=regex runs only the scenarios whose file name matches (none matching is an error).
// Environment: MDQDA_KEEP_TMP=1 keeps the temp folders; MDQDA_CHROMIUM is the browser path.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const workbench = require('./workbench');
const { createChecks } = require('./checks');
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

/** Runs one scenario in its own sandbox, server and browser; records its checks in `checks`. */
async function runScenario(file, checks) {
  const scenario = require(path.join(scenariosDir, file));
  const state = {};
  const cleanup = workbench.cleanupOnExit(state);
  console.log(`${scenario.title} (${file})`);
  try {
    state.dirs = workbench.makeSandbox(scenario.fixture || defaultFixture);
    ({ process: state.server, port: state.port } = await workbench.startServer(state.dirs));
    state.context = await workbench.launchBrowser(state.dirs);
    const page = state.context.pages()[0] || (await state.context.newPage());
    state.page = page;
    page.setDefaultTimeout(ui.stepTimeoutMs);
    await page.goto(workbench.workbenchUrl(state.port, state.dirs.workspace));
    await page.locator('.monaco-workbench').waitFor();
    await scenario.run({ page, check: checks.run, dirs: state.dirs, screenshot: (name) => ui.screenshot(page, outDir, name), ui, workbench });
  } catch (error) {
    checks.fail(error, `${file} stopped outside a check`);
    if (state.page) await ui.screenshot(state.page, outDir, `failure-${path.basename(file, '.js')}`).catch(() => {});
  }
  await checks.release(state.dirs, cleanup);
}

async function main() {
  const started = Date.now();
  const checks = createChecks();
  try {
    workbench.requireTools([extensionBundle]);
    const files = scenarioFiles();
    if (files.length === 0) throw new Error(`no scenario in ${path.relative(workbench.root, scenariosDir)} matches MDQDA_SCENARIO=${process.env.MDQDA_SCENARIO}`);
    for (const file of files) await runScenario(file, checks);
  } catch (error) {
    checks.fail(error, 'e2e-scenarios');
  }
  console.log(`${Date.now() - started} ms in all`);
  await checks.finish();
}

main();
