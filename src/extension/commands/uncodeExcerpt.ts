import * as vscode from 'vscode';
import { uncode } from '../../core/edit/uncode';
import { applyResult, editorTranscript } from '../editing/editorTranscript';
import { excerptUnderCursor } from '../editing/excerptUnderCursor';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Optional arguments of `markdownQda.uncode`: remove one code, or (`all`) the whole excerpt. */
export interface UncodeArgs {
  code?: string;
  all?: boolean;
}

/**
 * Makes the handler of `markdownQda.uncode`: removes one code of the excerpt under the cursor
 * (asked for when it has several) or the whole excerpt; only markup goes, the text stays.
 * Resolves to whether the document was changed.
 */
export function uncodeExcerpt(index: WorkspaceIndex): (args?: UncodeArgs) => Promise<boolean> {
  return async (args = {}) => {
    const transcript = await editorTranscript(index);
    const excerpt = transcript && excerptUnderCursor(transcript);
    if (!transcript || !excerpt) return false;
    let code = args.all ? undefined : args.code;
    if (!args.all && code === undefined && excerpt.codes.length > 1) {
      const codebook = index.current?.codebook;
      const all = { label: '$(trash) All codes: remove the excerpt', all: true };
      const picked = await vscode.window.showQuickPick(
        [all, ...excerpt.codes.map((id) => ({ label: id, description: codebook?.codes.get(id)?.name, all: false }))],
        { title: 'Markdown QDA: uncode', placeHolder: 'Remove which code from this excerpt?' },
      );
      if (!picked) return false;
      code = picked.all ? undefined : picked.label;
    }
    return applyResult(transcript, uncode(transcript.text, transcript.parsed, excerpt, code));
  };
}
