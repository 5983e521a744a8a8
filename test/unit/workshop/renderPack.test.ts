import assert from 'node:assert/strict';
import { buildPack } from '../../../src/core/analysis/workshop/buildPack';
import { renderPackHtml } from '../../../src/core/analysis/workshop/renderPackHtml';
import { renderPackJson } from '../../../src/core/analysis/workshop/renderPackJson';
import { renderPackMarkdown } from '../../../src/core/analysis/workshop/renderPackMarkdown';
import type { ResourcePack } from '../../../src/core/analysis/workshop/resourcePack';
import { makeCodebook, makeSource } from '../tables/corpus';
import { mergedStudy } from './packCorpus';

function hostilePack(): ResourcePack {
  const codebook = makeCodebook([
    { id: 'A', name: '<b>Alpha</b> & co', group: 'g', color: 'red;background:url(x)', description: '# not a heading *nor bold*' },
    { id: 'B', name: 'Beta', group: 'g', color: '#abcdef' },
  ]);
  const text = 'P1: <script>alert(1)</script> said *loudly* [link](http://x.example).';
  const sources = [
    makeSource('S1', text, [{ phrase: '<script>alert(1)</script> said *loudly* [link](http://x.example).', codes: ['A'], speaker: 'P1', exemplar: true, coder: 'ann' }], { partnership: 'North & <South>' }),
  ];
  const result = buildPack(sources, codebook, { group: 'g' });
  assert.ok(result.pack);
  return result.pack;
}

describe('renderPackMarkdown', () => {
  it('prints one section per card, separated by rules, with counts per partnership', () => {
    const { sources, codebook } = mergedStudy();
    const markdown = renderPackMarkdown(buildPack(sources, codebook, { group: 'g' }).pack!);
    assert.deepEqual(markdown.match(/^## .*$/gm), ['## A Alpha', '## B Beta', '## C1 Gamma one', '## C2 Gamma two', '## C1 + C2 (merged later into M; not separable)']);
    assert.equal(markdown.match(/^---$/gm)?.length, 6);
    assert.ok(markdown.includes('**3 excerpts** in **2 sources**, coded by ann, bob.'));
    assert.ok(markdown.includes('| North | South |\n|---:|---:|\n| 1 (1) | 2 (1) |'));
    assert.ok(markdown.includes('> “Alpha one.” — P1, S1 *(exemplar)*'));
    assert.ok(markdown.includes('- A1 Alpha detail: 1 excerpt (1 source)'));
  });

  it('lets no HTML, heading or emphasis from transcripts or codebook through', () => {
    const markdown = renderPackMarkdown(hostilePack());
    assert.ok(!markdown.includes('<script>'));
    assert.ok(!markdown.includes('<b>'));
    assert.ok(markdown.includes('&lt;script>alert(1)&lt;/script> said \\*loudly\\* \\[link\\](http://x.example).'));
    assert.ok(markdown.includes('\n\\# not a heading \\*nor bold\\*\n'));
  });
});

describe('renderPackHtml', () => {
  it('is one standalone page with no script and no external resource', () => {
    const html = renderPackHtml(hostilePack());
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.ok(!/<script|<link|<img|src=|href=|@import/i.test(html));
  });

  it('escapes every text from transcripts and codebook', () => {
    const html = renderPackHtml(hostilePack());
    assert.ok(html.includes('“&lt;script&gt;alert(1)&lt;/script&gt; said *loudly* [link](http://x.example).”'));
    assert.ok(html.includes('&lt;b&gt;Alpha&lt;/b&gt; &amp; co'));
    assert.ok(html.includes('<th scope="col">North &amp; &lt;South&gt;</th>'));
  });

  it('sets a card colour only when it is a real colour', () => {
    const html = renderPackHtml(hostilePack());
    assert.ok(html.includes('<section class="card" id="card-A">'));
    assert.ok(html.includes('<section class="card" id="card-B" style="--code-color: #abcdef">'));
  });

  it('prints one card per page', () => {
    const html = renderPackHtml(hostilePack());
    assert.equal(html.match(/<section class="card"/g)?.length, 2);
    assert.match(html, /@media print \{[\s\S]*section\.card \{ break-after: page;/);
  });
});

describe('renderPackJson', () => {
  it('writes the pack with a version and each quote’s excerpt', () => {
    const { sources, codebook } = mergedStudy();
    const data = JSON.parse(renderPackJson(buildPack(sources, codebook, { group: 'g' }).pack!));
    assert.equal(data.version, 2);
    assert.equal(data.step, 'step1');
    assert.equal(data.by, 'partnership');
    assert.deepEqual(data.cards.map((c: { id: string; excerpts: number }) => [c.id, c.excerpts]), [['A', 3], ['B', 2], ['C1', 0], ['C2', 0], ['C1 + C2', 2]]);
    assert.deepEqual(data.cards[0].quotes[0].ref, { source: 'S1', path: 'S1.md', start: 4, end: 14, line: 1, id: null });
  });
});
