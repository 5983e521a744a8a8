import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The same small study, coded by ann and bo in one file with by=. */
export const combinedStudy: Record<string, string> = {
  'int01.md': [
    '---',
    'id: int01',
    '---',
    '**P1:** We :code[:code[receive the money]{.T1 by=ann} late]{.T1 by=bo}, and :code[that hurts]{.T2 by=ann}.',
    '',
    ':::code{.T2 by=bo}',
    '**P2:** It is :code[hard to plan]{.T1 by=ann}.',
    ':::',
    '',
  ].join('\n'),
  'int02.md': [
    '---',
    'id: int02',
    'coders: [ann, bo]',
    '---',
    '**P3:** Nobody :code[listens to us]{.T2 by=bo} here.',
    '',
  ].join('\n'),
};

/** The same study in two copies, one per coder, without by=. */
export const copiesOfStudy: Record<string, Record<string, string>> = {
  ann: {
    'int01.md': [
      '---',
      'id: int01',
      '---',
      '**P1:** We :code[receive the money]{.T1} late, and :code[that hurts]{.T2}.',
      '',
      '**P2:** It is :code[hard to plan]{.T1}.',
      '',
    ].join('\n'),
    'int02.md': ['---', 'id: int02', 'coders: [ann]', '---', '**P3:** Nobody listens to us here.', ''].join('\n'),
  },
  bo: {
    'sub/int01.md': [
      '---',
      'id: int01',
      '---',
      '**P1:** We :code[receive the money late]{.T1}, and that hurts.',
      '',
      ':::code{.T2}',
      '**P2:** It is hard to plan.',
      ':::',
      '',
    ].join('\n'),
    'int02.md': ['---', 'id: int02', '---', '**P3:** Nobody :code[listens to us]{.T2} here.', ''].join('\n'),
  },
};

/** Writes `files` (relative path → text) under `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
}

/** A fresh temporary folder. */
export function temporaryFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'mdqda-agreement-'));
}

/** A git repository with one branch per copy (`ann`, `bo`), each holding that copy's files under `study/`. */
export function gitRepositoryOfCopies(): string {
  const root = temporaryFolder();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'base');
  writeFileSync(path.join(root, 'README.txt'), 'study\n');
  git('add', 'README.txt');
  git('commit', '-q', '-m', 'base');
  for (const [name, files] of Object.entries(copiesOfStudy)) {
    git('checkout', '-q', '-b', name, 'base');
    writeFiles(path.join(root, 'study'), files);
    git('add', 'study');
    git('commit', '-q', '-m', name);
  }
  git('checkout', '-q', 'base');
  return root;
}
