import { strict as assert } from 'node:assert';
import { parseTranscript, parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { codeRange } from '../../../src/core/edit/codeRange';
import fc from 'fast-check';
import { MAX_NESTING, findDeepNesting } from '../../../src/core/syntax/nestingLimit';
import { transcript } from '../edit/editModel';
import { insertCodings } from '../../../src/core/edit/insertCodings';

const parse = (text: string) => parseTranscript(text, { path: 'deep.md' });
const deepProblems = (text: string) => parse(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'nesting-too-deep');

/** `depth` container directives inside each other, each fence one colon shorter than its parent's. */
function nestedContainers(depth: number): string {
  const fences = Array.from({ length: depth }, (_, index) => ':'.repeat(3 + depth - index));
  return fences.map((fence) => `${fence}code{.T1}`).join('\n') + '\nhello\n' + [...fences].reverse().join('\n') + '\n';
}

describe('nesting limit', () => {
  it('is 64 levels', () => {
    assert.equal(MAX_NESTING, 64);
  });

  it('reads 64 nested containers as before', () => {
    const source = parse(nestedContainers(64));
    assert.deepEqual(deepProblems(nestedContainers(64)), []);
    assert.equal(source.excerpts.length, 64);
    assert.equal(source.plainText, 'hello\n');
    assert.equal(source.writable, true);
  });

  it('refuses 65 nested containers with an error at the first line beyond the limit, and reads no excerpt', () => {
    const source = parse(nestedContainers(65));
    const problems = deepProblems(nestedContainers(65));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].line, 65);
    assert.equal(problems[0].column, 1);
    assert.match(problems[0].message, /64/);
    assert.equal(source.excerpts.length, 0);
  });

  it('marks a refused file read-only, so that the edit engine refuses to code it and says why', () => {
    const text = nestedContainers(65);
    const parsed = parseTranscriptWithMap(text, { path: 'deep.md' });
    assert.equal(parsed.source.writable, false);
    const result = codeRange(text, parsed, { start: 0, end: 3, codes: ['T2'] });
    assert.ok(!result.ok);
    assert.match(result.error, /nest/);
  });

  it('refuses 10,000 nested containers quickly (before parsing)', () => {
    const text = ':::code{.T1}\n'.repeat(10_000) + 'hello\n' + ':::\n'.repeat(10_000);
    const started = Date.now();
    assert.equal(deepProblems(text).length, 1);
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  });

  it('counts containers of equal fences as nested until a closing fence closes the outermost that fits', () => {
    const open = ':::code{.T1}\n'.repeat(40);
    const close = ':::\n';
    // The first `:::` closes all 40, so the next 40 start again from the top.
    assert.deepEqual(deepProblems(open + 'x\n' + close + open + 'y\n' + close), []);
    assert.equal(deepProblems(open + open + 'x\n' + close).length, 1);
  });

  it('does not count containers one after another as nested, with LF or CRLF line ends', () => {
    const one = ':::code{.T1}\nA paragraph.\n:::\n\n';
    assert.deepEqual(deepProblems(one.repeat(100)), []);
    assert.deepEqual(deepProblems(one.repeat(100).replace(/\n/g, '\r\n')), []);
  });

  it('refuses text directives nested deeper than the limit at the first label beyond it', () => {
    const text = 'P1: ' + ':code['.repeat(65) + 'x' + ']{.T1}'.repeat(65) + '\n';
    const [problem] = deepProblems(text);
    assert.ok(problem);
    assert.equal(problem.line, 1);
    assert.equal(problem.column, 5 + 64 * 6);
  });

  it('refuses a label with brackets nested deeper than the limit', () => {
    assert.equal(deepProblems(':code[' + '['.repeat(20_000) + 'x' + ']'.repeat(20_000) + ']{.T1}\n').length, 1);
  });

  it('reads brackets nested deeply outside any label as before', () => {
    assert.deepEqual(deepProblems('['.repeat(100) + 'x' + ']'.repeat(100) + '\n'), []);
  });

  it('refuses block quotes and list items nested deeper than the limit on one line', () => {
    assert.equal(deepProblems('> '.repeat(65) + 'x\n').length, 1);
    assert.equal(deepProblems('- '.repeat(65) + 'x\n').length, 1);
    assert.equal(deepProblems('1. > '.repeat(33) + 'x\n').length, 1);
    assert.deepEqual(deepProblems('> '.repeat(64) + 'x\n'), []);
  });

  it('counts containers inside block quotes with the quotes', () => {
    const text = '> '.repeat(40) + ':::code{.T1}\n' + '> '.repeat(40) + ':::code{.T2}\n'.repeat(1);
    assert.deepEqual(deepProblems(text), []);
    const deep = Array.from({ length: 30 }, (_, index) => ':'.repeat(33 - index) + 'code{.T1}').join('\n') + '\n' + '> '.repeat(40) + 'x\n';
    assert.equal(deepProblems(deep).length, 1);
  });

  it('does not count a thematic break of spaced dashes or stars as nested lists', () => {
    assert.deepEqual(deepProblems('- '.repeat(80) + '\n\n' + '* '.repeat(80) + '\n'), []);
  });
});

describe('writing codings into a text nested beyond the limit', () => {
  it('refuses, at the first line beyond the limit, without parsing the text', () => {
    const text = '> '.repeat(70) + 'x\n\nA paragraph.\n';
    const result = insertCodings(text, [{ start: text.length - 13, end: text.length - 1, codes: ['T1'] }]);
    assert.ok(!result.ok);
    assert.match(result.error, /nest/);
    assert.equal(result.offset, 128);
  });
});

describe('nesting limit on ordinary transcripts (property)', () => {
  it('never refuses a random transcript of the edit engine model', () => {
    fc.assert(
      fc.property(transcript, (text) => {
        assert.equal(findDeepNesting(text), null);
      }),
      { numRuns: 300, seed: 64 },
    );
  });
});
