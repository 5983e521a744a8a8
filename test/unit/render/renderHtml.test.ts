import assert from 'node:assert/strict';
import { frequencyTable } from '../../../src/core/analysis/tables/frequencyTable';
import { sourceMatrix } from '../../../src/core/analysis/tables/sourceMatrix';
import type { Table } from '../../../src/core/analysis/tables/table';
import { escapeHtml, renderHtml } from '../../../src/core/render/renderHtml';
import { smallStudy } from '../tables/corpus';
import { hostileTable } from './hostileStudy';

describe('renderHtml', () => {
  it('escapes the five HTML-special characters', () => {
    assert.equal(escapeHtml(`<a href="x">Tom & Jo's</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jo&#39;s&lt;/a&gt;');
  });

  it('escapes a transcript holding <script> and &, so no element comes from the text', () => {
    const html = renderHtml(hostileTable());
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('<b>status'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; | piped'));
    assert.ok(html.includes('Yorkshire &amp; Humber'));
  });

  it('never puts a colour that is not #rgb or #rrggbb into a style', () => {
    const html = renderHtml(hostileTable());
    assert.ok(html.includes('background-color: #1f77b4;'));
    assert.ok(!html.includes('url(x)'));
  });

  it('is standalone: no script, no external resource, a policy forbidding both', () => {
    const html = renderHtml(hostileTable());
    assert.ok(!/<script|<link|<img|src=|href=|@import|url\(/i.test(html.replace(/<meta http-equiv[^>]*>/, '')));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  });

  it('colours matrix cells by value, darkest for the largest, and leaves totals plain', () => {
    const { sources, codebook } = smallStudy();
    const result = sourceMatrix(sources, codebook);
    assert.ok(result.table);
    const html = renderHtml(result.table);
    // T1a has 2 excerpts in S1, the largest cell: full colour. T2 has 1: half way.
    assert.match(html, /<td class="num heat" style="background-color: rgb\(33, 102, 172\);[^"]*" data-value="2">2<\/td>/);
    assert.match(html, /<td class="num heat" style="background-color: rgb\(144, 179, 214\);" data-value="1">1<\/td>/);
    assert.match(html, /<td class="num heat" style="background-color: rgb\(255, 255, 255\);" data-value="0">0<\/td>/);
    assert.match(html, /<td class="num" data-value="3">3 \(3\)<\/td>/);
  });

  it('colours only the count of a grid cell that has quotes under it', () => {
    const table: Table = {
      name: 'impact',
      title: 'Grid',
      caption: '',
      rowHeader: 'Level',
      columns: [{ key: 'I1', label: 'Uses', kind: 'countWithSources', heat: true, total: false, color: null }],
      rows: [
        {
          key: 'L1',
          label: 'Individual',
          kind: 'code',
          depth: 0,
          code: null,
          flags: [],
          cells: [
            {
              text: '2 (1)\n“used it” (P1, A)',
              value: 2,
              excerpts: 2,
              sources: 1,
              refs: [],
              quotes: [{ text: 'used it', truncated: false, source: 'A', speaker: 'P1', exemplar: false, ref: { source: 'A', path: 'A.md', start: 0, end: 7, line: 1, id: null } }],
            },
          ],
        },
      ],
      notes: [],
    };
    const html = renderHtml(table);
    assert.match(html, /<td class="num heat with-quotes" data-value="2"><span class="count" style="background-color: rgb\(33, 102, 172\); color: #fff;">2 \(1\)<\/span><p class="quote">“used it” <span class="who">\(P1, A\)<\/span><\/p><\/td>/);
  });
});
