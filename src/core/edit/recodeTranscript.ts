import type { Source } from '../model/source';
import { LineIndex } from '../syntax/lineIndex';
import type { DirectiveFact } from '../syntax/transcriptFacts';
import { readAttributeBlock } from './attributeBlock';
import { editAttributeBlock } from './editAttributeBlock';
import type { EditResult, TextEdit } from './textEdit';
import { readOnlyError } from './readOnlyError';
import { NESTING_RULE } from '../syntax/nestingLimit';

/** Code ids to replace: old id → new id. Several old ids may map to one (a merge). */
export type CodeMapping = ReadonlyMap<string, string>;

/** What recoding needs of a transcript: a parse (`ParsedTranscript` fits) or `directivesOfSource`. */
export interface RecodeTarget {
  source: Source;
  facts: { directives: DirectiveFact[] };
}

/**
 * Renames codes in every `code` directive of a transcript (or only in the
 * directives starting at the offsets in `only`, for a split), as edits of the
 * class tokens alone. Classes that become duplicates collapse into the first.
 * A file without any of the codes gives no edits. Refuses a read-only file
 * that would change, a directive whose attributes the tool cannot read, and
 * a file refused for its nesting whose text has a class token of an old code.
 */
export function recodeTranscript(text: string, parsed: RecodeTarget, mapping: CodeMapping, only?: ReadonlySet<number>): EditResult {
  if (parsed.source.diagnostics.some((diagnostic) => diagnostic.ruleId === NESTING_RULE)) {
    // The file was not read, so its codings are unknown: any class token of an old code may be one.
    const used = [...mapping.keys()].find((code) => new RegExp(`\\.${code}(?![A-Za-z0-9_-])`).test(text));
    if (used !== undefined) return { ok: false, error: `${readOnlyError(parsed.source)}, and its text may use \`${used}\`` };
  }
  const edits: TextEdit[] = [];
  for (const fact of parsed.facts.directives) {
    if (only && !only.has(fact.start)) continue;
    const classes = (fact.attributes.class ?? '').split(/\s+/);
    if (!classes.some((code) => mapping.has(code))) continue;
    const block = readAttributeBlock(text, fact);
    if (!block) {
      const line = new LineIndex(text).toLineColumn(fact.start).line;
      return { ok: false, error: `${parsed.source.path}:${line}: the attributes of this coding are not in a form the tool can edit`, offset: fact.start };
    }
    edits.push(...editAttributeBlock(block, { renameCodes: mapping }));
  }
  if (edits.length > 0 && !parsed.source.writable) {
    return { ok: false, error: `${parsed.source.path} uses the codes but is read-only for the tool (it is not valid UTF-8)` };
  }
  return { ok: true, edits: edits.sort((a, b) => a.start - b.start || a.end - b.end) };
}
