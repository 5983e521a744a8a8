import { strict as assert } from 'node:assert';
import { importProject } from '../../../src/core/refi/importProject';
import { importCodebookFile } from '../../../src/core/refi/importCodebookFile';
import { renderImportReport } from '../../../src/core/refi/renderImportReport';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { guid, makeZip, projectXml, sample } from './refiFixtures';

const USERS = `<Users><User guid="${guid(1)}" name="Pat Green" id="pg"/></Users>`;
const CODES = `<CodeBook><Codes><Code guid="${guid(10)}" name="Feelings" isCodable="true" color="#F00082"><Description>how it felt</Description><Code guid="${guid(11)}" name="joy" isCodable="true"/></Code></Codes></CodeBook>`;

function selection(id: number, start: number, end: number, code = 11, name = ''): string {
  return `<PlainTextSelection guid="${guid(id)}" startPosition="${start}" endPosition="${end}" creatingUser="${guid(1)}"${name ? ` name="${name}"` : ''}><Coding guid="${guid(id + 1000)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(code)}"/></Coding></PlainTextSelection>`;
}

/** Where `part` starts and ends in `text` when a tool counts the way `reading` says. */
function positions(text: string, part: string, reading: { utf16?: boolean; crlfOne?: boolean; bom?: boolean }): [number, number] {
  const at = text.indexOf(part);
  const count = (slice: string) => {
    const normal = reading.crlfOne ? slice.replace(/\r\n/g, '\n') : slice;
    return (reading.utf16 ? normal.length : Array.from(normal).length) + (reading.bom ? 1 : 0);
  };
  return [count(text.slice(0, at)), count(text.slice(0, at + part.length))];
}

function importedExcerpts(result: ReturnType<typeof importProject>, file: string) {
  const written = result.files.find((candidate) => candidate.path === file);
  assert.ok(written, `${file} written`);
  return parseTranscript(written.text, { path: file });
}

