import * as vscode from 'vscode';
import type { DecorationStyle } from './decorationStyle';

/**
 * The decoration types of coded text, made on demand and reused: a tint per colour (with its
 * overview-ruler mark when stripes are on), a gutter icon per combination of colours (one bar per
 * code, side by side, since a line shows one gutter icon), stacked underlines per combination
 * of colours, the dimmed markup and the markup folded out of sight. All are disposed
 * when the style changes and on dispose.
 */
export class DecorationTypes implements vscode.Disposable {
  private readonly tints = new Map<string, vscode.TextEditorDecorationType>();
  private readonly gutters = new Map<string, vscode.TextEditorDecorationType>();
  private readonly stacks = new Map<string, vscode.TextEditorDecorationType>();
  private markupType: vscode.TextEditorDecorationType | undefined;
  private hiddenType: vscode.TextEditorDecorationType | undefined;

  constructor(public style: DecorationStyle) {}

  /** The type that dims markup. */
  get markup(): vscode.TextEditorDecorationType {
    this.markupType ??= vscode.window.createTextEditorDecorationType({ opacity: '0.5', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
    return this.markupType;
  }

  /** The type that folds markup out of sight (the other coders' markup while coding blind). */
  get hidden(): vscode.TextEditorDecorationType {
    // VS Code has no decoration option that hides text; the CSS rides on `textDecoration`. The text
    // is shrunk to nothing and hidden rather than `display: none`, which the editor cannot measure:
    // a tint starting beside such text is left out. `letterSpacing` makes the editor measure the line.
    this.hiddenType ??= vscode.window.createTextEditorDecorationType({
      textDecoration: 'none; font-size: 0; visibility: hidden;',
      letterSpacing: '0',
      opacity: '0',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    return this.hiddenType;
  }

  /** The type of text coded with a code of colour `colour` (`#rrggbb`). */
  tint(colour: string): vscode.TextEditorDecorationType {
    let type = this.tints.get(colour);
    if (!type) {
      const tint = this.style === 'tint' || this.style === 'both';
      const stripes = this.style === 'stripes' || this.style === 'both';
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: tint ? `${colour}33` : undefined,
        overviewRulerColor: stripes ? `${colour}cc` : undefined,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.tints.set(colour, type);
    }
    return type;
  }

  /**
   * The type of text coded with more than two codes at once: one underline per colour, stacked
   * below the text (inset box shadows, the first colour lowest), in place of blended tints.
   */
  stack(colours: readonly string[]): vscode.TextEditorDecorationType {
    const key = colours.join(',');
    let type = this.stacks.get(key);
    if (!type) {
      // The first shadow paints on top: each draws a band 2px higher than the one before it.
      const shadows = colours.map((colour, index) => `inset 0 -${2 * (index + 1)}px 0 ${colour}`).join(', ');
      type = vscode.window.createTextEditorDecorationType({
        // Like the hidden type, the CSS rides on `textDecoration`: no decoration option draws several underlines.
        textDecoration: `none; box-shadow: ${shadows}; padding-bottom: ${2 * colours.length}px;`,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.stacks.set(key, type);
    }
    return type;
  }

  /** The gutter type of a line coded with codes of these colours, one bar each, in order. */
  gutter(colours: readonly string[]): vscode.TextEditorDecorationType {
    const key = colours.join(',');
    let type = this.gutters.get(key);
    if (!type) {
      const bars = colours.map((colour, index) => `<rect x="${1 + index * 4}" y="0" width="3" height="16" fill="${colour}"/>`).join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" preserveAspectRatio="none">${bars}</svg>`;
      type = vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`),
        gutterIconSize: 'cover',
      });
      this.gutters.set(key, type);
    }
    return type;
  }

  /** Every type made so far (to clear them from an editor). */
  all(): vscode.TextEditorDecorationType[] {
    return [...this.tints.values(), ...this.gutters.values(), ...this.stacks.values(), ...(this.markupType ? [this.markupType] : []), ...(this.hiddenType ? [this.hiddenType] : [])];
  }

  dispose(): void {
    for (const type of this.all()) type.dispose();
    this.tints.clear();
    this.gutters.clear();
    this.stacks.clear();
    this.markupType = undefined;
    this.hiddenType = undefined;
  }
}
