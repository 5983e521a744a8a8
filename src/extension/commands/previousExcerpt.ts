import type * as vscode from 'vscode';
import { moveToExcerpt } from '../editing/moveToExcerpt';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Makes the handler of `markdownQda.previousExcerpt`: selects the previous excerpt's coded text; resolves to the selection. */
export function previousExcerpt(index: WorkspaceIndex): () => Promise<vscode.Selection | undefined> {
  return () => moveToExcerpt(index, 'previous');
}
