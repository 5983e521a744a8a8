import { speakerAt } from '../syntax/speakerTurns';

/** Characters that are markup wherever they stand (emphasis, code, links, HTML, strikethrough, escapes). */
const ANYWHERE = /[\\`*_[\]<~]|&(?=#?[A-Za-z0-9]+;)|:(?=[A-Za-z:])/g;
/** Markup that starts a block when it opens a line: headings, quotes, lists, breaks, setext lines, directives, tables. */
const LINE_START = /^(?:[#>+=|:-]|\d{1,9}(?=[.)](?: |$)))/;

/**
 * Escapes a run of transcript text so that Markdown (CommonMark with GFM and
 * generic directives) shows it as it is: `\`, `` ` ``, `*`, `_`, `[`, `]`,
 * `<`, `~`, an `&` that would start a character reference and a `:` that
 * would start a directive anywhere; a `#`, `>`, `-`, `+`, `=`, `|`, `:` or
 * list number (`1.`, `2)`) that opens the line when `lineStart` is set.
 * Expects text without line breaks and without leading white space when
 * `lineStart` is set (see `normaliseSpace`).
 */
export function escapeTranscriptText(text: string, lineStart: boolean): string {
  const escaped = text.replace(ANYWHERE, '\\$&');
  if (!lineStart) return escaped;
  const opening = LINE_START.exec(escaped);
  if (!opening) return escaped;
  // A number keeps its digits and has the `.` or `)` after them escaped.
  return /^\d/.test(opening[0]) ? `${opening[0]}\\${escaped.slice(opening[0].length)}` : `\\${escaped}`;
}

/**
 * Escapes the `:` of a bare `Name:` at the start of a paragraph that is no
 * turn, so the transcript parser does not read it as one (SPEC §3).
 */
export function escapeTurnLabel(paragraph: string): string {
  if (speakerAt(paragraph) === null) return paragraph;
  const colon = /^[^:]*:/.exec(paragraph);
  return colon ? `${colon[0].slice(0, -1)}\\:${paragraph.slice(colon[0].length)}` : paragraph;
}

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Text as one line: each run of spaces, tabs and line breaks becomes one
 * space, other control characters (NUL, form feed, escape…) are dropped,
 * and `trim` removes white space at both ends.
 */
export function normaliseSpace(text: string, trim: boolean): string {
  const clean = CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
  // Only runs that are not already one space are replaced: most spaces are.
  const single = clean.replace(/[\t\n\v\f\r][\t\n\v\f\r ]*| [\t\n\v\f\r ]+/g, ' ');
  return trim ? single.trim() : single;
}
