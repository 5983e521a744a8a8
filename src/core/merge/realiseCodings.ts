import { codeRange } from '../edit/codeRange';
import { applyTextEdits } from '../edit/textEdit';
import { uncode } from '../edit/uncode';
import { parseTranscriptWithMap, type ParsedTranscript } from '../syntax/parseTranscript';
import { codingSlots, slotKey, slotValueKey, type CodingSlot } from './codingIdentity';
import { writeCodingsInRounds, type CodingAddition } from './writeCodingsInRounds';

/** The text with the target codings, or why the edit engine cannot write them (the caller falls back). */
export type RealiseResult = { ok: true; text: string } | { ok: false; error: string };


/**
 * Turns the codings of `text` (a transcript without byte order mark) into
 * `target`, by the edit engine alone: every slot whose excerpts differ from
 * the target is uncoded, then each target coding of those slots is coded
 * again with `codeRange` (nesting, fragments and escapes as the engine writes
 * them). Slots that already match are not touched, byte for byte. The plain
 * text never changes. Fails (nothing half done is returned) when the engine
 * refuses an edit, when a coding would read back on another range, or when a
 * coding to write carries attributes other than codes, coder, memo and
 * exemplar (the engine does not write those). `parsed` is `text` parsed with
 * this `path`, when the caller has it.
 *
 * Codings that do not touch each other are written together from one parse
 * (see `writeCodingsInRounds`); when the result does not read back as the target,
 * they are written one by one, each from a fresh parse.
 */
export function realiseCodings(text: string, path: string, target: ReadonlyMap<string, CodingSlot>, parsed?: ParsedTranscript): RealiseResult {
  const parse = (body: string): ParsedTranscript => parseTranscriptWithMap(body, { path, bom: false });
  parsed ??= parse(text);
  const current = codingSlots(parsed.source.excerpts);
  const changed = new Set<string>();
  for (const key of new Set([...current.keys(), ...target.keys()])) {
    if (slotValueKey(current.get(key)?.values ?? []) !== slotValueKey(target.get(key)?.values ?? [])) changed.add(key);
  }
  if (changed.size === 0) return { ok: true, text };

  for (let budget = parsed.source.excerpts.length; budget >= 0; budget--) {
    const excerpt = parsed.source.excerpts.find((candidate) => changed.has(slotKey(candidate.coder, candidate.start, candidate.end)));
    if (!excerpt) break;
    if (budget === 0) return { ok: false, error: `cannot remove the excerpt at line ${excerpt.line}` };
    const result = uncode(text, parsed, excerpt);
    if (!result.ok) return { ok: false, error: `line ${excerpt.line}: ${result.error}` };
    text = applyTextEdits(text, result.edits);
    parsed = parse(text);
  }

  const additions: CodingAddition[] = [];
  const slots = [...changed]
    .map((key) => target.get(key))
    .filter((slot): slot is CodingSlot => slot !== undefined)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const slot of slots) {
    for (const value of slot.values) {
      if (value.attributes.length > 0) return { ok: false, error: `a coding at ${slot.start}–${slot.end} has attributes the merge does not write (${value.attributes.map(([name]) => name).join(', ')})` };
      additions.push({ slot, request: { start: slot.start, end: slot.end, codes: value.codes, coder: slot.coder, memo: value.memo, exemplar: value.exemplar } });
    }
  }
  const together = writeCodingsInRounds(text, parsed, additions);
  if (together !== undefined && readsAs(together.parsed, target)) return { ok: true, text: together.text };

  for (const { slot, request } of additions) {
    const result = codeRange(text, parsed, request);
    if (!result.ok) return { ok: false, error: `the coding at ${slot.start}–${slot.end}: ${result.error}` };
    if (result.start !== slot.start || result.end !== slot.end) return { ok: false, error: `the coding at ${slot.start}–${slot.end} would read back at ${result.start}–${result.end}` };
    text = applyTextEdits(text, result.edits);
    parsed = parse(text);
  }
  return { ok: true, text };
}

/** Whether a parse holds exactly the target codings. */
function readsAs(parsed: ParsedTranscript, target: ReadonlyMap<string, CodingSlot>): boolean {
  const slots = codingSlots(parsed.source.excerpts);
  if (slots.size !== target.size) return false;
  for (const [key, slot] of target) {
    if (slotValueKey(slots.get(key)?.values ?? []) !== slotValueKey(slot.values)) return false;
  }
  return true;
}
