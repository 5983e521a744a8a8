import { strict as assert } from 'node:assert';
import path from 'node:path';
import fc from 'fast-check';
import { loadWorkspace } from '../../../src/node/loadWorkspace';
import { exportQdpx } from '../../../src/core/refi/exportQdpx';
import { importProject } from '../../../src/core/refi/importProject';
import { insertCodings, type CodingRequest } from '../../../src/core/edit/insertCodings';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import type { Codebook } from '../../../src/core/model/codebook';
import type { Source } from '../../../src/core/model/source';
import { repoRoot } from './refiFixtures';
import { toLineFeedText } from '../../../src/core/refi/lineFeedText';

/** What must survive a round trip: each excerpt's code-point span, coder, codes and memo. */
function codings(source: Source, offsetOf: (offset: number) => number = (offset) => offset): string[] {
  return source.excerpts.map((excerpt) => JSON.stringify([offsetOf(excerpt.start), offsetOf(excerpt.end), excerpt.coder, [...excerpt.codes].sort(), excerpt.memo])).sort();
}

/** Exports the sources, imports the package, and parses what the import wrote. */
function roundTrip(sources: Source[], codebook: Codebook) {
  const result = importProject(exportQdpx(sources, codebook, { name: 'study' }).bytes);
  assert.equal(result.ok, true, result.error);
  const byId = new Map<string, Source>();
  for (const file of result.files) if (file.path.endsWith('.md')) {
    const source = parseTranscript(file.text, { path: file.path });
    byId.set(source.id, source);
  }
  const codebookFile = result.files.find((file) => file.path === 'codebook.yaml');
  return { result, byId, codebook: compileCodebook([{ path: 'codebook.yaml', text: codebookFile?.text ?? '' }]).codebook };
}

describe('REFI-QDA round trip', function () {
  // Several full parses of the example study and of generated projects: slow on a loaded machine.
  this.timeout(120_000);
  it('gives back the example study: the same plain texts, codes (with groups), coders, code-point spans, memos and attributes', async () => {
    const study = await loadWorkspace({ paths: [path.join(repoRoot, 'examples/coproduction-study')], cwd: repoRoot, cache: false, maxWorkers: 1 });
    const back = roundTrip(study.sources, study.codebook);
    assert.deepEqual(back.result.report.skipped, []);
    assert.equal(back.byId.size, study.sources.length);
    for (const source of study.sources) {
      const imported = back.byId.get(source.id);
      assert.ok(imported, source.id);
      assert.equal(imported.plainText, source.plainText);
      assert.deepEqual(codings(imported), codings(source));
      assert.deepEqual(imported.attributes, source.attributes);
    }
    assert.deepEqual([...back.codebook.codes.keys()].sort(), [...study.codebook.codes.keys()].sort());
    for (const [id, code] of study.codebook.codes) {
      const imported = back.codebook.codes.get(id)!;
      assert.deepEqual([imported.name, imported.parent, imported.color, imported.description, imported.group], [code.name, code.parent, code.color, code.description, code.group], id);
    }
  });

  it('export, import, export gives the same package (apart from the project name)', async () => {
    const study = await loadWorkspace({ paths: [path.join(repoRoot, 'examples/coproduction-study')], cwd: repoRoot, cache: false, maxWorkers: 1 });
    const first = roundTrip(study.sources, study.codebook);
    const sources = study.sources.map((source) => first.byId.get(source.id)!);
    const second = roundTrip(sources, first.codebook);
    for (const source of sources) assert.deepEqual(codings(second.byId.get(source.id)!), codings(source));
  });

  // Property: small generated projects survive export then import unchanged.
  const word = fc.constantFrom('alpha', 'beta', 'gamma', 'ÉCOLE', 'straße', 'жизнь', '中文', '😀', '🎉x', 'it’s', '"quoted"', '[br]', 'a-b', '42', '&amp;', '<tag>');
  const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `W${words.join(' ')}`);
  const paragraph = fc.array(line, { minLength: 1, maxLength: 2 });
  const text = fc
    .tuple(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([paragraphs, crlf]) => {
      const eol = crlf ? '\r\n' : '\n';
      return paragraphs.map((lines) => lines.join(eol)).join(eol + eol) + eol;
    });
  const request = fc.record({
    a: fc.nat(),
    b: fc.nat(),
    codes: fc.subarray(['A', 'B', 'C'], { minLength: 1 }),
    coder: fc.constantFrom('pg', 'rk', 'a b', null),
    memo: fc.constantFrom(null, 'why', 'a "quoted" & <odd> memo', 'two\nlines'),
  });
  const source = fc.tuple(text, fc.array(request, { maxLength: 5 }));
  const codebook = compileCodebook([{ path: 'codebook.yaml', text: 'codes:\n  - { id: A, name: Alpha, color: "#aa0000" }\n  - { id: B, name: Beta, parent: A, description: "b & c" }\n  - { id: C, name: C }\n' }]).codebook;

  it('keeps plain texts, code-point spans, codes, coders and memos of generated projects', () => {
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 3 }), (generated) => {
        const sources: Source[] = [];
        for (const [index, [body, raw]] of generated.entries()) {
          const length = Array.from(body).length;
          const requests: CodingRequest[] = raw.map((item) => {
            const start = item.a % length;
            const end = start + 1 + (item.b % Math.max(1, length - start));
            return { start, end: Math.min(end, length), codes: item.codes, coder: item.coder, memo: item.memo };
          });
          const written = insertCodings(body, requests);
          if (!written.ok) continue;
          sources.push(parseTranscript(`---\nid: s${index}\n---\n${written.text}`, { path: `s${index}.md` }));
        }
        fc.pre(sources.length > 0);
        const back = roundTrip(sources, codebook);
        for (const original of sources) {
          const imported = back.byId.get(original.id);
          assert.ok(imported, original.id);
          // The exchange writes line ends as LF; positions move with them.
          const exported = toLineFeedText(original.plainText);
          assert.equal(imported.plainText, exported.text);
          // An excerpt of only the CR of a CRLF has no text under LF: the export leaves it out (and says so).
          const expected = codings(original, exported.offsetOf).filter((coding) => { const [start, end] = JSON.parse(coding) as number[]; return start < end; });
          assert.deepEqual(codings(imported), expected);
        }
      }),
      { numRuns: 60, seed: Number(process.env.FC_SEED ?? Date.now()) },
    );
  });
});
