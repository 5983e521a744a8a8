import { parseEntities } from 'parse-entities';

/** A stretch of a cue's text and the voice (`<v Name>`) it is in, if any. */
export interface CueSegment {
  voice: string | null;
  text: string;
}

/** Tags of WebVTT cue text (and the `<font>` SubRip files use); any other `<…>` is text (e.g. `<inaudible>`). */
const TAG = /<(\/?)(v|c|i|b|u|ruby|rt|lang|font|span)(?=[\s.>])((?:\.[^\s>]*)?)(?:\s+([^>]*))?>|<(\d{1,2}(?::\d{2}){1,2}\.\d{3})>|\{\\[^}\r\n]{1,40}\}/gi;

/**
 * Reads the text of one cue tolerantly: voice spans `<v Name>…</v>` (the
 * closing tag may be missing) give their speaker, other WebVTT tags,
 * `<font …>` and `{\an8}` overrides are dropped, character references
 * (`&amp;`, `&lt;`, `&#233;`) are decoded when `decode` is set (WebVTT), and a
 * `<` that starts no known tag stays as text, so nothing said is lost.
 * Line breaks inside the cue are kept as `\n`.
 */
export function readCueText(raw: string, decode: boolean): CueSegment[] {
  const segments: CueSegment[] = [];
  let voice: string | null = null;
  let text = '';
  let cursor = 0;
  const flush = () => {
    const decoded = decode && text.includes('&') ? parseEntities(text, { nonTerminated: false }) : text;
    if (decoded.length > 0) segments.push({ voice, text: decoded });
    text = '';
  };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(raw); match; match = TAG.exec(raw)) {
    text += raw.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    if (match[2]?.toLowerCase() === 'v') {
      flush();
      voice = match[1] === '/' ? null : (match[4] ?? '').trim() || null;
    }
  }
  text += raw.slice(cursor);
  flush();
  return segments;
}
