import * as vscode from 'vscode';
import { setExcerptAttributes } from '../../core/edit/setExcerptAttributes';
import { applyResult, editorTranscript } from '../editing/editorTranscript';
import { excerptUnderCursor } from '../editing/excerptUnderCursor';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Optional argument of `markdownQda.editMemo`: the memo to write (`null` or blank removes it). */
export interface EditMemoArgs {
  memo?: string | null;
}

/**
 * Makes the handler of `markdownQda.editMemo`: adds, changes or (left blank) removes the memo of
 * the excerpt under the cursor, asked for in an input box holding the current memo. Only the
 * attributes change. Resolves to whether the document was changed.
 */
export function editMemo(index: WorkspaceIndex): (args?: EditMemoArgs) => Promise<boolean> {
  return async (args = {}) => {
    const transcript = await editorTranscript(index);
    const excerpt = transcript && excerptUnderCursor(transcript);
    if (!transcript || !excerpt) return false;
    let memo = args.memo;
    if (memo === undefined) {
      memo = await vscode.window.showInputBox({
        title: 'Markdown QDA: memo',
        prompt: `Memo on the excerpt at line ${excerpt.line} (leave blank to remove it)`,
        value: excerpt.memo ?? '',
      });
      if (memo === undefined) return false;
    }
    const wanted = memo === null || memo.trim() === '' ? null : memo;
    if (wanted === excerpt.memo) return true;
    return applyResult(transcript, setExcerptAttributes(transcript.text, transcript.parsed, excerpt, { memo: wanted }));
  };
}
