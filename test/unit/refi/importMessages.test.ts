import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { runCli } from '../../../src/cli/main';
import { importCodebookFile } from '../../../src/core/refi/importCodebookFile';
import { importProject } from '../../../src/core/refi/importProject';
import { craftPackage, craftedGuid } from './memoryPackage';

/** Control characters a terminal would act on (every C0 and C1 character but the line feed). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('REFI-QDA import messages', () => {
  let folder: string;
  let out: string;
  let err: string;
  const io = () => ({ stdout: (text: string) => (out += text), stderr: (text: string) => (err += text), cwd: folder });
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-refi-messages-'));
    out = '';
    err = '';
    fs.writeFileSync(path.join(folder, 'in.qdpx'), craftPackage('Some words here.', [{ start: 0, end: 4, code: 0 }]));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('says in one line, without a stack trace, that -o names an existing file rather than a folder', async () => {
    fs.writeFileSync(path.join(folder, 'taken'), 'keep');
    assert.equal(await runCli(['import', 'in.qdpx', '-o', 'taken'], io()), 2);
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.match(err, /^mdqda import: \S*taken: exists and is not a folder$/m);
    assert.equal(fs.readFileSync(path.join(folder, 'taken'), 'utf8'), 'keep');
  });

  it('says in one line, without a stack trace, that a codebook cannot be written over a folder', async () => {
    fs.writeFileSync(path.join(folder, 'codes.qdc'), `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${craftedGuid(5)}" name="A" isCodable="true"/></Codes></CodeBook>`);
    fs.mkdirSync(path.join(folder, 'codebook.yaml'));
    assert.equal(await runCli(['import', 'codes.qdc', '-o', 'codebook.yaml', '--force'], io()), 2);
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.doesNotMatch(err, /\n\s+at /);
  });

  it('prints no control character from the package or the command line, escaped instead', async () => {
    const evil = craftPackage('Text.', [], { entries: { 'sources/a\u0000b\u001b[31m.txt': new Uint8Array([1]) } });
    fs.writeFileSync(path.join(folder, 'evil.qdpx'), evil);
    assert.equal(await runCli(['import', 'evil.qdpx', '-o', 'out'], io()), 0, err);
    assert.match(out, /a\\u0000b\\u001b\[31m\.txt/);
    assert.equal(await runCli(['import', 'no\u0007such\u0000.qdpx', '-o', 'out2'], io()), 2);
    assert.match(err, /no\\u0007such\\u0000\.qdpx/);
    assert.doesNotMatch(out + err, CONTROL);
  });

  it('prints no control character from a damaged project XML', async () => {
    fs.writeFileSync(path.join(folder, 'bad.qdpx'), zipSync({ 'project.qde': new TextEncoder().encode('<Project name="x\u001b">\u0000<Sources></Project>') }));
    assert.equal(await runCli(['import', 'bad.qdpx', '-o', 'out'], io()), 2);
    assert.doesNotMatch(out + err, CONTROL);
  });

  it('imports a codebook whose guid attributes are not GUIDs, with a warning naming each such element', () => {
    const result = importCodebookFile(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="code-1" name="Alpha" isCodable="true"><Code guid="${craftedGuid(6)}" name="Beta" isCodable="true"/></Code></Codes><Sets><Set guid="set one" name="Group"><MemberCode guid="code-1"/></Set></Sets></CodeBook>`);
    assert.equal(result.ok, true);
    assert.match(result.yaml, /name: Alpha/);
    const notes = result.report.notes.join('\n');
    assert.match(notes, /<Code name="Alpha"> has guid="code-1", which is not a GUID/);
    assert.match(notes, /<Set name="Group"> has guid="set one", which is not a GUID/);
    assert.match(notes, /<MemberCode> has guid="code-1", which is not a GUID/);
    assert.doesNotMatch(notes, /Beta/);
  });

  it('imports a project whose codes have no isCodable attribute, with a warning naming them', () => {
    const text = 'Some words here.';
    const bytes = craftPackage(text, [{ start: 0, end: 4, code: 0 }], { codes: 2 });
    // The same package with isCodable taken off every code.
    const stripped = rezip(bytes, (xml) => xml.replace(/ isCodable="true"/g, ''));
    const result = importProject(stripped);
    assert.equal(result.ok, true);
    assert.equal(result.report.sources[0].written, 1);
    assert.match(result.report.notes.join('\n'), /<Code name="S0"> and <Code name="S1"> have no isCodable attribute \(the schema requires it\): read as codable/);
  });
});

/** The package with its project.qde changed by `change`. */
function rezip(bytes: Uint8Array, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files['project.qde'] = new TextEncoder().encode(change(new TextDecoder().decode(files['project.qde'])));
  return zipSync(files);
}
