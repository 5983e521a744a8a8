import * as vscode from 'vscode';
import { codeRange } from '../../core/edit/codeRange';
import { rememberCodes } from '../../core/navigate/orderCodeChoices';
import { applyResult, editorTranscript } from '../editing/editorTranscript';
import { readCoder } from '../readSettings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { pickCodes } from './codePicker';
import { setCoder } from './setCoder';

/** Optional arguments of `markdownQda.codeSelection` (scripts and tests skip the prompts with them). */
export interface CodeSelectionArgs {
  codes?: string[];
  coder?: string;
  memo?: string;
  exemplar?: boolean;
}

/** Key of the recently used code ids in the workspace state, most recent first. */
export const recentCodesKey = 'markdownQda.recentCodes';

/**
 * Makes the handler of `markdownQda.codeSelection`: codes the selection of the active Markdown
 * editor with codes picked from the codebook (recent first; the picker's "Create New Code…"
 * button adds one to the codebook) by the coder of `markdownQda.coder` (asked for and saved when unset), as one
 * undoable edit computed by the edit engine; a selection of whole paragraphs (a triple click, whole
 * lines) becomes a container with the speaker label inside it. Resolves to whether the document was changed.
 */
export function codeSelection(index: WorkspaceIndex, state: vscode.Memento): (args?: CodeSelectionArgs) => Promise<boolean> {
  return async (args = {}) => {
    const transcript = await editorTranscript(index);
    if (!transcript) return false;
    const { editor, parsed } = transcript;
    const selection = editor.selection;
    if (selection.isEmpty) {
      void vscode.window.showInformationMessage('Markdown QDA: select the text to code first.');
      return false;
    }
    const codes = args.codes ?? (await pickCodes(index, state, recentCodesKey));
    if (!codes || codes.length === 0) return false;
    const coder = args.coder ?? readCoder() ?? (await setCoder());
    if (!coder) return false;
    const toPlain = (position: vscode.Position) => parsed.map.toCodePoint(parsed.map.fileToPlain(editor.document.offsetAt(position)));
    const result = codeRange(transcript.text, parsed, {
      start: toPlain(selection.start),
      end: toPlain(selection.end),
      codes,
      coder,
      memo: args.memo ?? null,
      exemplar: args.exemplar === true,
      // A triple-clicked paragraph, or whole lines, becomes a container with its speaker label inside.
      wholeParagraphs: true,
    });
    const applied = await applyResult(transcript, result);
    if (applied) await state.update(recentCodesKey, rememberCodes(state.get<string[]>(recentCodesKey, []), codes));
    return applied;
  };
}
