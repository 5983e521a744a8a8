import type * as vscode from 'vscode';
import { moveToExcerpt } from '../editing/moveToExcerpt';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Makes the handler of `markdownQda.nextExcerpt`: selects the next excerpt's coded text; resolves to the selection. */
export function nextExcerpt(index: WorkspaceIndex): () => Promise<vscode.Selection | undefined> {
  return () => moveToExcerpt(index, 'next');
}
