import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codebookAsOf } from '../../../src/core/codebook/codebookAsOf';
import { codesInGroup } from '../../../src/core/codebook/queryCodes';
import type { Source } from '../../../src/core/model/source';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { loadCodebooks } from '../../../src/node/loadCodebooks';

const studyDir = join(__dirname, '..', '..', '..', 'examples', 'coproduction-study');

/** Every source of the example study, parsed. */
function readSources(): Source[] {
  return readdirSync(studyDir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => parseTranscript(readFileSync(join(studyDir, name), 'utf8'), { path: name }));
}

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const sources = readSources();
const interviews = sources.filter((source) => source.attributes.type === 'interview');

describe('example study (examples/coproduction-study)', () => {
  it('loads its codebook, which extends four presets, without errors or warnings', async () => {
    const { codebook, diagnostics } = await loadCodebooks(['codebook.yaml'], studyDir);
    assert.deepEqual(diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: ${d.message}`), []);
    assert.ok(codebook.codes.has('T2c') && codebook.codes.has('M9') && codebook.codes.has('FG10') && codebook.codes.has('I2e'));
    assert.ok(!codebook.codes.has('FO2'), 'FO2 is dropped by the study codebook');
  });

  it('shows its codebook after the joint analysis with the candidates and its own sub-theme T2c', async () => {
    const { codebook } = await loadCodebooks(['codebook.yaml'], studyDir);
    const step2 = codebookAsOf(codebook, 'step2');
    assert.ok(step2);
    assert.deepEqual(
      step2.roots.filter((id) => id.startsWith('T')),
      ['T1', 'T2', 'T3', 'TC4', 'TC5', 'TC6'],
    );
    assert.equal(step2.codes.get('T2c')?.parent, 'T2');
    assert.deepEqual(codebookAsOf(codebook, 'step3')?.roots.filter((id) => id.startsWith('T')), ['T1', 'T2', 'T3', 'T4']);
  });

  it('parses every source without a diagnostic', () => {
    assert.ok(sources.length >= 8);
    for (const source of sources) {
      assert.deepEqual(source.diagnostics.map((d) => `${source.path}:${d.line}:${d.column}: ${d.message}`), []);
    }
  });

  it('has at least six interviews of 1,500 to 3,000 words with leaders of five partnerships', () => {
    assert.ok(interviews.length >= 6, `${interviews.length} interviews`);
    assert.equal(new Set(interviews.map((source) => source.attributes.partnership)).size, 5);
    for (const source of interviews) {
      const words = wordCount(source.plainText);
      assert.ok(words >= 1500 && words <= 3000, `${source.path} has ${words} words`);
      for (const key of ['title', 'partnership', 'role', 'date']) {
        assert.ok(source.attributes[key], `${source.path} lacks ${key}`);
      }
      assert.deepEqual(
        [...new Set(source.turns.map((turn) => turn.speaker.replace(/\d+$/, 'N')))].sort(),
        ['Interviewer', 'PN'],
        `${source.path} speakers`,
      );
      assert.ok(source.headings.filter((heading) => heading.depth === 2).length >= 4, `${source.path} sections`);
    }
  });

  it('includes one observation note and one email trail', () => {
    assert.deepEqual(
      sources.map((source) => source.attributes.type).filter((type) => type !== 'interview').sort(),
      ['email', 'observation'],
    );
  });

  it('is coded by both pg and rk in every source, and lists them as coders', () => {
    for (const source of sources) {
      assert.deepEqual(source.coders, ['pg', 'rk'], source.path);
      const coders = new Set(source.excerpts.map((excerpt) => excerpt.coder));
      assert.deepEqual([...coders].sort(), ['pg', 'rk'], source.path);
    }
  });

  it('uses every tension and every mechanism at least once, and only codes of its codebook', async () => {
    const { codebook } = await loadCodebooks(['codebook.yaml'], studyDir);
    const used = new Set(sources.flatMap((source) => source.excerpts.flatMap((excerpt) => excerpt.codes)));
    const required = [...codesInGroup(codebook, 'tensions'), ...codesInGroup(codebook, 'mechanisms')];
    assert.ok(required.length >= 4 + 8 + 9);
    assert.deepEqual(required.filter((id) => !used.has(id)), []);
    assert.deepEqual([...used].filter((id) => !codebook.codes.has(id)), []);
  });

  it('codes passages with the impact preset: both coders, a level on every impact coding, and more than one level', async () => {
    const { codebook } = await loadCodebooks(['codebook.yaml'], studyDir);
    const impact = new Set(codesInGroup(codebook, 'impact'));
    const levels = new Set([...impact].filter((id) => codebook.codes.get(id)?.level));
    const coded = sources.flatMap((source) => source.excerpts).filter((excerpt) => excerpt.codes.some((id) => impact.has(id)));
    assert.ok(coded.length >= 10, `${coded.length} impact codings`);
    assert.deepEqual([...new Set(coded.map((excerpt) => excerpt.coder))].sort(), ['pg', 'rk']);
    for (const excerpt of coded) assert.ok(excerpt.codes.some((id) => levels.has(id)), `no level in ${excerpt.codes.join(' ')}: ${excerpt.text}`);
    assert.ok(new Set(coded.flatMap((excerpt) => excerpt.codes.filter((id) => levels.has(id)))).size >= 3, 'impact at fewer than three levels');
  });

  it('shows agreement and real disagreement between the two coders', () => {
    const key = (source: Source, start: number, end: number, code: string): string =>
      `${source.id}:${start}-${end}:${code}`;
    const byCoder = new Map<string, Set<string>>([['pg', new Set()], ['rk', new Set()]]);
    for (const source of sources) {
      for (const excerpt of source.excerpts) {
        for (const code of excerpt.codes) byCoder.get(excerpt.coder ?? '')?.add(key(source, excerpt.start, excerpt.end, code));
      }
    }
    const pg = byCoder.get('pg') as Set<string>;
    const rk = byCoder.get('rk') as Set<string>;
    const shared = [...pg].filter((item) => rk.has(item)).length;
    assert.ok(shared >= 20, `only ${shared} identical codings`);
    assert.ok(pg.size - shared >= 20 && rk.size - shared >= 20, 'each coder also codes what the other does not');
  });

  it('contains memos, exemplars, a crossing overlap, a multi-paragraph container and uncoded text', () => {
    const excerpts = sources.flatMap((source) => source.excerpts);
    assert.ok(excerpts.filter((excerpt) => excerpt.memo).length >= 10);
    assert.ok(excerpts.filter((excerpt) => excerpt.exemplar).length >= 10);
    const crossing = excerpts.filter((excerpt) => excerpt.fragments.length > 1);
    assert.ok(crossing.length >= 1, 'no excerpt made of fragments sharing an id');
    assert.ok(
      crossing.some((excerpt) =>
        excerpts.some((other) => other !== excerpt && other.start > excerpt.start && other.start < excerpt.end && other.end > excerpt.end),
      ),
      'the fragments do not cross another coding',
    );
    assert.ok(
      excerpts.some((excerpt) => excerpt.fragments[0].kind === 'container' && /\n\s*\n/.test(excerpt.text)),
      'no container spans several paragraphs',
    );
    for (const source of sources) {
      const covered = new Array<boolean>(source.length).fill(false);
      for (const excerpt of source.excerpts) {
        for (const fragment of excerpt.fragments) covered.fill(true, fragment.start, fragment.end);
      }
      const uncovered = covered.filter((isCovered) => !isCovered).length;
      assert.ok(uncovered / source.length > 0.2, `${source.path}: less than a fifth of the text is uncoded`);
    }
  });
});
