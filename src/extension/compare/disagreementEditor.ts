import * as vscode from 'vscode';
import type { ComparisonDisagreement } from '../../core/analysis/agreement/describeComparison';
import { resolveDisagreement, type Resolution } from '../../core/analysis/agreement/resolveDisagreement';
import { codeRange } from '../../core/edit/codeRange';
import type { Source } from '../../core/model/source';
import { ensureTrusted } from '../editing/ensureTrusted';
import { parseTranscriptDocument, type DocumentTranscript } from '../editing/parseTranscriptDocument';
import { toWorkspaceEdit } from '../editing/toWorkspaceEdit';
import type { WorkspaceIndex } from '../workspaceIndex';

/** What a resolve action did: written (with where), or why not. */
export type ResolveOutcome = { ok: boolean; message: string };

/**
 * The transcript side of the comparison view: opens a disagreement's transcript with the disputed
 * text selected, outlined, and each coder's codings in its hover; writes resolutions as consensus
 * codings through the edit engine, one `WorkspaceEdit` (one undo) each.
 */
export class DisagreementEditor implements vscode.Disposable {
  private readonly outline = vscode.window.createTextEditorDecorationType({
    borderWidth: '1px',
    borderStyle: 'dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private decorated: vscode.TextEditor | undefined;

  constructor(private readonly index: WorkspaceIndex) {}

  /** Opens the disagreement's transcript in `column`, selects the disputed text and shows the coders' codings on hover. */
  async open(item: ComparisonDisagreement, column: vscode.ViewColumn, preserveFocus = false): Promise<vscode.TextEditor | undefined> {
    const transcript = await this.transcriptOf(item);
    if (typeof transcript === 'string') {
      void vscode.window.showErrorMessage(`Markdown QDA: ${transcript}`);
      return undefined;
    }
    const editor = await vscode.window.showTextDocument(transcript.document, { viewColumn: column, preserveFocus, preview: false });
    const range = this.rangeOf(transcript, item.start, item.end);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const hover = new vscode.MarkdownString(`**Disagreement on ${item.code}** (${item.units} units)\n\n`);
    for (const coding of item.codings) {
      hover.appendMarkdown(`- **${escapeMarkdown(coding.coder)}**: ${coding.codes.length > 0 ? escapeMarkdown(coding.codes.join(', ')) : '*not coded*'}`);
      if (coding.memos.length > 0) hover.appendMarkdown(` — ${escapeMarkdown(coding.memos.join(' / '))}`);
      hover.appendMarkdown('\n');
    }
    this.clear();
    editor.setDecorations(this.outline, [{ range, hoverMessage: hover }]);
    this.decorated = editor;
    return editor;
  }

  /**
   * Writes the consensus coding of `resolution` into the transcript of `item`, opened beside the
   * panel, as one undoable edit. Refuses (with the reason) when the transcript's plain text is no
   * longer the compared one (`compared`), when the engine cannot express the range, or when the
   * workspace is not trusted.
   */
  async resolve(item: ComparisonDisagreement, compared: Source | undefined, resolution: Resolution, consensus: string, column: vscode.ViewColumn): Promise<ResolveOutcome> {
    const coding = resolveDisagreement(item, item.codings, resolution, consensus);
    if (!coding.ok) return { ok: false, message: coding.message };
    const transcript = await this.transcriptOf(item);
    if (typeof transcript === 'string') return { ok: false, message: transcript };
    if (!compared || transcript.parsed.source.plainText !== compared.plainText) {
      return { ok: false, message: `${item.path} has changed since the comparison (its plain text differs); nothing was written` };
    }
    if (!(await ensureTrusted())) return { ok: false, message: 'the workspace is not trusted; nothing was written' };
    const result = codeRange(transcript.text, transcript.parsed, coding.request);
    if (!result.ok) {
      const where = result.offset !== undefined ? `${item.path}:${transcript.document.positionAt(result.offset).line + 1}: ` : `${item.path}: `;
      return { ok: false, message: `${where}${result.error}; nothing was written` };
    }
    const editor = await vscode.window.showTextDocument(transcript.document, { viewColumn: column, preserveFocus: true, preview: false });
    if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(transcript.document, result.edits)))) {
      return { ok: false, message: `${item.path}: the edit was not applied` };
    }
    const parsed = parseTranscriptDocument(editor.document, this.index);
    if (typeof parsed !== 'string') {
      const range = this.rangeOf(parsed, result.start, result.end);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    const codes = coding.request.codes.join(', ');
    return { ok: true, message: `Wrote ${codes} by=${consensus} in ${item.path}, line ${editor.selection.start.line + 1} (undo in the transcript removes it).` };
  }

  /** Removes the outline of the last disagreement opened. */
  clear(): void {
    this.decorated?.setDecorations(this.outline, []);
    this.decorated = undefined;
  }

  dispose(): void {
    this.outline.dispose();
  }

  private async transcriptOf(item: ComparisonDisagreement): Promise<DocumentTranscript | string> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return 'open the study folder first';
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, item.path));
    } catch {
      return `cannot open ${item.path} in this workspace`;
    }
    return parseTranscriptDocument(document, this.index);
  }

  /** The editor range of a code-point stretch of the plain text. */
  private rangeOf(transcript: DocumentTranscript, start: number, end: number): vscode.Range {
    const { map } = transcript.parsed;
    const from = map.plainToFile(map.fromCodePoint(start), 'after');
    const to = Math.max(from, map.plainToFile(map.fromCodePoint(end), 'before'));
    return new vscode.Range(transcript.document.positionAt(from), transcript.document.positionAt(to));
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
