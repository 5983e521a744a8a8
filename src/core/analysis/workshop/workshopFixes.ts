import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { CODE_ID_PATTERN } from '../../codebook/codebookFile';
import type { TextEdit } from '../../edit/textEdit';

/** One quick fix of a workshop-file problem: exact edits of the file's text. */
export interface WorkshopFix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor offers first. */
  preferred: boolean;
}

/** The problem to fix: its rule, message and where it starts (a UTF-16 offset into `text`). */
export interface WorkshopProblem {
  ruleId: string;
  message: string;
  offset: number;
}

const NEAR_KEY = /did you mean '([A-Za-z]+)'\?/;

/** The code id written at `offset`, with its end, or undefined. */
function idAt(text: string, offset: number): { id: string; end: number } | undefined {
  const match = /^[^\s,[\]{}#:]+/.exec(text.slice(offset));
  if (!match || !CODE_ID_PATTERN.test(match[0])) return undefined;
  return { id: match[0], end: offset + match[0].length };
}

/**
 * The edit that removes the list entry `[start, end)`: in a flow list
 * (`[A, B]`) with one comma and the spaces after it, in a block list its
 * whole `- B` line, and a lone value (`votes: B`) becomes `[]`. Undefined
 * when the entry is written some other way.
 */
export function removeListEntry(text: string, start: number, end: number): TextEdit | undefined {
  let left = start;
  while (left > 0 && (text[left - 1] === ' ' || text[left - 1] === '\t')) left -= 1;
  let right = end;
  while (right < text.length && (text[right] === ' ' || text[right] === '\t')) right += 1;
  if (text[right] === ',') {
    let after = right + 1;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after += 1;
    return { start, end: after, newText: '' };
  }
  if (text[left - 1] === ',') return { start: left - 1, end, newText: '' };
  if (text[left - 1] === '[' && text[right] === ']') return { start, end, newText: '' };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (/^\s*#.*$|^\s*$/.test(after) && /^\s*-\s+$/.test(before)) return { start: lineStart, end: newline < 0 ? lineEnd : newline + 1, newText: '' };
  if (/^\s*$/.test(after) && /:\s+$/.test(before)) return { start, end, newText: '[]' };
  return undefined;
}

/** The edit that adds `id` to the `candidates:` list (flow or block), or undefined when there is no such list. */
export function addCandidate(text: string, id: string): TextEdit | undefined {
  const root = parseDocument(text).contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'candidates');
  const list = pair?.value;
  if (!isSeq(list) || !list.range) return undefined;
  if (list.flow) {
    const close = text.lastIndexOf(']', list.range[1]);
    if (close < list.range[0]) return undefined;
    return { start: close, end: close, newText: list.items.length > 0 ? `, ${id}` : id };
  }
  const last = list.items[list.items.length - 1];
  const first = list.items[0];
  if (!isScalar(last) || !last.range || !isScalar(first) || !first.range) return undefined;
  const firstLine = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  const dash = /^([ \t]*)-[ \t]+/.exec(text.slice(firstLine, first.range[0]));
  if (!dash) return undefined;
  return { start: last.range[1], end: last.range[1], newText: `\n${dash[1]}- ${id}` };
}

/**
 * Quick fixes for a problem of a workshop file (docs/workshop.md): remove an
 * id that is not a candidate from its list, or add it to the candidates;
 * drop the second of an id listed twice; take a card out of the outer circle
 * when it is in both; rename an unknown key to the one it resembles. Empty
 * when the problem has no safe fix or the text at `offset` is not what the
 * problem names (the file changed since).
 */
export function workshopFixes(text: string, problem: WorkshopProblem): WorkshopFix[] {
  const fixes: WorkshopFix[] = [];
  if (problem.ruleId === 'unknown-key') {
    const near = NEAR_KEY.exec(problem.message)?.[1];
    const key = /^[A-Za-z_][\w-]*/.exec(text.slice(problem.offset))?.[0];
    if (near && key && key !== near) fixes.push({ title: `Rename '${key}' to '${near}'`, edits: [{ start: problem.offset, end: problem.offset + key.length, newText: near }], preferred: true });
    return fixes;
  }
  const found = idAt(text, problem.offset);
  // The message names the id (checked so a fix never removes text the file no longer has there).
  const named = found && (problem.message.startsWith(`${found.id} `) || problem.message.includes(` placed ${found.id} `));
  if (!found || !named) return fixes;
  const remove = removeListEntry(text, problem.offset, found.end);
  if (problem.ruleId === 'not-a-candidate') {
    const add = addCandidate(text, found.id);
    if (add) fixes.push({ title: `Add ${found.id} to the candidates`, edits: [add], preferred: true });
    if (remove) fixes.push({ title: `Remove ${found.id} from this list`, edits: [remove], preferred: !add });
  } else if (problem.ruleId === 'duplicate-entry' && remove) {
    fixes.push({ title: `Remove the second ${found.id}`, edits: [remove], preferred: true });
  } else if (problem.ruleId === 'both-circles' && remove) {
    fixes.push({ title: `Keep ${found.id} in the inner circle only`, edits: [remove], preferred: true });
  }
  return fixes;
}
