import * as vscode from 'vscode';
import type { AutocodeUnit } from '../../core/autocode/transcriptUnits';
import { speakerOf } from '../../core/syntax/parseTranscript';
import { autocodeDocuments, reportAutocode, type AutocodeSummary } from '../editing/autocodeDocuments';
import { editorTranscript } from '../editing/editorTranscript';
import { readCoder } from '../readSettings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { pickCodes } from './codePicker';
import { recentCodesKey } from './codeSelection';
import { setCoder } from './setCoder';

/** Optional arguments of `markdownQda.codeSpeakerTurns` (scripts and tests skip the prompts with them). */
export interface CodeSpeakerTurnsArgs {
  codes?: string[];
  coder?: string;
  /** Default `turn`: each whole turn; `paragraph` and `sentence` code its parts. */
  unit?: AutocodeUnit;
}

/**
 * Makes the handler of `markdownQda.codeSpeakerTurns`: codes every turn, in the active
 * transcript, of the speaker whose turn holds the cursor, with codes from a quick pick, as one
 * undoable edit. Turns the coder already coded so are left as they are. Resolves to what was
 * done, or undefined when cancelled or when the cursor is in no turn (after a message).
 */
export function codeSpeakerTurns(index: WorkspaceIndex, state: vscode.Memento): (args?: CodeSpeakerTurnsArgs) => Promise<AutocodeSummary | undefined> {
  return async (args = {}) => {
    const transcript = await editorTranscript(index);
    if (!transcript) return undefined;
    const { editor, parsed } = transcript;
    const cursor = parsed.map.toCodePoint(parsed.map.fileToPlain(editor.document.offsetAt(editor.selection.active)));
    const speaker = speakerOf(parsed.source.turns, cursor);
    if (speaker === null) {
      void vscode.window.showInformationMessage('Markdown QDA: put the cursor in a speaker\'s turn (a paragraph that starts with **Name:**) first.');
      return undefined;
    }
    const turns = parsed.source.turns.filter((turn) => turn.speaker === speaker).length;
    const codes = args.codes ?? (await pickCodes(index, state, recentCodesKey, `Markdown QDA: code the ${turns} turns of ${speaker}`));
    if (!codes || codes.length === 0) return undefined;
    const coder = args.coder ?? readCoder() ?? (await setCoder());
    if (!coder) return undefined;
    const summary = await autocodeDocuments([{ transcript, targets: { speakers: [speaker] } }], { codes, coder, unit: args.unit ?? 'turn' });
    reportAutocode(`code the turns of ${speaker}`, summary);
    return typeof summary === 'string' ? undefined : summary;
  };
}
