// Bundles the extension, the CLI, the index worker and the benchmark into dist/, the webview pages (Summary, Resource Pack, Workshop) into media/webview/.
// Usage: node esbuild.js [--watch] [--production]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Entry points that exist; later issues add theirs here. */
const entries = [
  { in: 'src/extension/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/node/indexWorker.ts', out: 'indexWorker' },
  { in: 'test/bench/bench.ts', out: 'bench' },
  { in: 'test/integration/suite/index.ts', out: 'integrationTests', external: ['vscode', 'mocha'] },
  { in: 'src/webview/main.ts', out: 'summary', outdir: 'media/webview', platform: 'browser', format: 'iife' },
  { in: 'src/webview/compare/main.ts', out: 'compare', outdir: 'media/webview', platform: 'browser', format: 'iife' },
  { in: 'src/webview/pack/main.ts', out: 'pack', outdir: 'media/webview', platform: 'browser', format: 'iife' },
  { in: 'src/webview/workshop/main.ts', out: 'workshop', outdir: 'media/webview', platform: 'browser', format: 'iife' },
].filter((entry) => fs.existsSync(path.join(__dirname, entry.in)));

async function main() {
  const contexts = await Promise.all(
    entries.map((entry) =>
      esbuild.context({
        entryPoints: { [entry.out]: entry.in },
        bundle: true,
        format: entry.format ?? 'cjs',
        platform: entry.platform ?? 'node',
        target: entry.platform === 'browser' ? 'es2022' : 'node20',
        outdir: entry.outdir ?? 'dist',
        sourcemap: !production,
        minify: production,
        external: entry.external ?? [],
        banner: entry.banner ? { js: entry.banner } : undefined,
        logLevel: 'warning',
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  const cli = path.join(__dirname, 'dist', 'cli.js');
  if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
