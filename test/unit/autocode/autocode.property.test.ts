import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { autocodeTranscript, type AutocodeTargets } from '../../../src/core/autocode/autocodeTranscript';
import { findAutocodeTargets } from '../../../src/core/autocode/findAutocodeTargets';
import { AUTOCODE_UNITS, TranscriptUnits } from '../../../src/core/autocode/transcriptUnits';
import { readTranscriptLayout } from '../../../src/core/edit/transcriptLayout';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { transcript } from '../edit/editModel';

/** Turn markers put at the start of some paragraphs of a random transcript. */
const marker = fc.constantFrom('', '', '**P1:** ', 'P2: ', '**Anna B:** ', '*P1:* ');

/** A random transcript (see editModel: Unicode, CRLF, links, inline code, existing and nested codings) with speaker turns. */
const withTurns = fc.tuple(transcript, fc.array(marker, { minLength: 40, maxLength: 40 })).map(([text, markers]) => {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  let next = 0;
  return lines.map((line, index) => (index > 0 && lines[index - 1] === '' && /^[\p{L}😀]/u.test(line) ? markers[next++ % markers.length] + line : line)).join(eol);
});

const query = fc.oneof(
  fc.record({ pattern: fc.constantFrom('a', 'é', 'Q', '😀', 'ж z'), wholeWord: fc.boolean() }),
  fc.record({ pattern: fc.constantFrom('b+', '[aé]\\S*', 'z|ß'), regex: fc.constant(true) }),
  fc.constant({ speakers: ['P1'] as string[] }),
);

describe('autocode (property)', () => {
  it('never changes the plain text, writes codings that read back, and writes nothing when run again', function () {
    this.timeout(120_000);
    let written = 0;
    fc.assert(
      fc.property(withTurns, query, fc.constantFrom(...AUTOCODE_UNITS), fc.constantFrom('ac', 'pg'), (text, wanted, unit, coder) => {
        const options = { codes: ['AUTO'], coder, unit };
        const parsed = parseTranscriptWithMap(text, { path: 't.md' });
        const selection = findAutocodeTargets([parsed.source], emptyCodebook(), 'speakers' in wanted && wanted.speakers ? { speakers: wanted.speakers } : (wanted as { pattern: string }));
        if (!selection.ok) return; // a speaker this transcript does not have
        const targets: AutocodeTargets = selection.targets.get('t.md') ?? [];
        const first = autocodeTranscript(text, parsed, targets, options);
        const after = applyTextEdits(text, first.edits);
        const reparsed = parseTranscriptWithMap(after, { path: 't.md' });
        assert.equal(reparsed.source.plainText, parsed.source.plainText, 'plain text unchanged');
        for (const coding of first.written) {
          assert.ok(
            reparsed.source.excerpts.some((excerpt) => excerpt.start === coding.start && excerpt.end === coding.end && excerpt.coder === coder && excerpt.codes.includes('AUTO')),
            `coding ${coding.start}–${coding.end} reads back`,
          );
        }
        written += first.written.length;
        const second = autocodeTranscript(after, reparsed, targets, options);
        assert.deepEqual(second.edits, [], 'a second run writes nothing');
        assert.equal(second.skipped, first.written.length + first.skipped, 'a second run skips every coding of the first');
      }),
      { numRuns: 150, seed: 16_2026_1206, verbose: 1 },
    );
    assert.ok(written > 150, `codings were written (${written})`);
  });
});

/** Paragraph text that sentence rules have something to do with: stops, abbreviations, quotes, spaces, soft line breaks. */
const sentencey = fc
  .array(fc.constantFrom('Yes', 'Dr.', 'e.g.', 'it', '3.5', 'honest', 'Ünï', '日本語。', 'stop.', '"quoted."', 'why?!', 'so…', ' ', '  ', '\n', '😀', '.'), { minLength: 1, maxLength: 30 })
  .map((words) => words.join(' ').trim())
  .filter((paragraph) => /\S/.test(paragraph) && !/^[\s.]|\n\s*\n/.test(paragraph));

describe('sentence units (property)', () => {
  it('widens any hit to the sentences that whole-paragraph segmentation gives around it', () => {
    fc.assert(
      fc.property(marker, sentencey, fc.nat(), fc.nat(), (turn, paragraph, a, b) => {
        const text = `# Interview\n\n${turn}${paragraph}\n`;
        const parsed = parseTranscriptWithMap(text, { path: 't.md' });
        const units = new TranscriptUnits(parsed, readTranscriptLayout(text, parsed.facts, parsed.map));
        const plain = [...parsed.source.plainText];
        const blockStart = plain.indexOf('\n', plain.indexOf('\n') + 1) + 1;
        const blockEnd = plain.length - (plain[plain.length - 1] === '\n' ? 1 : 0);
        if (blockEnd <= blockStart) return;
        const sentences = units.unitsWithin({ start: blockStart, end: blockEnd }, 'sentence');
        const start = blockStart + (a % (blockEnd - blockStart));
        const end = start + 1 + (b % (blockEnd - start));
        const around = units.expand({ start, end }, 'sentence');
        const from = sentences.find((sentence) => sentence.start <= start && start < sentence.end)?.start ?? start;
        const to = sentences.find((sentence) => sentence.start < end && end <= sentence.end)?.end ?? end;
        assert.deepEqual(around, { start: Math.min(from, start), end: Math.max(to, end) });
      }),
      { numRuns: 2000, seed: 16_2026_1207 },
    );
  });
});
