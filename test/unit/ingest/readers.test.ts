import { strict as assert } from 'node:assert';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import { readCueText } from '../../../src/core/ingest/cueText';
import { findDate } from '../../../src/core/ingest/findDate';
import { importTranscript } from '../../../src/core/ingest/importTranscript';
import { renderInlines } from '../../../src/core/ingest/renderTranscriptMarkdown';
import { parseSpeakerMap } from '../../../src/core/ingest/speakerMap';
import { countWords, WORD } from '../../../src/core/ingest/summariseTranscript';
import { formatTimestamp, parseTimestamp } from '../../../src/core/ingest/timestamps';
import { chooseTranscriptNames } from '../../../src/core/ingest/transcriptNames';
import { readTurnHeader } from '../../../src/core/ingest/turnHeader';

const bytesOf = (text: string) => new TextEncoder().encode(text);

async function markdownOf(text: string, fileName: string, timestamps = true): Promise<string> {
  const result = await importTranscript(bytesOf(text), fileName, { id: 'x', timestamps });
  assert.ok(result.ok, JSON.stringify(result));
  return result.markdown.slice(result.markdown.indexOf('\n---\n') + 6);
}

describe('transcript readers', () => {
  it('reads each header style with its speaker, time and the text after it', () => {
    assert.deepEqual(readTurnHeader('[Zoë Ł] 11:02:09 hello'), { speaker: 'Zoë Ł', time: 39729, length: 17, strength: 'strong' });
    assert.deepEqual(readTurnHeader('Ana (00:01:23): Olá'), { speaker: 'Ana', time: 83, length: 16, strength: 'strong' });
    assert.deepEqual(readTurnHeader('Speaker 1  0:03'), { speaker: 'Speaker 1', time: 3, length: 15, strength: 'strong' });
    assert.deepEqual(readTurnHeader('[00:01:23] P3: yes'), { speaker: 'P3', time: 83, length: 15, strength: 'strong' });
    assert.deepEqual(readTurnHeader('Interviewer: so'), { speaker: 'Interviewer', time: null, length: 13, strength: 'weak' });
  });

  it('does not take ordinary sentences for headers (a bare Name: is only a weak candidate)', () => {
    assert.equal(readTurnHeader('I left at 5:30'), null);
    assert.equal(readTurnHeader('https://example.org: a link'), null);
    assert.equal(readTurnHeader('We said three things: first')?.strength, 'weak');
    assert.equal(readTurnHeader('Note: this'), null);
  });

  it('reads timestamps of every common form and refuses impossible ones', () => {
    assert.equal(parseTimestamp('1:02:03'), 3723);
    assert.equal(parseTimestamp('00:00:01,500'), 1.5);
    assert.equal(parseTimestamp('0:61'), null);
    assert.equal(formatTimestamp(3723.9), '01:02:03');
  });

  it('reads voice spans, unclosed ones included, and keeps a < that starts no tag', () => {
    assert.deepEqual(readCueText('<v.loud Zoë Ł>Olá &amp; 5 < 6 <i>x</i> <inaudible>', true), [{ voice: 'Zoë Ł', text: 'Olá & 5 < 6 x <inaudible>' }]);
    assert.deepEqual(readCueText('<v A>hi</v> and <v B>yo</v>', true), [
      { voice: 'A', text: 'hi' },
      { voice: null, text: ' and ' },
      { voice: 'B', text: 'yo' },
    ]);
    assert.deepEqual(readCueText('{\\an8}<font color="#fff">Top</font> Q&A', false), [{ voice: null, text: 'Top Q&A' }]);
  });

  it('joins consecutive cues of one speaker into one turn and lets an unlabelled cue continue it', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>One.\n\n00:00:02.000 --> 00:00:03.000\n<v Ana>Two.\n\n00:00:03.000 --> 00:00:04.000\nThree.\n\n00:00:04.000 --> 00:00:05.000\n<v Bo>Four.\n';
    assert.equal(await markdownOf(vtt, 'a.vtt'), '**Ana:** [00:00:01] One. Two. Three.\n\n**Bo:** [00:00:04] Four.\n');
  });

  it('keeps inline overlap notes inside the turn', async () => {
    const text = 'P1: I think //P2: mm-hm // it works.\nP2: Yes.\nP1: Good.\nP2: Fine.\n';
    assert.equal(await markdownOf(text, 'a.txt'), '**P1:** I think //P2: mm-hm // it works.\n\n**P2:** Yes.\n\n**P1:** Good.\n\n**P2:** Fine.\n');
  });

  it('writes text before the first speaker as unlabelled paragraphs whose Name: is not read as a turn', async () => {
    const text = 'Project: Łódź study\n\n[Ana] 00:00:05\nHello.\n';
    assert.equal(await markdownOf(text, 'a.txt', false), 'Project\\: Łódź study\n\n**Ana:** Hello.\n');
  });

  it('keeps a one-off sentence ending in a colon as text, and takes a recurring Name: as a speaker', async () => {
    const text = 'Ana: We said three things: first.\n\nWe said three things: second.\n\nBo: Yes.\n\nAna: And then.\n\nBo: Right.\n';
    assert.equal(await markdownOf(text, 'a.txt'), '**Ana:** We said three things: first.\n\nWe said three things\\: second.\n\n**Bo:** Yes.\n\n**Ana:** And then.\n\n**Bo:** Right.\n');
  });

  it('writes emphasis only where every Markdown reads it the same', () => {
    assert.equal(renderInlines([{ text: 'It was ' }, { text: 'really', italic: true }, { text: ' good ' }, { text: 'no', bold: true }], true), 'It was *really* good **no**');
    assert.equal(renderInlines([{ text: 'in' }, { text: 'side', italic: true }, { text: ' word' }], true), 'inside word');
    assert.equal(renderInlines([{ text: '*', bold: true }], true), '**\\***');
  });

  it('finds the interview date in the common written forms, not in ambiguous ones', () => {
    assert.equal(findDate('Interview, 5th March 2024'), '2024-03-05');
    assert.equal(findDate('March 5, 2024'), '2024-03-05');
    assert.equal(findDate('recorded 2024-02-30 or 2024-03-01'), '2024-03-01');
    assert.equal(findDate('05/03/2024'), null);
  });

  it('parses --speakers pairs and says what is wrong with a bad one', () => {
    const parsed = parseSpeakerMap('Speaker 1=Interviewer, Speaker 2 = P3');
    assert.ok(parsed.ok);
    assert.deepEqual([...parsed.map], [['Speaker 1', 'Interviewer'], ['Speaker 2', 'P3']]);
    assert.deepEqual(parseSpeakerMap('Speaker 1'), { ok: false, error: '--speakers: "Speaker 1" is not OLD=NEW' });
    assert.deepEqual(parseSpeakerMap('A=B,A=C'), { ok: false, error: '--speakers: "A" is given twice' });
  });

  it('names transcripts after their files, unique against each other and the ids already in the folder', () => {
    assert.deepEqual(
      chooseTranscriptNames(['Interview 1.docx', 'interview 1.vtt', 'p3.txt', 'old.srt'], [
        { id: 'p3', fileName: 'someone.md' },
        { id: 'old', fileName: 'old.md' },
      ]),
      [
        { id: 'Interview-1', fileName: 'Interview-1.md' },
        { id: 'interview-1-2', fileName: 'interview-1-2.md' },
        { id: 'p3-2', fileName: 'p3-2.md' },
        { id: 'old', fileName: 'old.md' },
      ],
    );
  });
});

