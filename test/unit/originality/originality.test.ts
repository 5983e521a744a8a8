import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findSharedRuns, indexSeeds } from './sharedRuns';

// Our text must share no run of this many consecutive words with the papers.
const runLength = 12;
const repoRoot = join(__dirname, '..', '..', '..');
// The papers live beside the repository, in ../shared/seeds/.
const seedsDir = join(repoRoot, '..', 'shared', 'seeds');

/** Files of ours to check: the presets and the example study's text. */
function ourFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ya?ml)$/.test(name)) files.push(path);
    }
  };
  walk(join(repoRoot, 'presets'));
  walk(join(repoRoot, 'examples', 'coproduction-study'));
  return files;
}

/**
 * The text of a file to check. A preset's `source:` block and a Markdown
 * `## References` section are citations that quote the papers' titles on
 * purpose, so they are blanked (lines kept, so line numbers still point at
 * the file).
 */
function checkedText(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!/\.ya?ml$/.test(path)) return withoutReferences(text);
  const lines = text.split('\n');
  let inSource = false;
  return lines
    .map((line) => {
      if (/^source:/.test(line)) inSource = true;
      else if (inSource && /^\S/.test(line)) inSource = false;
      return inSource ? '' : line;
    })
    .join('\n');
}

/**
 * Markdown text with its `## References` section blanked (lines kept): a
 * reference list quotes the papers' titles on purpose.
 */
function withoutReferences(text: string): string {
  let inReferences = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^#{1,6}\s/.test(line)) inReferences = /^#{1,6}\s+references\s*$/i.test(line);
      return inReferences ? '' : line;
    })
    .join('\n');
}

describe('originality against the seed papers', () => {
  it('finds a copied run regardless of case, punctuation and line breaks', () => {
    const seeds = new Map([['paper', 'One, two three four five six seven eight nine ten eleven twelve thirteen.']]);
    const runs = indexSeeds(seeds, runLength);
    const copied = 'Intro. ONE two -- three four five six\nseven eight nine "ten" eleven twelve!';
    assert.deepEqual(
      findSharedRuns(copied, runs, runLength).map((run) => [run.line, run.seed]),
      [[1, 'paper']],
    );
  });

  it('accepts a run one word shorter than the limit', () => {
    const seeds = new Map([['paper', 'one two three four five six seven eight nine ten eleven twelve']]);
    const runs = indexSeeds(seeds, runLength);
    assert.deepEqual(findSharedRuns('one two three four five six seven eight nine ten eleven', runs, runLength), []);
  });

  it('shares no run of twelve consecutive words between our presets, example study and the seeds', function () {
    this.timeout(60000);
    assert.ok(
      existsSync(seedsDir),
      `seed papers not found at ${relative(repoRoot, seedsDir)} (expected ../shared/seeds beside the repository)`,
    );
    const seedNames = readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));
    assert.ok(seedNames.length > 0, `no seed papers (*.txt) in ${relative(repoRoot, seedsDir)}`);
    const seeds = new Map(seedNames.map((name) => [name, readFileSync(join(seedsDir, name), 'utf8')]));
    const runs = indexSeeds(seeds, runLength);
    const files = ourFiles();
    assert.ok(files.some((path) => path.includes('presets')), 'no preset files found to check');
    const problems: string[] = [];
    for (const path of files) {
      for (const run of findSharedRuns(checkedText(path), runs, runLength)) {
        problems.push(`${relative(repoRoot, path)}:${run.line}: shares "${run.words}" with ${run.seed}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
