import * as vscode from 'vscode';
import { codeColours } from '../../core/editor/codeColours';
import { codingLayout, lineFinder, type CodingLayout, type OffsetRange } from '../../core/editor/codingLayout';
import { escapeMarkdownText } from '../../core/editor/escapeMarkdownText';
import { markupOutOfSight, outsideOf } from '../../core/editor/markupOutOfSight';
import type { Source } from '../../core/model/source';
import type { Workspace } from '../../node/loadWorkspace';
import { settingsSection } from '../readSettings';
import type { BlindMode } from '../blindMode';
import type { RememberedToggle } from '../rememberedToggle';
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
  /** Markup folded out of sight: that of the codings "Show Only My Codings" hides, and all of it off the cursor lines with "Hide Markup". */
  hidden: RangeTuple[];
  /** Where more than two codes overlap: stacked underlines, one per code (instead of blended tints). */
  stacks: { range: RangeTuple; codes: string[] }[];
  /** Lines with coding stripes and their codes (empty with the style `tint` or `off`). */
  stripes: { line: number; codes: string[] }[];
  /** The hover of each stripe (same order as `stripes`): the names of its codes. */
  stripeHovers: string[];
  /** `performance.now()` in the extension host when they were set. */
  renderedAt: number;
}

/**
 * Draws coded text in the visible Markdown editors of transcripts: a tint per code colour, gutter
 * and overview-ruler stripes, the markup dimmed, as the setting `markdownQda.decorations` asks.
 * Redraws an editor when its source or the codebook changed, when it becomes visible, and when the
 * setting changes, and when "Show Only My Codings" hides or shows the other coders' codings (their
 * markup then folded out of sight, their text untinted). With "Hide Markup" on, every coding's
 * markup is folded out of sight except on the lines with a cursor or selection, which are redrawn
 * as the cursor moves. Where more than two codes overlap, stacked underlines replace the blended
 * tints; a stripe's line names its codes on hover. An editor whose document waits to be indexed
 * keeps its decorations (VS Code moves them with the edit) until it is.
 */
