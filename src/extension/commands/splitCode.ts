import * as vscode from 'vscode';
import { CODE_ID } from '../../core/edit/codeRange';
import { editorTranscript } from '../editing/editorTranscript';
import { excerptUnderCursor } from '../editing/excerptUnderCursor';
import { recodeWorkspace, reportRecode, type RecodeOutcome } from '../editing/recodeWorkspace';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Optional arguments of `markdownQda.splitCode`: the code to split off, the new code, its name. */
export interface SplitCodeArgs {
  code?: string;
  to?: string;
  name?: string;
}

/**
 * Makes the handler of `markdownQda.splitCode`: moves the excerpt under the cursor from one of
 * its codes to a new code, the other excerpts of that code staying where they are, and records
 * the split in the codebook (the new code beside the old one, and the history), as one undoable
 * workspace edit. Asks for what is not given. Resolves to the outcome, or undefined when cancelled.
 */
export function splitCode(index: WorkspaceIndex): (args?: SplitCodeArgs) => Promise<RecodeOutcome | undefined> {
  return async (args = {}) => {
    const transcript = await editorTranscript(index);
    const excerpt = transcript && excerptUnderCursor(transcript);
    if (!transcript || !excerpt) {
      if (transcript) void vscode.window.showInformationMessage('Markdown QDA: put the cursor in the excerpt to split off.');
      return undefined;
    }
    const codebook = index.current?.codebook;
    const code = args.code ?? (excerpt.codes.length === 1
      ? excerpt.codes[0]
      : (await vscode.window.showQuickPick(excerpt.codes.map((id) => ({ label: id, description: codebook?.codes.get(id)?.name })), {
          title: 'Markdown QDA: split code',
          placeHolder: 'Move this excerpt off which of its codes?',
        }))?.label);
    if (!code) return undefined;
    const to = args.to ?? (await vscode.window.showInputBox({
      title: `Markdown QDA: split ${code}`,
      prompt: `Id of the new code this excerpt moves to (the other ${code} excerpts stay)`,
      validateInput: (value) => (!CODE_ID.test(value.trim()) ? 'A letter, then letters, digits, _ or -' : value.trim() === code ? 'Type a different id' : undefined),
    }))?.trim();
    if (!to) return undefined;
    if (!CODE_ID.test(to) || to === code) {
      const outcome: RecodeOutcome = { ok: false, error: `'${to}' is not a new code id` };
      reportRecode(`split ${code}`, outcome);
      return outcome;
    }
    const starts = new Set(excerpt.fragments.map((fragment) => fragment.range.startOffset));
    const outcome = await recodeWorkspace(index, {
      mapping: new Map([[code, to]]),
      change: { action: 'split', from: [code], to: [code, to], newName: args.name },
      only: new Map([[transcript.parsed.source.path, starts]]),
    });
    reportRecode(`split ${code} into ${to}`, outcome);
    return outcome;
  };
}
