import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { schemaErrors } from './refiFixtures';

describe('mdqda export and import', () => {
  let folder: string;
  let out: string;
  let err: string;
  const io = () => ({ stdout: (text: string) => (out += text), stderr: (text: string) => (err += text), cwd: folder });
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-refi-cli-'));
    out = '';
    err = '';
    write('study/codebook.yaml', 'codes:\n  - { id: T1, name: Funding, color: "#123456" }\n  - { id: T1a, parent: T1, name: Salaries }\n');
    write('study/int-1.md', '---\nid: int-1\nrole: lead\n---\n**P1:** We :code[never had the money]{.T1 .T1a by=pg memo="key"} for it.\n');
    write('study/int-2.md', '---\nid: int-2\nrole: member\n---\n**P2:** :code[Time]{.T1 by=rk exemplar} matters 😀.\n');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('exports a .qdpx that imports back into the same transcripts, with the report on stdout', async () => {
    assert.equal(await runCli(['export', '--to', 'qdpx', '-o', 'study.qdpx', 'study'], io()), 0, err);
    assert.match(err, /1 exemplar mark/);
    assert.equal(await runCli(['import', 'study.qdpx', '-o', 'back'], io()), 0, err);
    assert.match(out, /2 transcripts, 2 codes, coders: pg, rk/);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'back')).sort(), ['codebook.yaml', 'int-1.md', 'int-2.md']);
    assert.equal(fs.readFileSync(path.join(folder, 'back/int-1.md'), 'utf8'), '---\nid: int-1\nrole: lead\n---\n**P1:** We :code[never had the money]{.T1 .T1a by=pg memo=key} for it.\n');
    out = '';
    assert.equal(await runCli(['excerpts', 'back', '--format', 'json'], io()), 0, err);
    assert.deepEqual(JSON.parse(out).map((excerpt: { text: string; codes: string[] }) => [excerpt.text, excerpt.codes]), [['never had the money', ['T1', 'T1a']], ['Time', ['T1']]]);
  });

  it('prints the import report as JSON with --format json', async () => {
    await runCli(['export', '--to', 'qdpx', '-o', 'study.qdpx', 'study'], io());
    out = '';
    assert.equal(await runCli(['import', 'study.qdpx', '-o', 'back', '--format', 'json'], io()), 0, err);
    const report = JSON.parse(out);
    assert.equal(report.sources.length, 2);
    assert.deepEqual(report.skipped, []);
    assert.match(report.reading.description, /Unicode code points/);
  });

  it('exports a valid .qdc and imports it as codebook YAML', async () => {
    assert.equal(await runCli(['export', '--to', 'qdc', 'study', '-o', 'codes.qdc'], io()), 0, err);
    assert.deepEqual(await schemaErrors(fs.readFileSync(path.join(folder, 'codes.qdc'), 'utf8'), 'Codebook.xsd'), []);
    assert.equal(await runCli(['import', 'codes.qdc', '-o', 'codebook.yaml'], io()), 0, err);
    const yaml = fs.readFileSync(path.join(folder, 'codebook.yaml'), 'utf8');
    assert.match(yaml, /- id: T1\n {4}name: Funding\n {4}color: "#123456"\n {4}children:\n {6}- id: T1a\n {8}name: Salaries/);
  });

  it('prints the CSV of every excerpt', async () => {
    assert.equal(await runCli(['export', '--to', 'csv', 'study'], io()), 0, err);
    const lines = out.split('\r\n');
    assert.equal(lines[0], 'source,path,line,role,speaker,coder,codes,exemplar,text,memo,start,end');
    assert.equal(lines[2], 'int-2,int-2.md,5,member,P2,rk,T1,true,Time,,8,12');
  });

  it('exits 2 with a one-line message for a missing --to, a .qdpx without -o, or an unreadable package', async () => {
    assert.equal(await runCli(['export', 'study'], io()), 2);
    assert.equal(await runCli(['export', '--to', 'qdpx', 'study'], io()), 2);
    write('bad.qdpx', 'not a zip');
    assert.equal(await runCli(['import', 'bad.qdpx', '-o', 'x'], io()), 2);
    assert.equal(await runCli(['import', 'missing.qdpx', '-o', 'x'], io()), 2);
    assert.deepEqual(err.trim().split('\n').map((line) => line.replace(/:.*/, '')), ['mdqda export', 'mdqda export', 'mdqda import', 'mdqda import']);
    assert.ok(!fs.existsSync(path.join(folder, 'x')));
  });
});
