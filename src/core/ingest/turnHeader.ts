import { TIMESTAMP_SOURCE, parseTimestamp } from './timestamps';

/** A speaker label found at the start of a line or paragraph. */
export interface TurnHeader {
  speaker: string | null;
  time: number | null;
  /** How many UTF-16 units of the (trimmed-start) text the label takes, white space after it included. */
  length: number;
  /**
   * `strong` for the header styles that cannot be ordinary speech (`[Name] 11:02:09`,
   * `Name (00:01:23):`, `Speaker 1  0:03`, a timestamp before `Name:`); `weak` for a bare
   * `Name:`, which the caller accepts only when the name recurs (see `assembleTurns`).
   */
  strength: 'strong' | 'weak';
}

const TS = `(${TIMESTAMP_SOURCE})`;
/** A name of one to five words; the first starts with a letter or digit. */
const NAME = String.raw`([\p{L}\p{N}][\p{L}\p{N}.'’&/_-]*(?:[ \t][\p{L}\p{N}.'’&/_()-]+){0,4})`;
/** The bare `Name:` of SPEC §3 (parentheses allowed, as the transcript parser allows them). */
const WEAK_NAME = String.raw`([\p{L}\p{N}][\p{L}\p{N}.'’&/_()-]*(?:[ \t][\p{L}\p{N}.'’&/_()-]+){0,4})`;

const BRACKETED = new RegExp(String.raw`^\[([^\]\r\n]{1,60})\][ \t]+${TS}(?=\s|$)[ \t]*`, 'u');
const NAME_THEN_TIME = new RegExp(String.raw`^${NAME}[ \t]*[(\[]${TS}[)\]][ \t]*:?(?=\s|$)[ \t]*`, 'u');
const NAME_SPACES_TIME = new RegExp(String.raw`^${NAME}(?:[ \t]{2,}|\t)${TS}[ \t]*$`, 'u');
const NAME_SPACE_TIME = new RegExp(String.raw`^${NAME}[ \t]${TS}[ \t]*$`, 'u');
/** A timestamp opening the line: `[00:01:23]`, `(00:01:23)`, `{00:01:23}`, `#00:01:23.120#` (QualCoder) or bare. */
const TIME_FIRST = new RegExp(String.raw`^(?:[\[({]${TS}[\])}]|#${TS}#|${TS})[ \t]*(?:[-–—][ \t]*)?`, 'u');
const WEAK = new RegExp(String.raw`^${WEAK_NAME}[ \t]*:(?=[ \t]|$)[ \t]*`, 'u');

/** Words a bare `Name:` label may not be: they start ordinary sentences or links. */
const NOT_NAMES = /^(https?|ftp|mailto|file|note|nb|ps|e\.?g|i\.?e|re|see|tel|www)$/i;

function capitalised(name: string): boolean {
  return name.split(/[ \t]+/).every((word) => /^[\p{Lu}\p{Lt}\p{N}]/u.test(word));
}

function weakAt(text: string, from: number, time: number | null): TurnHeader | null {
  const match = WEAK.exec(text.slice(from));
  if (!match) return null;
  const speaker = match[1].trim();
  if (NOT_NAMES.test(speaker) || parseTimestamp(speaker) !== null) return null;
  return { speaker, time, length: from + match[0].length, strength: time === null ? 'weak' : 'strong' };
}

/**
 * The speaker label at the start of `text` (leading white space ignored), in
 * the styles transcripts use: `[Name] 11:02:09`, `Name (00:01:23):`,
 * `Speaker 1  0:03` (alone on its line), `00:01:23 Name:`, `[00:01:23] Name:`,
 * `{00:01:23} Name:` or `#00:01:23.120# Name:` (QualCoder),
 * and a bare `Name:` (weak). A timestamp alone at the start gives a header
 * without speaker. Null when the text starts with none of them.
 */
export function readTurnHeader(text: string): TurnHeader | null {
  const lead = text.length - text.trimStart().length;
  const body = text.slice(lead);
  let match = BRACKETED.exec(body);
  if (match && parseTimestamp(match[2]) !== null) {
    return { speaker: match[1].trim(), time: parseTimestamp(match[2]), length: lead + match[0].length, strength: 'strong' };
  }
  match = NAME_THEN_TIME.exec(body);
  if (match) return { speaker: match[1].trim(), time: parseTimestamp(match[2]), length: lead + match[0].length, strength: 'strong' };
  match = NAME_SPACES_TIME.exec(body) ?? NAME_SPACE_TIME.exec(body);
  if (match && (match[0].includes('  ') || match[0].includes('\t') || capitalised(match[1]))) {
    return { speaker: match[1].trim(), time: parseTimestamp(match[2]), length: lead + match[0].length, strength: 'strong' };
  }
  match = TIME_FIRST.exec(body);
  if (match) {
    const time = parseTimestamp(match[1] ?? match[2] ?? match[3]);
    if (time !== null) {
      const labelled = weakAt(body, match[0].length, time);
      if (labelled) return { ...labelled, length: lead + labelled.length };
      return { speaker: null, time, length: lead + match[0].length, strength: 'strong' };
    }
  }
  const weak = weakAt(body, 0, null);
  return weak ? { ...weak, length: lead + weak.length } : null;
}
