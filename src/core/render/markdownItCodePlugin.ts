import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { scanLabel, unescapeLabel } from '../syntax/labelEscapes';
import { scanDirectiveAttributes } from './scanDirectiveAttributes';
import { toPreviewCoding, type PreviewCoding } from './previewCoding';
import { codingAttributes, renderBadges, type CodeLookup, type FragmentPlace } from './previewMarkup';

/** Options of `markdownItCodePlugin`: the codebook lookups, both optional (default: palette colours, ids only). */
export type CodePluginOptions = CodeLookup;

/** Token type opening a coded span (`<mark>`); other plugins may match on it. */
export const EXCERPT_OPEN = 'mdqda_excerpt_open';
/** Token type closing a coded span; its renderer adds the badges. */
export const EXCERPT_CLOSE = 'mdqda_excerpt_close';
/** Token type opening a coded block (`<div>` with its badges first). */
export const BLOCK_OPEN = 'mdqda_block_open';
/** Token type closing a coded block. */
export const BLOCK_CLOSE = 'mdqda_block_close';

/** What a plugin token carries in `meta`: the coding, its fragment place, a container label. */
type CodingMeta = {
  coding: PreviewCoding;
  fragment: FragmentPlace | null;
  label?: string;
};

/** The coding meta of a plugin token. */
function metaOf(token: Token): CodingMeta {
  return token.meta as unknown as CodingMeta;
}

const COLON = 0x3a;
const NAME = 'code';
/** micromark's limits on a label: nested brackets (`linkResourceDestinationBalanceMax`) and escapes (`linkReferenceSizeMax`). */
const MAX_BALANCE = 32;
const MAX_ESCAPES = 999;

/**
 * Finds the label that starts after the `[` at `open`, as the directive
 * parser does: brackets balance (at most 32 deep), `\[ \] \\` are escapes.
 * Returns the offset of the closing `]`, or -1.
 */
function labelEnd(text: string, open: number, max: number, allowLineEndings: boolean): number {
  const scan = scanLabel(text, open + 1);
  if (scan.end === -1 || scan.end >= max || scan.escapes.length > MAX_ESCAPES) return -1;
  const escaped = new Set(scan.escapes);
  let depth = 0;
  for (let index = open + 1; index < scan.end; index++) {
    if (escaped.has(index)) {
      index++;
      continue;
    }
    const unit = text.charCodeAt(index);
    if (unit === 0x5b && ++depth > MAX_BALANCE) return -1;
    if (unit === 0x5d) depth--;
    if (!allowLineEndings && (unit === 0x0a || unit === 0x0d)) return -1;
  }
  return scan.end;
}

/** Whether the `:` at `pos` may start a text directive: not after another `:` unless that one is escaped. */
function mayStartDirective(text: string, pos: number): boolean {
  if (pos === 0 || text.charCodeAt(pos - 1) !== COLON) return true;
  return pos >= 2 && text.charCodeAt(pos - 2) === 0x5c;
}

/** Inline tokens whose content keeps backslashes (Markdown escapes do not apply inside them). */
const LITERAL_INLINE = new Set(['code_inline', 'html_inline']);

/**
 * The plain text undoes label escapes everywhere in a label, code spans
 * included, where Markdown would keep the backslash: undoes them in the code
 * spans and inline HTML of this label, from `first` on (the tokens of nested
 * codings were done by their own rule call, so each escape is undone once).
 */
function undoLabelEscapesInLiterals(tokens: Token[], first: number): void {
  let depth = 0;
  for (let index = first; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === EXCERPT_OPEN) depth++;
    else if (token.type === EXCERPT_CLOSE) depth--;
    else if (depth === 0 && LITERAL_INLINE.has(token.type)) token.content = unescapeLabel(token.content);
  }
}

