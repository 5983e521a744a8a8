import { strict as assert } from 'node:assert';
import { codeRange } from '../../../src/core/edit/codeRange';
import { shiftLayout } from '../../../src/core/edit/shiftLayout';
import { applyTextEdits, type TextEdit } from '../../../src/core/edit/textEdit';
import { readTranscriptLayout, type TranscriptLayout } from '../../../src/core/edit/transcriptLayout';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { random } from '../../bench/generateCorpus';

const transcript = [
  '---',
  'id: iv-07',
  '---',
  '',
  '## The [hall](https://example.org/hall) meeting',
  '',
  '**P1:** We met [the residents](https://example.org) in `the hall` and talked ![a photo](p.png) for hours.',
  '',
  '> **P2:** The :code[rent went up]{.M3 by=rk} twice, and [nobody][ref] told us',
  '> about it, not even :abbr[HA]{title="housing association"}.',
  '',
  ':::code{.T1 by=rk}',
  '**P3:** Repairs took months.',
  '',
  '- **P4:** one thing after <b>another</b>, line  ',
  '  break and more.',
  ':::',
  '',
  '```',
  'not a transcript line',
  '```',
  '',
  '**P5:** The end [of it] \\[really\\].',
  '',
  '[ref]: https://example.org/ref',
  '',
].join('\n');

/** The parts of a layout read from the Markdown structure and the facts, as plain data. */
function shape(layout: TranscriptLayout) {
  return {
    textBlocks: layout.textBlocks,
    flowBlocks: layout.flowBlocks,
    hazards: layout.hazards,
    literalBlocks: layout.literalBlocks,
    fences: layout.fences,
    codes: layout.codes.map((span) => ({ ...span, fact: [span.fact.start, span.fact.end] })),
    escapes: [...layout.escapes].sort((a, b) => a - b),
  };
}

describe('shiftLayout', () => {
  it('gives the layout a fresh read gives after text codings written at block edges, around and inside links and inline code', () => {
    const next = random(17);
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const parsed = parseTranscriptWithMap(transcript, { path: 'iv-07.md', bom: false });
      const layout = readTranscriptLayout(transcript, parsed.facts, parsed.map);
      const length = parsed.source.length;
      const edits: TextEdit[] = [];
      const spans: [number, number][] = [];
      for (let tries = 0; tries < 40 && spans.length < 4; tries++) {
        const start = Math.floor(next() * length);
        const end = Math.min(length, start + 1 + Math.floor(next() * 40));
        const result = codeRange(transcript, parsed, { start, end, codes: ['N1'], coder: 'pg' }, { layout, verify: false, fragmentId: `f${spans.length}` });
        if (!result.ok || result.kind === 'container') continue;
        const fileStart = Math.min(...result.edits.map((edit) => edit.start));
        const fileEnd = Math.max(...result.edits.map((edit) => edit.end));
        if (spans.some(([from, to]) => from <= fileEnd && fileStart <= to)) continue;
        spans.push([fileStart, fileEnd]);
        edits.push(...result.edits);
      }
      if (edits.length === 0) continue;
      const text = applyTextEdits(transcript, edits);
      const after = parseTranscriptWithMap(text, { path: 'iv-07.md', bom: false });
      if (after.source.plainText !== parsed.source.plainText) continue;
      const shifted = shiftLayout(layout, edits, text, after);
      assert.ok(shifted, `trial ${trial}: an edit straddled a boundary`);
      assert.deepEqual(shape(shifted), shape(readTranscriptLayout(text, after.facts, after.map)), `trial ${trial}:\n${text}`);
      compared++;
    }
    assert.ok(compared >= 40, `only ${compared} trials compared`);
  });

  it('gives up when an edit straddles a boundary', () => {
    const parsed = parseTranscriptWithMap(transcript, { path: 'iv-07.md', bom: false });
    const layout = readTranscriptLayout(transcript, parsed.facts, parsed.map);
    const link = layout.hazards.find((hazard) => hazard.what === 'a link')!;
    const edit = { start: link.start - 1, end: link.start + 1, newText: ' [' };
    assert.equal(shiftLayout(layout, [edit], applyTextEdits(transcript, [edit]), parsed), undefined);
  });
});
