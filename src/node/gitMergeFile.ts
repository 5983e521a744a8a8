import { gitRun } from './gitRun';

/** The result of git's own three-way text merge: the merged bytes and the number of conflicts, or an error message. */
export type GitMergeFileResult = { ok: true; merged: Buffer; conflicts: number } | { ok: false; message: string };

/**
 * Merges three files as text with `git merge-file -p` (labels `ours`, `base`,
 * `theirs`), without writing any of them: the caller writes the result.
 * Resolves to a message when git is missing or fails (a binary file).
 */
export async function gitMergeFile(base: string, ours: string, theirs: string, cwd: string, labels = { ours: 'ours', base: 'base', theirs: 'theirs' }): Promise<GitMergeFileResult> {
  const result = await gitRun(['merge-file', '-p', '-L', labels.ours, '-L', labels.base, '-L', labels.theirs, '--', ours, base, theirs], cwd);
  if (result.code < 0 || result.code > 127) return { ok: false, message: `git merge-file failed: ${result.stderr.trim().split('\n')[0] || `exit ${result.code}`}` };
  return { ok: true, merged: result.stdout, conflicts: result.code };
}