/** Inline rule: `:code[label]{attributes}` (either part may be missing, not both). */
function codeDirective(state: StateInline, silent: boolean): boolean {
  const text = state.src;
  const start = state.pos;
  const max = state.posMax;
  if (text.charCodeAt(start) !== COLON || !text.startsWith(NAME, start + 1) || !mayStartDirective(text, start)) return false;
  let end = start + 1 + NAME.length;
  if (end >= max) return false;
  let labelStart = -1;
  let labelClose = -1;
  if (text.charCodeAt(end) === 0x5b) {
    const close = labelEnd(text, end, max, true);
    if (close !== -1) {
      labelStart = end + 1;
      labelClose = close;
      end = close + 1;
    }
  }
  let attributes: [string, string][] | null = null;
  if (end < max && text.charCodeAt(end) === 0x7b) {
    const scanned = scanDirectiveAttributes(text, end, true);
    if (scanned && scanned.end <= max) {
      attributes = scanned.attributes;
      end = scanned.end;
    }
  }
  // A bare `:code` (or `:codebook…`) is not a coding: it stays text, as in the plain text.
  if (labelStart === -1 && attributes === null) return false;
  if (!silent) {
    const meta: CodingMeta = { coding: toPreviewCoding(attributes ?? []), fragment: null };
    const open = state.push(EXCERPT_OPEN, 'mark', 1);
    open.meta = meta;
    open.markup = ':' + NAME;
    if (labelClose > labelStart) {
      // The label is inline Markdown of its own, as micromark reads it: its
      // emphasis cannot pair with text outside, and the label escapes `\[`,
      // `\]`, `\\` are Markdown escapes that show the character, as the plain text does.
      const first = state.tokens.length;
      state.pos = labelStart;
      state.posMax = labelClose;
      state.md.inline.tokenize(state);
      state.posMax = max;
      undoLabelEscapesInLiterals(state.tokens, first);
    }
    const close = state.push(EXCERPT_CLOSE, 'mark', -1);
    close.meta = meta;
  }
  state.pos = end;
  return true;
}

/** The opening fence `:::code[label]{attributes}` of the line at `start`…`max`, or null. */
function readOpeningFence(text: string, start: number, max: number): { colons: number; label: string | null; attributes: [string, string][] } | null {
  let pos = start;
  while (pos < max && text.charCodeAt(pos) === COLON) pos++;
  const colons = pos - start;
  if (colons < 3 || !text.startsWith(NAME, pos)) return null;
  pos += NAME.length;
  let label: string | null = null;
  if (pos < max && text.charCodeAt(pos) === 0x5b) {
    const close = labelEnd(text, pos, max, false);
    if (close === -1) return null;
    label = text.slice(pos + 1, close);
    pos = close + 1;
  }
  let attributes: [string, string][] = [];
  if (pos < max && text.charCodeAt(pos) === 0x7b) {
    const scanned = scanDirectiveAttributes(text, pos, false);
    if (!scanned || scanned.end > max) return null;
    attributes = scanned.attributes;
    pos = scanned.end;
  }
  while (pos < max && (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x09)) pos++;
  return pos === max ? { colons, label, attributes } : null;
}

/** Whether the line is a closing fence of at least `colons` colons. */
function isClosingFence(state: StateBlock, line: number, colons: number): boolean {
  const text = state.src;
  let pos = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  const start = pos;
  while (pos < max && text.charCodeAt(pos) === COLON) pos++;
  if (pos - start < colons) return false;
  while (pos < max && (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x09)) pos++;
  return pos === max;
}

/**
 * Block rule: `:::code{…}` … `:::`. The first line of at least as many colons
 * closes it (micromark's rule, so nested containers need longer outer fences);
 * an unclosed container runs to the end of its parent block.
 */
