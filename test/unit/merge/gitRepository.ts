import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary git repository on branch `main` holding `files`, committed once. */
export function gitRepository(files: Record<string, string>): { root: string; git: (...args: string[]) => string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'lead@example.org');
  git('config', 'user.name', 'Lead');
  git('config', 'commit.gpgsign', 'false');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  return { root, git };
}