export class CodingDecorations implements vscode.Disposable {
  private types: DecorationTypes;
  private readonly drawn = new WeakMap<vscode.TextEditor, Drawn>();
  /** Per editor, the types last set with some decorations. */
  private readonly setIn = new WeakMap<vscode.TextEditor, Set<vscode.TextEditorDecorationType>>();
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex, private readonly sync: DocumentSync, private readonly blind: BlindMode, private readonly hideMarkup: RememberedToggle) {
    this.types = new DecorationTypes(readDecorationStyle());
    this.subscriptions = [
      index.onDidChange(() => this.drawAll()),
      blind.onDidChange(() => this.drawAll()),
      hideMarkup.onDidChange(() => this.drawAll()),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.hideMarkup.on && this.index.current) this.draw(event.textEditor, this.index.current);
      }),
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
    const indexed = this.sync.sourceIn(workspace, path);
    const source = indexed && this.blind.source(indexed);
    const keep = this.hideMarkup.on ? new Set(editor.selections.flatMap((selection) => lines(selection.start.line, selection.end.line))) : undefined;
    const keepKey = keep ? [...keep].join() : undefined;
    const last = this.drawn.get(editor);
    const sameLayout = last && last.source === source && last.workspace.codebook === workspace.codebook && last.version === document.version;
    if (sameLayout && last.keepKey === keepKey) return;
    if (!source && !last) return;

    const style = this.types.style;
    const text = document.getText();
    const laidOut = sameLayout ? last.laidOut : source && style !== 'off' ? layOut(source, indexed, text, workspace) : undefined;
    this.drawn.set(editor, { source, workspace, version: document.version, keepKey, laidOut });
    const toRange = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const wanted = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    const add = (type: vscode.TextEditorDecorationType, range: vscode.Range, hoverMessage?: vscode.MarkdownString) => {
      const list = wanted.get(type);
      const options = hoverMessage ? { range, hoverMessage } : { range };
      if (list) list.push(options);
      else wanted.set(type, [options]);
    };
    const snapshot: DecorationSnapshot = { version: document.version, style, tints: {}, colours: {}, markup: [], hidden: [], stacks: [], stripes: [], stripeHovers: [], renderedAt: 0 };
    if (laidOut) {
      const { layout, allMarkup } = laidOut;
      const colours = codeColours(workspace.codebook, layout.spans.keys());
      const hide = keep && { lineOf: laidOut.lineOf, keep };
      const folded = indexed && (source !== indexed || hide) ? markupOutOfSight(allMarkup, layout.markup, hide) : [];
      for (const [code, spans] of layout.tints) {
        const colour = colours.get(code) as string;
        const type = this.types.tint(colour);
        snapshot.tints[code] = outsideOf(spans, folded).map((span) => {
          const range = toRange(span.start, span.end);
          add(type, range);
          return tuple(range);
        });
      }
      for (const code of layout.spans.keys()) snapshot.colours[code] = colours.get(code) as string;
      for (const stack of outsideOf(layout.stacks, folded)) {
        const range = toRange(stack.start, stack.end);
        add(this.types.stack(stack.codes.map((code) => colours.get(code) as string)), range);
        snapshot.stacks.push({ range: tuple(range), codes: stack.codes });
      }
      const foldedKeys = new Set(folded.map((span) => `${span.start}:${span.end}`));
      for (const span of layout.markup) {
        if (foldedKeys.has(`${span.start}:${span.end}`)) continue;
        const range = toRange(span.start, span.end);
        add(this.types.markup, range);
        snapshot.markup.push(tuple(range));
      }
      for (const span of folded) {
        const range = toRange(span.start, span.end);
        add(this.types.hidden, range);
        snapshot.hidden.push(tuple(range));
      }
      if (style === 'stripes' || style === 'both') {
        for (const stripe of layout.stripes) {
          if (stripe.line >= document.lineCount) continue;
          const hover = stripeHover(stripe.codes, workspace, colours);
          add(this.types.gutter(stripe.codes.map((code) => colours.get(code) as string)), document.lineAt(stripe.line).range, hover);
          snapshot.stripes.push(stripe);
          snapshot.stripeHovers.push(hover.value);
        }
      }
    }
    // Every type with decorations in this editor is set again, so a code that disappeared loses
    // them; a type with none there before and none now is left alone (a message to the editor
    // less: a study makes many colour combinations, a transcript uses few).
    const before = this.setIn.get(editor);
    const now = new Set<vscode.TextEditorDecorationType>();
    for (const type of this.types.all()) {
      const options = wanted.get(type) ?? [];
      if (options.length > 0) now.add(type);
      else if (!before?.has(type)) continue;
      editor.setDecorations(type, options);
    }
    this.setIn.set(editor, now);
    snapshot.renderedAt = performance.now();
    this.snapshots.set(document.uri.toString(), snapshot);
  }
}

/** What was drawn in one editor, and the layout it was drawn from (reused while only the cursor moves). */
interface Drawn {
  source: Source | undefined;
  workspace: Workspace;
  version: number;
  /** The cursor lines whose markup Hide Markup kept in sight, undefined while it is off. */
  keepKey: string | undefined;
  laidOut: LaidOut | undefined;
}

interface LaidOut {
  /** The layout of the codings shown. */
  layout: CodingLayout;
  /** The markup of every coding, shown or hidden by "Show Only My Codings". */
  allMarkup: OffsetRange[];
  lineOf: (offset: number) => number;
}

function layOut(source: Source, indexed: Source | undefined, text: string, workspace: Workspace): LaidOut {
  const layout = codingLayout(source, text, workspace.codebook);
  const allMarkup = indexed && indexed !== source ? codingLayout(indexed, text, workspace.codebook).markup : layout.markup;
  return { layout, allMarkup, lineOf: lineFinder(text) };
}

/** The hover of a coding stripe: a colour swatch and the name of each code of its line. */
function stripeHover(codes: readonly string[], workspace: Workspace, colours: ReadonlyMap<string, string>): vscode.MarkdownString {
  const names = codes.map((code) => {
    const name = workspace.codebook.codes.get(code)?.name;
    const label = name && name !== code ? `${escapeMarkdownText(name)} (\`${code}\`)` : `\`${code}\``;
    return `<span style="color:${colours.get(code)};">■</span> ${label}`;
  });
  const hover = new vscode.MarkdownString(`**Codes on this line:** ${names.join(', ')}`);
  hover.supportHtml = true;
  return hover;
}

/** The 0-based lines from `first` to `last`. */
function lines(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function tuple(range: vscode.Range): RangeTuple {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