describe('counting words for the import summary', () => {
  it('counts exactly the words the words test compares, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const text = `${a} don't ’x' ${b}''a`;
        assert.equal(countWords(text), text.match(WORD)?.length ?? 0, text);
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});

describe('transcript readers on the shapes real tools write', () => {
  it('takes a tool speaker label (S01:, Speaker 2:) even when it speaks once, as noScribe files have it', async () => {
    const vtt = 'WEBVTT\nNOTE\nTranscribed with noScribe\n\n00:00:00.000 --> 00:00:04.000\nS00: Hello //S01: hi// and welcome.\n\n00:00:04.500 --> 00:00:06.000\nS01: Thanks.\n\n00:00:06.500 --> 00:00:08.000\nS00: Good.\n';
    assert.equal(await markdownOf(vtt, 'a.vtt'), '**S00:** [00:00:00] Hello //S01: hi// and welcome.\n\n**S01:** [00:00:04] Thanks.\n\n**S00:** [00:00:06] Good.\n');
  });

  it('reads QualCoder timestamps {00:00:01} and #00:00:05.120# before a name', async () => {
    const text = '{00:00:01} Anna: Hello.\n#00:00:05.120# Bob: Hi.\n';
    assert.equal(await markdownOf(text, 'a.txt'), '**Anna:** [00:00:01] Hello.\n\n**Bob:** [00:00:05] Hi.\n');
  });

  it('takes the date a Word transcript writes above its first turn before the date the file was made', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph('Transcript'), new Paragraph('March 5, 2024, 10:02AM'), new Paragraph({ children: [new TextRun({ text: 'Jane:', bold: true }), new TextRun(' Hello.')] })] }] });
    const result = await importTranscript(new Uint8Array(await Packer.toBuffer(document)), 'teams.docx', { id: 'teams' });
    assert.ok(result.ok);
    assert.match(result.markdown, /^date: 2024-03-05$/m);
  });
});
