import { strict as assert } from 'node:assert';
import { importTranscript } from '../../../src/core/ingest/importTranscript';
import { WORD } from '../../../src/core/ingest/summariseTranscript';
import { formatTimestamp } from '../../../src/core/ingest/timestamps';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { HEADING, STUDY, textFixtures, wordFixtures, type SpokenTurn } from './spokenStudy';

const words = (text: string) => text.match(WORD) ?? [];

/** The plain text of a result with turn labels, turn timestamps and list markers left out (what was said, and headings). */
function spokenPlainText(plainText: string): string {
  return plainText
    .split('\n')
    .map((line) => line.replace(/^\*\*[^*\n]{1,60}:\*\* ?/u, '').replace(/^\[\d{2}:\d{2}:\d{2}\] ?/, '').replace(/^\s*(?:-|1\.) /, ''))
    .join('\n');
}

function checkImport(markdown: string, study: SpokenTurn[], options: { heading: boolean; times: boolean; clockBase?: number; preamble?: string }): void {
  const source = parseTranscript(markdown, { path: 'result.md' });
  assert.deepEqual(source.diagnostics, []);
  assert.deepEqual(
    source.turns.map((turn) => turn.speaker),
    study.map((turn) => turn.speaker),
  );
  const points = [...source.plainText];
  source.turns.forEach((turn, index) => {
    const end = source.turns[index + 1]?.start ?? points.length;
    const text = points.slice(turn.start, end).join('');
    if (options.times) assert.ok(text.startsWith(`**${turn.speaker}:** [${formatTimestamp(study[index].time + (options.clockBase ?? 0))}] `), text);
    assert.deepEqual(words(spokenPlainText(text)), words(study[index].pieces.join(' ')), `turn ${index + 1} of ${turn.speaker}`);
  });
  // The words test: every word said, in order, and nothing else (a heading aside).
  const said = [...words(options.preamble ?? ''), ...study.flatMap((turn) => turn.pieces.flatMap(words))];
  assert.deepEqual(words(spokenPlainText(source.plainText)), options.heading ? [...words(HEADING), ...said] : said);
}

describe('importing transcripts (fixtures in every style)', () => {
  for (const fixture of textFixtures()) {
    it(`reads ${fixture.name} with every turn's speaker, timestamp and words right`, async () => {
      const result = await importTranscript(new TextEncoder().encode(fixture.text), fixture.file, { id: 'x' });
      assert.ok(result.ok, JSON.stringify(result));
      checkImport(result.markdown, STUDY, { heading: false, times: !fixture.file.startsWith('colon'), clockBase: fixture.clockBase, preamble: fixture.preamble });
      assert.equal(result.summary.turns, STUDY.length + (fixture.preamble ? 1 : 0));
      assert.deepEqual(result.summary.speakers, ['Interviewer', 'Zoë Łukasz', 'Ana-María Núñez']);
    });
  }

  it('reads each Word style with every turn\'s speaker and words right, headings kept as Markdown headings', async function () {
    this.timeout(60_000);
    for (const fixture of await wordFixtures()) {
      const result = await importTranscript(fixture.bytes, fixture.file, { id: 'x' });
      assert.ok(result.ok, `${fixture.name}: ${JSON.stringify(result)}`);
      checkImport(result.markdown, STUDY, { heading: fixture.heading, times: fixture.file === 'timed.docx' || fixture.file === 'teams.docx' });
      assert.match(result.markdown, new RegExp(`^#{1,2} ${HEADING}$`, 'm'), fixture.name);
    }
  });

  it('keeps the date a plain-text transcript gives before its first turn', async () => {
    const colon = textFixtures().find((fixture) => fixture.file === 'colon.txt');
    const result = await importTranscript(new TextEncoder().encode(colon?.text ?? ''), 'colon.txt', { id: 'colon' });
    assert.ok(result.ok);
    assert.match(result.markdown, /^date: 2024-03-05$/m);
  });

  it('leaves timestamps out under --timestamps drop, and the words are the same', async () => {
    const teams = textFixtures()[0];
    const result = await importTranscript(new TextEncoder().encode(teams.text), teams.file, { id: 'x', timestamps: false });
    assert.ok(result.ok);
    assert.doesNotMatch(result.markdown, /\[\d\d:\d\d:\d\d\]/);
    checkImport(result.markdown, STUDY, { heading: false, times: false });
  });
});
