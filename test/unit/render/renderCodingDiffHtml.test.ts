import { strict as assert } from 'node:assert';
import type { TranscriptCodingDiff } from '../../../src/core/merge/diffCodings';
import { renderCodingDiffHtml } from '../../../src/core/render/renderCodingDiffHtml';

const diffs: TranscriptCodingDiff[] = [
  {
    path: 'interviews/iv-01.md',
    status: 'changed',
    plainText: { inserted: 4, deleted: 1 },
    changes: [
      { kind: 'added', coder: 'rk', codes: ['M3'], speaker: 'P3', text: 'months <b>& “more”</b>', line: 5, start: 40, end: 62 },
      { kind: 'recoded', coder: 'rk', codes: ['T1', 'F2'], codesAdded: ['F2'], codesRemoved: [], speaker: 'P1', text: 'the residents', line: 1, start: 8, end: 21 },
    ],
  },
  { path: 'interviews/<new>.md', status: 'added', plainText: { inserted: 0, deleted: 0 }, changes: [] },
];

describe('renderCodingDiffHtml', () => {
  it('writes one standalone page: a heading per transcript, the plain-text change, one item per change with its kind set apart', () => {
    const html = renderCodingDiffHtml(diffs, 'Coding changes from main to coding-rk');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<title>Coding changes from main to coding-rk<\/title>/);
    assert.match(html, /<h2>interviews\/iv-01\.md<\/h2>/);
    assert.match(html, /<li><span class="plain-text">plain text changed<\/span>: 4 characters inserted, 1 deleted<\/li>/);
    assert.match(html, /<li class="added"><span class="kind">added<\/span> M3 by rk \(line 5, P3\): “months &lt;b&gt;&amp; “more”&lt;\/b&gt;”<\/li>/);
    assert.match(html, /<li class="recoded"><span class="kind">recoded<\/span> \+F2 \(now T1 F2\) by rk \(line 1, P1\): “the residents”<\/li>/);
    assert.match(html, /<h2>interviews\/&lt;new&gt;\.md <span class="status">\(transcript added\)<\/span><\/h2>/);
  });

  it('says so when nothing changed', () => {
    assert.match(renderCodingDiffHtml([]), /<p>No coding or plain-text changes\.<\/p>/);
  });
});
