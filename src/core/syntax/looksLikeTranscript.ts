/** `:code` not followed by another id character: a file that may hold codings. */
const CODE_MARKUP = /:code(?![A-Za-z0-9_-])/;

/** Longest front matter looked at for an `id:` line (a transcript's front matter is short). */
const FRONT_MATTER_LIMIT = 16_384;

/**
 * Whether the text starts with front matter (`---` on the first line, after an optional BOM,
 * closed by `---` or `...`) that has an `id:` key with a value: a transcript that names its
 * source id, as `mdqda import-transcripts` writes it, even before anything in it is coded.
 */
export function declaresSourceId(text: string): boolean {
  const head = text.slice(0, FRONT_MATTER_LIMIT);
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(head);
  if (!open) return false;
  for (const line of head.slice(open[0].length).split(/\r?\n/)) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return false;
    if (/^id[ \t]*:[ \t]*\S/.test(line)) return true;
  }
  return false;
}

/**
 * Whether a Markdown file found by searching a folder is taken as a transcript: it mentions
 * `:code` (the parse then says whether it codes anything), or its front matter names its source
 * `id:` (an imported transcript not coded yet).
 */
export function looksLikeTranscript(text: string): boolean {
  return CODE_MARKUP.test(text) || declaresSourceId(text);
}
