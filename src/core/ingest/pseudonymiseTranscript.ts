import { applyTextEdits, type TextEdit } from '../edit/textEdit';
import { parseTranscriptWithMap, type ParsedTranscript } from '../syntax/parseTranscript';

/** Names to replace: real name → pseudonym, as written in the map file. */
export type PseudonymMap = Map<string, string>;

/** The edits that pseudonymise one transcript, with counts, or why none may be written. */
export type PseudonymiseResult =
  | {
      ok: true;
      edits: TextEdit[];
      /** Replacements per name (names with none left out). */
      counts: Map<string, number>;
      /** Occurrences left alone, one sentence each (e.g. a name split by coding markup). */
      skipped: string[];
    }
  | { ok: false; error: string };

/** What a pseudonym may contain: it is written inside labels, turns and YAML values. */
const SAFE_PSEUDONYM = /^[\p{L}\p{N}][\p{L}\p{N} .'’_-]*$/u;

/** Why a map entry cannot be used, or null. */
export function pseudonymMapProblem(map: PseudonymMap): string | null {
  for (const [name, pseudonym] of map) {
    if (name.trim() !== name || name.length === 0) return `"${name}": a name must not start or end with white space`;
    if (!SAFE_PSEUDONYM.test(pseudonym)) return `"${pseudonym}" (for "${name}"): a pseudonym is letters, digits, spaces and . ' ’ _ -`;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Whole-word occurrences of the names in `text`, longest name first at each place, case as written. */
function* occurrences(text: string, names: string[]): Generator<{ start: number; end: number; name: string }> {
  if (names.length === 0) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}\\p{M}_])`, 'gu');
  for (const match of text.matchAll(pattern)) yield { start: match.index, end: match.index + match[0].length, name: match[0] };
}

/**
 * Replaces names by pseudonyms in one transcript (names as whole words, case
 * as written, the longest name first where names overlap): in its plain text
 * (turn labels included) and its front matter, never inside coding markup
 * (`memo="…"` and other attributes stay as written). An occurrence that
 * coding markup splits is left alone and listed. The result is parsed back:
 * every excerpt must keep its codes, coder and place around the same words,
 * else nothing is written. The plain text changes by design.
 */
export function pseudonymiseTranscript(text: string, parsed: ParsedTranscript, map: PseudonymMap): PseudonymiseResult {
  const problem = pseudonymMapProblem(map);
  if (problem) return { ok: false, error: problem };
  const names = [...map.keys()].sort((a, b) => b.length - a.length);
  const { map: plain, lines, facts } = parsed;
  const edits: TextEdit[] = [];
  const counts = new Map<string, number>();
  const skipped: string[] = [];
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  let expected = '';
  let cursor = 0;
  for (const found of occurrences(plain.text, names)) {
    const start = plain.plainToFile(found.start, 'after');
    const end = plain.plainToFile(found.end, 'before');
    if (text.slice(start, end) !== found.name) {
      skipped.push(`"${found.name}" at line ${lines.toLineColumn(start).line}: coding markup splits it`);
      continue;
    }
    const pseudonym = map.get(found.name) as string;
    edits.push({ start, end, newText: pseudonym });
    expected += plain.text.slice(cursor, found.start) + pseudonym;
    cursor = found.end;
    count(found.name);
  }
  expected += plain.text.slice(cursor);
  if (facts.frontMatter) {
    const yaml = facts.frontMatter.value;
    for (const found of occurrences(yaml, names)) {
      edits.push({ start: facts.frontMatter.offset + found.start, end: facts.frontMatter.offset + found.end, newText: map.get(found.name) as string });
      count(found.name);
    }
  }
  if (edits.length === 0) return { ok: true, edits, counts, skipped };
  const after = parseTranscriptWithMap(applyTextEdits(text, edits), { path: parsed.source.path, bom: parsed.source.bom });
  if (after.source.plainText !== expected) return { ok: false, error: 'replacing the names would change more of the text than the names' };
  const signature = (source: ParsedTranscript['source']) => source.excerpts.map((excerpt) => `${excerpt.codes.join(' ')}|${excerpt.coder ?? ''}|${excerpt.memo ?? ''}|${excerpt.fragments.length}`).join('\n');
  if (signature(after.source) !== signature(parsed.source)) return { ok: false, error: 'replacing the names would change the codings' };
  const problems = (source: ParsedTranscript['source']) => source.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (problems(after.source) > problems(parsed.source)) return { ok: false, error: 'replacing the names would break the front matter or the markup' };
  return { ok: true, edits, counts, skipped };
}
