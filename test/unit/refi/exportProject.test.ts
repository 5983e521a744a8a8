import { strict as assert } from 'node:assert';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { loadWorkspace, type Workspace } from '../../../src/node/loadWorkspace';
import { exportProject } from '../../../src/core/refi/exportProject';
import { exportQdpx } from '../../../src/core/refi/exportQdpx';
import { exportCodebook } from '../../../src/core/refi/exportCodebook';
import { renderExcerptCsv } from '../../../src/core/refi/renderExcerptCsv';
import { readXml, childNamed, childrenNamed, type XmlElement } from '../../../src/core/refi/readXml';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { insertCodings } from '../../../src/core/edit/insertCodings';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { repoRoot, schemaErrors } from './refiFixtures';

function all(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => all(child, name))];
}

describe('REFI-QDA export', () => {
  let study: Workspace;
  before(async () => {
    study = await loadWorkspace({ paths: [path.join(repoRoot, 'examples/coproduction-study')], cwd: repoRoot, cache: false, maxWorkers: 1 });
  });

  it('exports the example study as a project.qde that Project.xsd accepts', async () => {
    const { xml } = exportProject(study.sources, study.codebook, { name: 'coproduction-study' });
    assert.deepEqual(await schemaErrors(xml, 'Project.xsd'), []);
  });

  it('exports the example codebook as a .qdc that Codebook.xsd accepts', async () => {
    const { ok, xml } = exportCodebook(study.codebook);
    assert.equal(ok, true);
    assert.match(xml, /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
    assert.deepEqual(await schemaErrors(xml, 'Codebook.xsd'), []);
  });

  it('has a validator that really rejects a document breaking the schema', async () => {
    const { xml } = exportCodebook(study.codebook);
    const errors = await schemaErrors(xml.replace(/ isCodable="true"/, ''), 'Codebook.xsd');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /isCodable/);
  });

  it('writes byte-identical packages for the same project', () => {
    const first = exportQdpx(study.sources, study.codebook, { name: 'study' }).bytes;
    const second = exportQdpx(study.sources, study.codebook, { name: 'study' }).bytes;
    assert.ok(Buffer.from(first).equals(Buffer.from(second)));
  });

  it('writes the same bytes in any time zone (zip times are fixed local-time fields)', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = exportQdpx(study.sources, study.codebook, { name: 'study' }).bytes;
      process.env.TZ = 'Asia/Kolkata';
      const kolkata = exportQdpx(study.sources, study.codebook, { name: 'study' }).bytes;
      assert.ok(Buffer.from(utc).equals(Buffer.from(kolkata)));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('packs project.qde and one UTF-8 plain text per source under sources/, named by internal:// paths', () => {
    const { bytes } = exportQdpx(study.sources, study.codebook, { name: 'study' });
    const files = unzipSync(bytes);
    const root = readXml(new TextDecoder().decode(files['project.qde'])).root as XmlElement;
    const textSources = childrenNamed(childNamed(root, 'Sources'), 'TextSource');
    assert.equal(textSources.length, study.sources.length);
    for (const [index, element] of textSources.entries()) {
      const entry = element.attributes.plainTextPath.replace('internal://', 'sources/');
      assert.equal(new TextDecoder().decode(files[entry]), study.sources[index].plainText);
    }
    assert.deepEqual(Object.keys(files).filter((name) => !name.startsWith('sources/')), ['project.qde']);
  });

  it('writes every excerpt as a selection in code points with one coding per code by its coder', () => {
    const text = '---\nid: s1\n---\n**P1:** 😀 emoji :code[then words]{.A .B by=pg memo="why & how"} and\r\n:code[more 🎉]{.A by=rk}\n';
    const source = parseTranscript(text, { path: 's1.md' });
    const codebook = compileCodebook([{ path: 'codebook.yaml', text: 'codes:\n  - { id: A, name: Alpha, color: "#112233", description: "d" }\n  - { id: B, name: Beta, parent: A }\n' }]).codebook;
    const root = readXml(exportProject([source], codebook).xml).root as XmlElement;
    const selections = all(root, 'PlainTextSelection');
    // The CRLF before the second excerpt is exported as LF, so its positions move back by one.
    assert.deepEqual(selections.map((selection) => [Number(selection.attributes.startPosition), Number(selection.attributes.endPosition)]), [
      [source.excerpts[0].start, source.excerpts[0].end],
      [source.excerpts[1].start - 1, source.excerpts[1].end - 1],
    ]);
    assert.equal(Array.from(source.plainText).slice(source.excerpts[1].start, source.excerpts[1].end).join(''), 'more 🎉');
    const users = new Map(all(root, 'User').map((user) => [user.attributes.guid, user.attributes.name]));
    assert.deepEqual(all(selections[0], 'Coding').map((coding) => users.get(coding.attributes.creatingUser)), ['pg', 'pg']);
    assert.equal(childNamed(selections[0], 'Description')?.text, 'why & how');
    const codes = all(root, 'Code');
    assert.deepEqual(codes.map((code) => [code.attributes.name, code.attributes.color ?? null, code.attributes.isCodable]), [['A Alpha', '#112233', 'true'], ['B Beta', null, 'true']]);
    assert.equal(childrenNamed(codes[0], 'Code').length, 1, 'B is nested under A');
  });

  it('writes line ends as LF so tools reading with universal newlines find every selection on its text', () => {
    const source = parseTranscript('a\r\nb\r\n:code[😀 coded]{.A}\r\nc\rd\n', { path: 'crlf.md' });
    const exported = exportProject([source], emptyCodebook());
    const { text } = exported.texts[0];
    assert.equal(text, 'a\nb\n😀 coded\nc\nd\n');
    const root = readXml(exported.xml).root as XmlElement;
    const [selection] = all(root, 'PlainTextSelection');
    const start = Number(selection.attributes.startPosition);
    const end = Number(selection.attributes.endPosition);
    assert.equal(Array.from(text).slice(start, end).join(''), '😀 coded');
  });

  it('turns front matter into typed variables on the source, and the source into one case', async () => {
    const source = parseTranscript('---\nid: s1\nage: 42\nscore: 2.5\nconsent: true\ndate: 2021-05-12\nrole: lead\ncoders: [pg, rk]\n---\nText :code[here]{.X by=pg}\n', { path: 's1.md' });
    const { xml } = exportProject([source], emptyCodebook());
    assert.deepEqual(await schemaErrors(xml, 'Project.xsd'), []);
    const root = readXml(xml).root as XmlElement;
    const types = Object.fromEntries(all(root, 'Variable').map((variable) => [variable.attributes.name, variable.attributes.typeOfVariable]));
    assert.deepEqual(types, { age: 'Integer', score: 'Float', consent: 'Boolean', date: 'Date', role: 'Text', coders: 'Text' });
    const cases = all(root, 'Case');
    assert.equal(cases.length, 1);
    assert.equal(cases[0].attributes.name, 's1');
    assert.equal(childrenNamed(cases[0], 'VariableValue').length, 0);
    assert.equal(childrenNamed(all(root, 'TextSource')[0], 'VariableValue').length, 6);
    assert.equal(childNamed(cases[0], 'SourceRef')?.attributes.targetGUID, all(root, 'TextSource')[0].attributes.guid);
    assert.ok(xml.includes('<TextValue>pg, rk</TextValue>'));
    assert.ok(xml.includes('<BooleanValue>true</BooleanValue>'));
  });

  it('stays valid with characters XML cannot carry, quotes and line breaks in names and memos', async () => {
    const source = parseTranscript('---\nid: "odd <&> \\u0001 name"\n---\nA \u0007bell :code[x "y" <z>]{.Q by="a b" memo="line1&#10;line2 \u0002"}\n', { path: 'odd.md' });
    const { xml } = exportProject([source], emptyCodebook());
    assert.deepEqual(await schemaErrors(xml, 'Project.xsd'), []);
  });

  it('exports codes used in excerpts but missing from the codebook, and says so', () => {
    const source = parseTranscript('Text :code[here]{.NEW by=pg}\n', { path: 's.md' });
    const result = exportProject([source], emptyCodebook());
    assert.match(result.xml, /<Code guid="[^"]+" name="NEW" isCodable="true"\/>/);
    assert.match(result.notes.join('\n'), /not in the codebook.*NEW/);
  });

  it('refuses a .qdc for a codebook without codes (the schema needs one)', () => {
    assert.equal(exportCodebook(emptyCodebook()).ok, false);
  });

  it('writes the CSV of every excerpt with attributes, RFC 4180 quoting and CRLF records', () => {
    const source = parseTranscript('---\nid: s1\nrole: "lead, senior"\n---\n**P1:** :code[say "hi",\nthere]{.A .B by=pg memo="m"}\n', { path: 's1.md' });
    const csv = renderExcerptCsv([source]);
    assert.equal(
      csv,
      'source,path,line,role,speaker,coder,codes,exemplar,text,memo,start,end\r\n' + 's1,s1.md,5,"lead, senior",P1,pg,A B,false,"say ""hi"",\nthere",m,8,23\r\n',
    );
  });
});

describe('exportProject: excerpts that vanish under LF line ends', () => {
  it('leaves out an excerpt of only the CR of a CRLF and says so in the notes', () => {
    const written = insertCodings('one\r\ntwo\r\n', [{ start: 3, end: 4, codes: ['A'], coder: 'pg', memo: null }]);
    assert.ok(written.ok);
    const source = parseTranscript(`---\nid: s\n---\n${written.text}`, { path: 's.md' });
    assert.equal(source.excerpts.length, 1);
    const exported = exportProject([source], emptyCodebook());
    assert.doesNotMatch(exported.xml, /PlainTextSelection/);
    assert.ok(exported.notes.some((note) => /only the CR of a CRLF/.test(note)), exported.notes.join('; '));
  });
});
