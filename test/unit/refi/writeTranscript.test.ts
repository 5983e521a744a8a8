import { strict as assert } from 'node:assert';
import { prepareInsertion, type PreparedInsertion } from '../../../src/core/edit/insertCodings';
import { writeTranscript, type TranscriptCoding } from '../../../src/core/refi/writeTranscript';
import { importProject } from '../../../src/core/refi/importProject';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { craftPackage, selectionGuid } from './memoryPackage';

function coding(guid: string, start: number, end: number, code = 'A'): TranscriptCoding {
  return { guid, start, end, codes: [code], coder: 'pg', memo: null };
}

function excerptsOf(markdown: string): [string, string[]][] {
  return parseTranscript(markdown, { path: 't.md' }).excerpts.map((excerpt) => [excerpt.text, excerpt.codes]);
}

describe('writing an imported transcript', () => {
  it('writes a text that starts with a --- block as body text, with the codings on it', () => {
    const text = '---\ntitle: not front matter\n---\nThe answer was no.';
    const written = writeTranscript(text, { id: 't' }, [coding('g1', 0, 3), coding('g2', text.indexOf('no.'), text.indexOf('no.') + 2, 'B')]);
    assert.equal(parseTranscript(written.markdown, { path: 't.md' }).plainText, text);
    assert.deepEqual(excerptsOf(written.markdown), [['no', ['B']]]);
    assert.deepEqual(written.written, ['g2']);
    assert.deepEqual(written.refused.map((item) => item.guid), ['g1']);
  });

  it('places codings on a text that starts with U+FEFF after that character', () => {
    const text = '\uFEFFHello there.';
    const written = writeTranscript(text, { id: 't' }, [coding('g1', 1, 6)]);
    assert.deepEqual(excerptsOf(written.markdown), [['Hello', ['A']]]);
  });

  it('refuses, with its GUID and what was read, a coding the writer put on other text, and writes the others', () => {
    const text = 'Alpha beta gamma.\n\nDelta epsilon.';
    // A faulty writer: the coding of g2 lands one character late.
    const faulty = (markdown: string): PreparedInsertion => {
      const insert = prepareInsertion(markdown);
      return (requests, options) => insert(requests.map((request) => ((request as TranscriptCoding).guid === 'g2' ? { ...request, start: request.start + 1, end: request.end + 1 } : request)), options);
    };
    const written = writeTranscript(text, { id: 't' }, [coding('g1', 0, 5), coding('g2', 6, 10, 'B'), coding('g3', 19, 24, 'C')], { prepare: faulty });
    assert.deepEqual(written.written, ['g1', 'g3']);
    assert.equal(written.refused.length, 1);
    assert.equal(written.refused[0].guid, 'g2');
    assert.match(written.refused[0].reason, /read back .*written for "beta" \(6–10\) but read back over "eta " \(7–11\)/);
    assert.deepEqual(excerptsOf(written.markdown), [['Alpha', ['A']], ['Delta', ['C']]]);
  });

  it('writes no coding and says so when the text already holds code directive syntax', () => {
    const text = 'We said :code[this]{.X} once.';
    const written = writeTranscript(text, { id: 't' }, [coding('g1', 0, 2)]);
    assert.deepEqual(written.written, []);
    assert.match(written.problems.join('\n'), /already contains `code` directive syntax/);
    assert.match(written.problems.join('\n'), /plain text of the written transcript differs/);
  });

  it('reports in the import which selection was not written, by GUID, when the check finds it off its text', () => {
    const text = '---\nkey: value\n---\nSome words here.';
    const result = importProject(craftPackage(text, [{ start: 19, end: 23, code: 0 }, { start: 0, end: 3, code: 1 }]));
    const source = parseTranscript(result.files.find((file) => file.path === 't.md')!.text, { path: 't.md' });
    assert.equal(source.plainText, text);
    assert.deepEqual(source.excerpts.map((excerpt) => [excerpt.text, excerpt.codes]), [['Some', ['S0']]]);
    assert.equal(result.report.sources[0].written, 1);
    assert.ok(result.report.skipped.some((item) => item.guid === selectionGuid(1) && /cannot express/.test(item.reason)));
  });

  it('writes and reads back a long text in pieces of about the length asked, with every coding on its text', function () {
    this.timeout(120_000);
    const paragraph = 'Plain words of a long interview, said slowly and with care.\n\n';
    const text = paragraph.repeat(5000);
    const codings = Array.from({ length: 40 }, (_, index) => coding(`g${index}`, index * 120 * paragraph.length + 6, index * 120 * paragraph.length + 11));
    const parsed: number[] = [];
    const spy = (markdown: string): PreparedInsertion => {
      parsed.push(markdown.length);
      return prepareInsertion(markdown);
    };
    const written = writeTranscript(text, { id: 't' }, codings, { prepare: spy, pieceLength: 50_000 });
    assert.ok(parsed.length > 1 && Math.max(...parsed) < 60_000, `a piece of ${Math.max(...parsed)} characters was parsed`);
    assert.equal(written.written.length, 40);
    const source = parseTranscript(written.markdown, { path: 't.md' });
    assert.equal(source.plainText, text);
    assert.deepEqual(source.excerpts.map((excerpt) => [excerpt.start, excerpt.text]), codings.map((item) => [item.start, 'words']));
  });
});
