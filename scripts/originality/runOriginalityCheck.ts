import fs from 'node:fs';
import path from 'node:path';
import { countOf } from '../../src/core/render/countOf';
import { findSharedRuns, indexSeeds } from './sharedRuns';

/** Our text must share no run of this many consecutive words with the papers. */
export const RUN_LENGTH = 12;

/** The folders of ours that are checked, relative to the repository root: the presets and the example study. */
export const CHECKED_FOLDERS = ['presets', path.join('examples', 'coproduction-study')];

/** Where the check runs and where it prints. */
export interface OriginalityIo {
  /** The repository root whose files are checked. */
  root: string;
  /** The folder a relative PAPERS_DIR is read from. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Files of ours to check under `root`: every `.md`, `.yaml` and `.yml` of the checked folders, in a stable order. */
function ourFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else if (/\.(md|ya?ml)$/.test(name)) files.push(file);
    }
  };
  for (const folder of CHECKED_FOLDERS) walk(path.join(root, folder));
  return files;
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

/**
 * The text of a file to check. A preset's `source:` block and a Markdown
 * `## References` section are citations that quote the papers' titles on
 * purpose, so they are blanked (lines kept, so line numbers still point at
 * the file).
 */
function checkedText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!/\.ya?ml$/.test(file)) return withoutReferences(text);
  let inSource = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^source:/.test(line)) inSource = true;
      else if (inSource && /^\S/.test(line)) inSource = false;
      return inSource ? '' : line;
    })
    .join('\n');
}

/**
 * `npm run check:originality -- PAPERS_DIR`: checks that the presets and the
 * example study share no run of {@link RUN_LENGTH} consecutive words with any
 * paper (`*.txt`) in PAPERS_DIR, ignoring case, punctuation and line breaks.
 * Returns the exit code: 0 nothing shared (one line on stdout), 1 shared runs
 * (each as `file:line: shares "…" with paper.txt` on stderr), 2 no folder
 * given, a folder that does not exist or one without papers (one line).
 */
export function runOriginalityCheck(argv: string[], io: OriginalityIo): number {
  const fail = (message: string): number => {
    io.stderr(`check:originality: ${message}\n`);
    return 2;
  };
  if (argv.length !== 1 || argv[0] === '') {
    return fail('usage: npm run check:originality -- PAPERS_DIR (the folder of the papers as plain text, *.txt)');
  }
  const given = argv[0];
  const papersDir = path.resolve(io.cwd, given);
  if (!fs.existsSync(papersDir) || !fs.statSync(papersDir).isDirectory()) {
    return fail(`${given}: no such folder (give the folder of the papers as plain text, *.txt)`);
  }
  const paperNames = fs.readdirSync(papersDir).filter((name) => name.endsWith('.txt')).sort();
  if (paperNames.length === 0) return fail(`${given}: no papers (*.txt) in this folder`);
  const papers = new Map(paperNames.map((name) => [name, fs.readFileSync(path.join(papersDir, name), 'utf8')]));
  const runs = indexSeeds(papers, RUN_LENGTH);
  const files = ourFiles(io.root);
  if (files.length === 0) return fail(`no files to check under ${CHECKED_FOLDERS.join(', ')}`);
  const problems: string[] = [];
  for (const file of files) {
    const shown = path.relative(io.root, file).split(path.sep).join('/');
    for (const run of findSharedRuns(checkedText(file), runs, RUN_LENGTH)) {
      problems.push(`${shown}:${run.line}: shares "${run.words}" with ${run.seed}`);
    }
  }
  const withPapers = countOf(paperNames.length, 'paper');
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\ncheck:originality: ${countOf(problems.length, 'run')} of ${RUN_LENGTH} or more words shared with ${withPapers}\n`);
    return 1;
  }
  io.stdout(`check:originality: ${countOf(files.length, 'file')} share no run of ${RUN_LENGTH} words with ${withPapers}\n`);
  return 0;
}
