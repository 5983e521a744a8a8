import * as vscode from 'vscode';
import { codeColours } from '../../core/editor/codeColours';
import { codingLayout } from '../../core/editor/codingLayout';
import { markupOutOfSight } from '../../core/editor/markupOutOfSight';
import type { Source } from '../../core/model/source';
import type { Workspace } from '../../node/loadWorkspace';
import { settingsSection } from '../readSettings';
import type { BlindMode } from '../blindMode';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { DocumentSync } from './documentSync';
import { decorationSetting, readDecorationStyle } from './decorationStyle';
import { DecorationTypes } from './decorationTypes';
import { transcriptPathOf } from './workspacePaths';

/** A range as plain numbers: 0-based start line, start character, end line, end character. */
export type RangeTuple = [number, number, number, number];

/** What was last drawn in the editors of one document (for tests and diagnosis). */
export interface DecorationSnapshot {
  /** The document version the decorations were computed for. */
  version: number;
  style: string;
  /** Coded text per code id. */
  tints: Record<string, RangeTuple[]>;
  /** The colour of each code drawn (`#rrggbb`). */
  colours: Record<string, string>;
  /** Dimmed markup. */
  markup: RangeTuple[];
  /** Markup folded out of sight: that of the codings "Show Only My Codings" hides. */
  hidden: RangeTuple[];
  /** Lines with coding stripes and their codes (empty with the style `tint` or `off`). */
  stripes: { line: number; codes: string[] }[];
  /** `performance.now()` in the extension host when they were set. */
  renderedAt: number;
}

/**
 * Draws coded text in the visible Markdown editors of transcripts: a tint per code colour, gutter
 * and overview-ruler stripes, the markup dimmed, as the setting `markdownQda.decorations` asks.
 * Redraws an editor when its source or the codebook changed, when it becomes visible, and when the
 * setting changes, and when "Show Only My Codings" hides or shows the other coders' codings (their
 * markup then folded out of sight, their text untinted); an editor whose document waits to be indexed keeps its decorations (VS Code
 * moves them with the edit) until it is.
 */
export class CodingDecorations implements vscode.Disposable {
  private types: DecorationTypes;
  private readonly drawn = new WeakMap<vscode.TextEditor, { source: Source | undefined; workspace: Workspace; version: number }>();
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex, private readonly sync: DocumentSync, private readonly blind: BlindMode) {
    this.types = new DecorationTypes(readDecorationStyle());
    this.subscriptions = [
      index.onDidChange(() => this.drawAll()),
      blind.onDidChange(() => this.drawAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawAll()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(`${settingsSection}.${decorationSetting}`)) return;
        for (const editor of vscode.window.visibleTextEditors) this.drawn.delete(editor);
        this.types.dispose();
        this.types = new DecorationTypes(readDecorationStyle());
        this.drawAll();
      }),
    ];
    this.drawAll();
  }

  /** What was last drawn for the document `uri`, or undefined when nothing was. */
  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.types.dispose();
  }

  private drawAll(): void {
    const workspace = this.index.current;
    if (!workspace) return;
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor, workspace);
  }

  private draw(editor: vscode.TextEditor, workspace: Workspace): void {
    const document = editor.document;
    const path = transcriptPathOf(document.uri);
    if (!path || this.sync.isPending(document.uri)) return;
    const indexed = this.sync.sourcesOf(workspace).get(path);
    const source = indexed && this.blind.source(indexed);
    const last = this.drawn.get(editor);
    if (last && last.source === source && last.workspace.codebook === workspace.codebook && last.version === document.version) return;
    if (!source && !last) return;
    this.drawn.set(editor, { source, workspace, version: document.version });

    const style = this.types.style;
    const text = document.getText();
    const layout = source && style !== 'off' ? codingLayout(source, text, workspace.codebook) : undefined;
    const toRange = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const wanted = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    const add = (type: vscode.TextEditorDecorationType, range: vscode.Range) => {
      const list = wanted.get(type);
      if (list) list.push(range);
      else wanted.set(type, [range]);
    };
    const snapshot: DecorationSnapshot = { version: document.version, style, tints: {}, colours: {}, markup: [], hidden: [], stripes: [], renderedAt: 0 };
    if (layout) {
      const colours = codeColours(workspace.codebook, layout.spans.keys());
      for (const [code, spans] of layout.spans) {
        const colour = colours.get(code) as string;
        const type = this.types.tint(colour);
        snapshot.colours[code] = colour;
        snapshot.tints[code] = spans.map((span) => {
          const range = toRange(span.start, span.end);
          add(type, range);
          return tuple(range);
        });
      }
      for (const span of layout.markup) {
        const range = toRange(span.start, span.end);
        add(this.types.markup, range);
        snapshot.markup.push(tuple(range));
      }
      if (indexed && source !== indexed) {
        for (const span of markupOutOfSight(codingLayout(indexed, text, workspace.codebook).markup, layout.markup)) {
          const range = toRange(span.start, span.end);
          add(this.types.hidden, range);
          snapshot.hidden.push(tuple(range));
        }
      }
      if (style === 'stripes' || style === 'both') {
        for (const stripe of layout.stripes) {
          if (stripe.line >= document.lineCount) continue;
          add(this.types.gutter(stripe.codes.map((code) => colours.get(code) as string)), document.lineAt(stripe.line).range);
          snapshot.stripes.push(stripe);
        }
      }
    }
    // Every known type is set, so a code that disappeared loses its decorations.
    for (const type of this.types.all()) editor.setDecorations(type, wanted.get(type) ?? []);
    snapshot.renderedAt = performance.now();
    this.snapshots.set(document.uri.toString(), snapshot);
  }
}

function tuple(range: vscode.Range): RangeTuple {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