function codeContainer(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const fence = readOpeningFence(state.src, state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  if (!fence) return false;
  if (silent) return true;
  let nextLine = startLine;
  let closed = false;
  for (;;) {
    nextLine++;
    if (nextLine >= endLine) break;
    const lineStart = state.bMarks[nextLine] + state.tShift[nextLine];
    if (lineStart < state.eMarks[nextLine] && state.sCount[nextLine] < state.blkIndent) break;
    if (state.sCount[nextLine] - state.blkIndent >= 4) continue;
    if (isClosingFence(state, nextLine, fence.colons)) {
      closed = true;
      break;
    }
  }
  const meta: CodingMeta = { coding: toPreviewCoding(fence.attributes), fragment: null, label: fence.label === null ? undefined : unescapeLabel(fence.label) };
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = nextLine;
  const open = state.push(BLOCK_OPEN, 'div', 1);
  open.block = true;
  open.markup = ':'.repeat(fence.colons) + NAME;
  open.map = [startLine, nextLine];
  open.meta = meta;
  state.md.block.tokenize(state, startLine + 1, nextLine);
  const close = state.push(BLOCK_CLOSE, 'div', -1);
  close.block = true;
  close.markup = ':'.repeat(fence.colons);
  close.meta = meta;
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = nextLine + (closed ? 1 : 0);
  return true;
}

/** Every coding token of the document, in order (opening tokens only). */
function* openingTokens(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    if (token.type === EXCERPT_OPEN || token.type === BLOCK_OPEN) yield token;
    if (token.children) yield* openingTokens(token.children);
  }
}

/** Core rule: numbers the fragments that share an `id=` (crossing codings), in document order. */
function numberFragments(state: StateCore): void {
  const counts = new Map<string, number>();
  for (const token of openingTokens(state.tokens)) {
    const id = metaOf(token).coding.id;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  for (const token of openingTokens(state.tokens)) {
    const meta = metaOf(token);
    const id = meta.coding.id;
    if (!id) continue;
    const index = (seen.get(id) ?? 0) + 1;
    seen.set(id, index);
    meta.fragment = { index, count: counts.get(id) ?? 1 };
  }
}

/**
 * A markdown-it plugin for the Markdown preview: renders `:code[label]{…}` as
 * `<mark class="mdqda-excerpt" data-codes="T1 M3" …>label</mark>` followed by
 * code badges (`<sup class="mdqda-badges">`), and `:::code{…}` … `:::` as
 * `<div class="mdqda-block" …>` with its badges first. The label is rendered
 * as inline Markdown with the label escapes undone, so the preview shows the
 * plain text (SPEC §3) and drops none of it; everything from the transcript is
 * escaped. Codings nest; fragments sharing an `id=` are numbered. Malformed
 * markup stays literal text, as the index reads it. Colours come from
 * `options.colorOf` when it gives a CSS colour, else from a palette keyed by
 * the code id (`media/preview.css`).
 */
export function markdownItCodePlugin(md: MarkdownIt, options: CodePluginOptions = {}): void {
  const lookup: CodeLookup = options;
  md.inline.ruler.after('text', 'mdqda_code', codeDirective);
  md.block.ruler.before('fence', 'mdqda_code_container', codeContainer, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.push('mdqda_fragments', numberFragments);
  md.renderer.rules[EXCERPT_OPEN] = (tokens, index) => {
    const meta = metaOf(tokens[index]);
    return `<mark${codingAttributes('mdqda-excerpt', meta.coding, lookup, meta.fragment)}>`;
  };
  md.renderer.rules[EXCERPT_CLOSE] = (tokens, index) => {
    const meta = metaOf(tokens[index]);
    return `</mark>${renderBadges('sup', meta.coding, lookup, meta.fragment)}`;
  };
  md.renderer.rules[BLOCK_OPEN] = (tokens, index, _options, _env, self) => {
    const meta = metaOf(tokens[index]);
    const badges = renderBadges('div', meta.coding, lookup, meta.fragment, meta.label);
    return `<div${codingAttributes('mdqda-block', meta.coding, lookup, meta.fragment)}${self.renderAttrs(tokens[index])}>\n${badges ? badges + '\n' : ''}`;
  };
  md.renderer.rules[BLOCK_CLOSE] = () => '</div>\n';
}