describe('REFI-QDA import', () => {
  it('imports the ATLAS.ti sample and lists what it skipped and why', () => {
    const result = importProject(sample('atlasti84_standard_project.qdpx'), { fileName: 'atlas.qdpx' });
    assert.equal(result.ok, true);
    assert.equal(result.report.xml, 'Project.qde');
    const kinds = new Map<string, number>();
    for (const item of result.report.skipped) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    // Its six text sources and the text representations of its two PDFs were left out of the
    // package: each is reported with its GUID, with its selections.
    assert.equal(kinds.get('TextSource'), 8);
    assert.ok(result.report.skipped.some((item) => item.guid === '4191294A-E287-4510-95B0-69BCE4638E56' && item.kind === 'PlainTextSelection'));
    for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'Link', 'Graph', 'Note']) assert.ok(kinds.get(kind), `${kind} reported`);
    assert.ok(result.report.skipped.every((item) => item.reason.length > 0));
    // ATLAS.ti's "Coke::diet Coke" is the code "diet Coke" under "Coke".
    const codebook = compileCodebook([{ path: 'codebook.yaml', text: result.files.find((file) => file.path === 'codebook.yaml')!.text }]);
    assert.deepEqual(codebook.diagnostics, []);
    assert.equal(codebook.codebook.codes.size, 14);
    const coke = codebook.codebook.codes.get('Coke')!;
    assert.deepEqual(coke.children.map((id) => codebook.codebook.codes.get(id)!.name), ['full-fat Coke', 'diet Coke']);
    assert.equal(coke.description, 'the breakfast of champions');
    assert.equal(coke.color, '#966450');
    // Its code groups (sets of codes) become groups; a second group of a code is reported.
    assert.equal(codebook.codebook.codes.get('happiness')!.group, 'Feelings');
    assert.equal(coke.group, 'Breakfast food');
    assert.ok(result.report.skipped.some((item) => item.kind === 'MemberCode' && item.name === 'negative feelings' && /already in the group "Feelings"/.test(item.reason)));
    assert.match(renderImportReport(result.report), /TextSource 69A4332D-5B31-4915-B520-5275CFC21B40 .*missing source file/);
  });

  it('imports the NVivo for Mac sample: its 262 nested codes, its two text sources, the .docx versions noted', () => {
    const result = importProject(sample('nvivo15mac_qc_project.qdpx'), { fileName: 'nvivo.qdpx' });
    assert.equal(result.ok, true);
    assert.equal(result.report.sources.length, 2);
    assert.equal(result.report.codes, 262);
    const codebook = compileCodebook([{ path: 'codebook.yaml', text: result.files.find((file) => file.path === 'codebook.yaml')!.text }]);
    assert.deepEqual(codebook.diagnostics, []);
    assert.equal(codebook.codebook.codes.size, 262);
    assert.deepEqual(codebook.codebook.codes.get('competencies')!.children, ['programming']);
    assert.match(result.report.notes.join('\n'), /rich-text version/);
    for (const source of result.report.sources) assert.ok(result.files.some((file) => file.path === source.file));
  });

  it('reads NVivo for Windows positions (UTF-16 units, CRLF as two, BOM excluded) and says so', () => {
    const text = 'Intro 😀 text 🎉 here.\r\n\r\nThe 🎉 second part is here, 😀 and more words.\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const [s1, e1] = positions(text, 'second part', { utf16: true });
    const [s2, e2] = positions(text, 'more words', { utf16: true });
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="Interview 1" plainTextPath="internal://${guid(2)}.txt">${selection(20, s1, e1)}${selection(21, s2, e2, 10)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml, [`Sources/${guid(2)}.txt`]: bytes }));
    assert.equal(result.ok, true);
    assert.match(result.report.reading!.description, /UTF-16 code units, CRLF as two, BOM not counted/);
    const source = importedExcerpts(result, 'Interview-1.md');
    assert.equal(source.plainText, text);
    assert.deepEqual(source.excerpts.map((excerpt) => [excerpt.text, excerpt.codes, excerpt.coder]), [['second part', ['joy'], 'pg'], ['more words', ['Feelings'], 'pg']]);
    assert.equal(source.attributes.title, 'Interview 1');
  });

  it('reads positions of a tool that counted CRLF as one', () => {
    const text = 'First line of talk.\r\nSecond line of talk.\r\n\r\nThird paragraph here.\r\n';
    const [s1, e1] = positions(text, 'Third paragraph', { crlfOne: true });
    const [s2, e2] = positions(text, 'line of talk', { crlfOne: true });
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t1"><PlainTextContent>${text.replace(/\r/g, '&#13;')}</PlainTextContent>${selection(20, s1, e1)}${selection(22, s2, e2)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.match(result.report.reading!.description, /CRLF as one/);
    assert.deepEqual(importedExcerpts(result, 't1.md').excerpts.map((excerpt) => excerpt.text), ['line of talk', 'Third paragraph']);
  });

  it('keeps raw CRLF line ends of inline PlainTextContent, so positions counted on them fit', () => {
    const text = 'First line here.\r\nSecond line here.\r\n';
    const [start, end] = positions(text, 'Second line', {});
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent>${selection(20, start, end)}</TextSource></Sources>`);
    const source = importedExcerpts(importProject(makeZip({ 'project.qde': xml })), 't.md');
    assert.equal(source.plainText, text);
    assert.deepEqual(source.excerpts.map((excerpt) => excerpt.text), ['Second line']);
  });

  it('reads positions that count the byte order mark', () => {
    const text = 'Alpha beta gamma delta.\n\nEpsilon zeta eta theta.\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const [s1, e1] = positions(text, 'zeta eta', { bom: true });
    const [s2, e2] = positions(text, 'beta', { bom: true });
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t1" plainTextPath="internal://t1.txt">${selection(20, s1, e1)}${selection(22, s2, e2)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml, 'sources/t1.txt': bytes }));
    assert.match(result.report.reading!.description, /BOM counted/);
    assert.deepEqual(importedExcerpts(result, 't1.md').excerpts.map((excerpt) => excerpt.text), ['beta', 'zeta eta']);
  });

  it('says when another reading fits the selections as well but puts them elsewhere', () => {
    // Two astral characters shift UTF-16 units by two: one-letter words make both readings land on a word.
    const text = '😀😀 a b c d\n';
    const [start, end] = positions(text, 'b', { utf16: true });
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent>${selection(20, start, end)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.match(result.report.reading!.description, /^Unicode code points/);
    assert.match(result.report.notes.join('\n'), /fit UTF-16 code units, CRLF as two, BOM not counted.* equally well but land elsewhere/);
  });

  it('imports a PDF source through its plain-text representation, with the selections on that text', () => {
    const text = 'Recipe text of the PDF.';
    const [start, end] = positions(text, 'Recipe text', {});
    const xml = projectXml(
      `${USERS}${CODES}<Sources><PDFSource guid="${guid(5)}" name="recipe.pdf" path="internal://${guid(5)}.pdf"><PDFSelection guid="${guid(6)}" page="0" firstX="1" firstY="1" secondX="2" secondY="2"/>` +
        `<Representation guid="${guid(7)}" plainTextPath="internal://${guid(7)}.txt">${selection(20, start, end)}</Representation></PDFSource></Sources>`,
    );
    const result = importProject(makeZip({ 'project.qde': xml, [`sources/${guid(7)}.txt`]: text }));
    assert.deepEqual(importedExcerpts(result, 'recipe.md').excerpts.map((excerpt) => [excerpt.text, excerpt.codes]), [['Recipe text', ['joy']]]);
    assert.ok(result.report.skipped.some((item) => item.kind === 'PDFSource' && /plain-text representation.*1 PDF area selection/.test(item.reason)));
  });

  it('finds the project XML named after the project and reads cases and variables into front matter', () => {
    const xml = projectXml(
      `${USERS}${CODES}<Variables><Variable guid="${guid(30)}" name="age" typeOfVariable="Integer"/><Variable guid="${guid(31)}" name="consent" typeOfVariable="Boolean"/><Variable guid="${guid(32)}" name="site" typeOfVariable="Text"/></Variables>` +
        `<Cases><Case guid="${guid(40)}" name="Participant 7"><VariableValue><VariableRef targetGUID="${guid(30)}"/><IntegerValue>67</IntegerValue></VariableValue><SourceRef targetGUID="${guid(2)}"/></Case></Cases>` +
        `<Sources><TextSource guid="${guid(2)}" name="p7"><PlainTextContent>Some words.</PlainTextContent><VariableValue><VariableRef targetGUID="${guid(31)}"/><BooleanValue>true</BooleanValue></VariableValue><VariableValue><VariableRef targetGUID="${guid(32)}"/><TextValue>Leeds &amp; York</TextValue></VariableValue></TextSource></Sources>`,
    );
    const result = importProject(makeZip({ 'My Study.qde': xml }));
    assert.equal(result.report.xml, 'My Study.qde');
    const source = importedExcerpts(result, 'p7.md');
    assert.deepEqual(source.attributes, { consent: true, site: 'Leeds & York', age: 67, case: 'Participant 7' });
    assert.equal(source.id, 'p7');
  });

  it('writes selections by several coders as one excerpt per coder, keeping the memo', () => {
    const users = `<Users><User guid="${guid(1)}" name="pg"/><User guid="${guid(3)}" name="rk"/></Users>`;
    const text = 'We talked about the money and the time.';
    const [start, end] = positions(text, 'the money', {});
    const xml = projectXml(
      `${users}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent><PlainTextSelection guid="${guid(20)}" startPosition="${start}" endPosition="${end}"><Description>a "key" point</Description>` +
        `<Coding guid="${guid(50)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(10)}"/></Coding><Coding guid="${guid(51)}" creatingUser="${guid(3)}"><CodeRef targetGUID="${guid(11)}"/></Coding></PlainTextSelection></TextSource></Sources>`,
    );
    const excerpts = importedExcerpts(importProject(makeZip({ 'project.qde': xml })), 't.md').excerpts;
    assert.deepEqual(excerpts.map((excerpt) => [excerpt.text, excerpt.coder, excerpt.codes, excerpt.memo]).sort(), [['the money', 'pg', ['Feelings'], 'a "key" point'], ['the money', 'rk', ['joy'], null]]);
  });

  it('reads a note linked to a selection (as NVivo writes annotations) and a NoteRef as the memo', () => {
    const text = 'We talked about the money and the time.';
    const [s1, e1] = positions(text, 'the money', {});
    const [s2, e2] = positions(text, 'the time', {});
    const withNote = `<PlainTextSelection guid="${guid(21)}" startPosition="${s2}" endPosition="${e2}" creatingUser="${guid(1)}"><Coding guid="${guid(1021)}"><CodeRef targetGUID="${guid(11)}"/></Coding><NoteRef targetGUID="${guid(71)}"/></PlainTextSelection>`;
    const xml = projectXml(
      `${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent>${selection(20, s1, e1)}${withNote}</TextSource></Sources>` +
        `<Notes><Note guid="${guid(70)}" name="Annotation"><PlainTextContent>linked memo</PlainTextContent></Note><Note guid="${guid(71)}"><PlainTextContent>referred memo</PlainTextContent></Note><Note guid="${guid(72)}" name="Journal"><PlainTextContent>diary</PlainTextContent></Note></Notes>` +
        `<Links><Link guid="${guid(80)}" originGUID="${guid(70)}" targetGUID="${guid(20)}"/><Link guid="${guid(81)}" originGUID="${guid(2)}" targetGUID="${guid(10)}"/></Links>`,
    );
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.deepEqual(importedExcerpts(result, 't.md').excerpts.map((excerpt) => [excerpt.text, excerpt.memo]), [['the money', 'linked memo'], ['the time', 'referred memo']]);
    assert.deepEqual(result.report.skipped.map((item) => [item.kind, item.guid]), [['Note', guid(72)], ['Link', guid(81)]]);
  });

  it('leaves out the white space around a selection that ends on a blank line, and notes it', () => {
    const text = 'One paragraph here.\n\nAnother one.\n';
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent>${selection(20, 0, 21)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.deepEqual(importedExcerpts(result, 't.md').excerpts.map((excerpt) => excerpt.text), ['One paragraph here.']);
    assert.match(result.report.notes.join('\n'), new RegExp(`selection ${guid(20)} .*white space`));
  });

  it('reports a selection the markup cannot express (inside a heading) with its GUID and imports the rest', () => {
    const text = '# A heading\n\nBody text here.\n';
    const [s1, e1] = positions(text, 'heading', {});
    const [s2, e2] = positions(text, 'Body', {});
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent>${selection(20, s1, e1)}${selection(22, s2, e2)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.deepEqual(importedExcerpts(result, 't.md').excerpts.map((excerpt) => excerpt.text), ['Body']);
    assert.ok(result.report.skipped.some((item) => item.guid === guid(20) && /markup cannot express/.test(item.reason)));
  });

  it('reports a source whose text already contains code markup syntax instead of changing its plain text silently', () => {
    const text = 'It said :code[this]{.X} literally.';
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>${text}</PlainTextContent>${selection(20, 0, 2)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.match(result.report.notes.join('\n'), /t: the text already contains `code` directive syntax/);
    assert.match(result.report.notes.join('\n'), /t: the plain text of the written transcript differs/);
    assert.ok(result.report.skipped.some((item) => item.guid === guid(20)));
  });

  it('reads a bare project XML (not zipped) with inline texts', () => {
    const xml = projectXml(`${USERS}${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>Hello there.</PlainTextContent>${selection(20, 0, 5)}</TextSource><TextSource guid="${guid(3)}" name="u" plainTextPath="internal://u.txt"/></Sources>`);
    const result = importProject(new TextEncoder().encode(xml), { fileName: 'study.qde' });
    assert.equal(result.ok, true);
    assert.equal(result.report.xml, 'study.qde');
    assert.deepEqual(importedExcerpts(result, 't.md').excerpts.map((excerpt) => excerpt.text), ['Hello']);
    assert.ok(result.report.skipped.some((item) => item.guid === guid(3) && /not in the package/.test(item.reason)));
  });

  it('imports a .qdc in the ATLAS.ti 0:4 namespace as codebook YAML', () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti 26"><Codes><Code guid="${guid(1)}" name="Tension" isCodable="true" color="#ABC"><Description>d</Description></Code><Code guid="${guid(2)}" name="Tension::power" isCodable="true"/><Code guid="${guid(3)}" name="1st code!" isCodable="false"/></Codes><Sets><Set guid="${guid(4)}" name="g"/></Sets></CodeBook>`;
    const result = importCodebookFile(qdc, 'atlas.qdc');
    assert.equal(result.ok, true);
    assert.deepEqual(result.report.notes, ['1 code is marked isCodable="false" in the file: in Markdown QDA every code can be applied']);
    const codebook = compileCodebook([{ path: 'codebook.yaml', text: result.yaml }]);
    assert.deepEqual(codebook.diagnostics, []);
    assert.deepEqual([...codebook.codebook.codes.values()].map((code) => [code.id, code.name, code.parent, code.color]), [
      ['Tension', 'Tension', null, '#aabbcc'],
      ['power', 'power', 'Tension', null],
      ['C1st-code', '1st code!', null, null],
    ]);
    assert.deepEqual(result.report.skipped.map((item) => [item.kind, item.name]), [['Set', 'g']]);
  });

  it('turns sets of sources into a sets: list in the front matter', () => {
    const xml = projectXml(`${CODES}<Sources><TextSource guid="${guid(2)}" name="t"><PlainTextContent>Text.</PlainTextContent></TextSource></Sources><Sets><Set guid="${guid(60)}" name="gender: female"><MemberSource targetGUID="${guid(2)}"/></Set><Set guid="${guid(61)}" name="Wave 1"><MemberSource targetGUID="${guid(2)}"/></Set></Sets>`);
    const source = importedExcerpts(importProject(makeZip({ 'project.qde': xml })), 't.md');
    assert.deepEqual(source.attributes.sets, ['gender: female', 'Wave 1']);
  });

  it('takes ids back from names written as ID name even when another tool changed the GUIDs', () => {
    const code = (n: number, name: string, inner = '') => `<Code guid="${guid(n)}" name="${name}" isCodable="true">${inner}</Code>`;
    const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${code(1, 'T1 Funding', code(2, 'T1a Salaries'))}${code(3, 'M3 Trust')}${code(4, 'REFL Coder reflection')}</Codes></CodeBook>`;
    const codebook = compileCodebook([{ path: 'codebook.yaml', text: importCodebookFile(qdc).yaml }]).codebook;
    assert.deepEqual([...codebook.codes.values()].map((item) => [item.id, item.name, item.parent]), [
      ['T1', 'Funding', null],
      ['T1a', 'Salaries', 'T1'],
      ['M3', 'Trust', null],
      ['REFL', 'Coder reflection', null],
    ]);
  });

  it('imports a .qdc in the standard namespace without notes, and another namespace with one', () => {
    const body = `<Codes><Code guid="${guid(1)}" name="A" isCodable="true"/></Codes></CodeBook>`;
    assert.deepEqual(importCodebookFile(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0">${body}`).report.notes, []);
    assert.match(importCodebookFile(`<CodeBook xmlns="urn:other">${body}`).report.notes.join(), /namespace is urn:other/);
  });
});
