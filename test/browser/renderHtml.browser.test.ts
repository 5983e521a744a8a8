import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { frequencyTable } from '../../src/core/analysis/tables/frequencyTable';
import { renderHtml } from '../../src/core/render/renderHtml';
import { smallStudy } from '../unit/tables/corpus';
import { hostileTable } from '../unit/render/hostileStudy';

// Runs in a real headless Chromium (installed by scripts/install-test-tools.sh): `npm run test:browser`.

/** The headless browser: $CHROMIUM_PATH, else the first of the usual names on the PATH. */
function browser(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not on the PATH: try the next name
    }
  }
  throw new Error('no Chromium found: install chromium or set CHROMIUM_PATH');
}

/** Loads an HTML document in headless Chromium and returns the DOM it built. */
function loadInChromium(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mdqda-html-'));
  try {
    const file = join(dir, 'table.html');
    writeFileSync(file, html);
    return execFileSync(
      browser(),
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', pathToFileURL(file).href],
      { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderHtml in a real browser', () => {
  it('opens in headless Chromium with every cell there and no script element', function () {
    this.timeout(90_000);
    const { sources, codebook } = smallStudy();
    const frequencies = frequencyTable(sources, codebook).table;
    assert.ok(frequencies);
    const dom = loadInChromium(renderHtml(frequencies));
    const rows = dom.match(/<tr class="kind-[^"]*"[^>]*>[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, frequencies.rows.length);
    for (const row of rows) assert.equal((row.match(/<td/g) ?? []).length, frequencies.columns.length);
    assert.match(dom, /<th scope="row"[^>]*>.*T2 Power<\/th><td class="num" data-value="3">3<\/td>/);

    const hostile = loadInChromium(renderHtml(hostileTable()));
    assert.ok(!/<script/i.test(hostile), 'the transcript text must not become a script element');
    assert.ok(hostile.includes('&lt;script&gt;alert("x")&lt;/script&gt; &amp; "quoted" | piped'));
  });
});
