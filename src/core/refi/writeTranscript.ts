import { stringify } from 'yaml';
import { insertCodings, type CodingRequest } from '../edit/insertCodings';
import { parseTranscript } from '../syntax/parseTranscript';

/** A coding to write, with the GUID of the selection it comes from. */
export interface TranscriptCoding extends CodingRequest {
  guid: string;
}

/** The Markdown of an imported transcript and what could not be written. */
export interface WrittenTranscript {
  markdown: string;
  /** GUIDs of selections written (trimmed ones included). */
  written: string[];
  /** Selections written with surrounding white space left out, so the markup can express them. */
  trimmed: { guid: string; from: [number, number]; to: [number, number] }[];
  /** Selections that could not be written, with the reason. */
  refused: { guid: string; reason: string }[];
  /** Problems with the whole text (e.g. it already contains `code` markup). */
  problems: string[];
}

function trim(text: string[], request: TranscriptCoding): TranscriptCoding | null {
  let { start, end } = request;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (start === end || (start === request.start && end === request.end)) return null;
  return { ...request, start, end };
}

/**
 * A Markdown transcript for an imported text: YAML front matter from
 * `attributes`, the text exactly as given as the body, and the codings
 * written into it by `insertCodings`. A coding the markup cannot express
 * (a boundary outside a paragraph, e.g. in a heading or on a blank line) is
 * first retried without its surrounding white space, else refused with the
 * reason; the rest are written. The result is parsed back to check that its
 * plain text is the text. Never throws.
 */
export function writeTranscript(text: string, attributes: Record<string, unknown>, codings: TranscriptCoding[]): WrittenTranscript {
  const frontMatter = `---\n${stringify(attributes, { lineWidth: 0 })}---\n`;
  const points = Array.from(text);
  const problems: string[] = [];
  const refused: WrittenTranscript['refused'] = [];
  const trimmed: WrittenTranscript['trimmed'] = [];
  let body = text;
  let kept: TranscriptCoding[] = [];
  // One attempt with every coding first: the usual case, and one parse instead of one per coding.
  const all = codings.length > 0 ? insertCodings(text, codings) : null;
  if (all && !all.ok && /already has `code` markup/.test(all.error)) {
    problems.push(`the text already contains \`code\` directive syntax, so its selections cannot be written (${all.error})`);
    for (const coding of codings) refused.push({ guid: coding.guid, reason: 'the text already contains `code` directive syntax' });
  } else if (all?.ok) {
    body = all.text;
  } else if (codings.length > 0) {
    for (const coding of codings) {
      const alone = insertCodings(text, [coding]);
      if (alone.ok) {
        kept.push(coding);
        continue;
      }
      const shorter = trim(points, coding);
      if (shorter && insertCodings(text, [shorter]).ok) {
        kept.push(shorter);
        trimmed.push({ guid: coding.guid, from: [coding.start, coding.end], to: [shorter.start, shorter.end] });
        continue;
      }
      refused.push({ guid: coding.guid, reason: `the markup cannot express it: ${alone.error}` });
    }
    let result = insertCodings(text, kept);
    if (!result.ok) {
      // Codings that work alone but not together: add them one by one.
      const together: TranscriptCoding[] = [];
      for (const coding of kept) {
        if (insertCodings(text, [...together, coding]).ok) together.push(coding);
        else refused.push({ guid: coding.guid, reason: 'the markup cannot express it together with the codings before it' });
      }
      kept = together;
      result = insertCodings(text, kept);
    }
    if (result.ok) body = result.text;
  }
  const markdown = frontMatter + body;
  const check = parseTranscript(markdown, { path: 'imported.md' });
  if (check.plainText !== text) problems.push('the plain text of the written transcript differs from the source text');
  const refusedGuids = new Set(refused.map((item) => item.guid));
  return { markdown, written: [...new Set(codings.map((coding) => coding.guid))].filter((guid) => !refusedGuids.has(guid)), trimmed, refused, problems };
}
