import { isMap, isNode, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { CODE_ID_PATTERN } from '../../codebook/codebookFile';
import { createTextLocator, type TextLocator } from '../../codebook/textLocator';
import type { Diagnostic, Severity } from '../../model/diagnostic';
import { spanOfRef } from './spanOfRef';
import type { IdRef, ParsedWorkshop, Workshop, WorkshopParticipant } from './workshop';

const TOP_KEYS = ['title', 'date', 'step', 'votesEach', 'candidates', 'participants', 'notes'];
const PARTICIPANT_KEYS = ['id', 'name', 'votes', 'inner', 'outer', 'notes'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Context {
  locator: TextLocator;
  diagnostics: Diagnostic[];
}

function spanOf(node: YamlNode | null | undefined, fallback: number): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [fallback, fallback];
}

function report(context: Context, severity: Severity, ruleId: string, message: string, node: YamlNode | null | undefined, fallback = 0): void {
  const [start, end] = spanOf(node, fallback);
  context.diagnostics.push(context.locator.diagnostic(severity, ruleId, message, start, end));
}

function valueOf(pair: Pair): YamlNode | null {
  return isNode(pair.value) ? pair.value : null;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== 'object' ? String(pair.key.value) : undefined;
}

/** Text of a scalar (a number or date is read as written); null for empty; a list or mapping is reported. */
function readText(context: Context, node: YamlNode | null, what: string): string | null {
  if (node === null) return null;
  if (isScalar(node)) {
    if (node.value === null) return null;
    const source = (node as { source?: unknown }).source;
    return typeof source === 'string' ? source : String(node.value);
  }
  report(context, 'warning', 'wrong-type', `${what} must be text, not a ${isSeq(node) ? 'list' : 'mapping'}`, node);
  return null;
}

/** A list of ids (a single id is a list of one); bad items are reported and left out. */
function readIds(context: Context, node: YamlNode | null, what: string, fallback: number): IdRef[] {
  if (node === null) return [];
  const items = isSeq(node) ? node.items : [node];
  const ids: IdRef[] = [];
  for (const item of items) {
    const itemNode = isNode(item) ? item : null;
    if (!isScalar(itemNode) || itemNode.value === null) {
      report(context, 'error', 'wrong-type', `each entry of ${what} must be a code id`, itemNode, spanOf(node, fallback)[0]);
      continue;
    }
    const id = String(itemNode.value);
    const [start] = spanOf(itemNode, fallback);
    if (!CODE_ID_PATTERN.test(id)) {
      report(context, 'error', 'bad-id', `'${id}' in ${what} is not a code id (a letter, then letters, digits, '_' or '-')`, itemNode);
      continue;
    }
    if (ids.some((ref) => ref.id === id)) {
      report(context, 'warning', 'duplicate-entry', `${id} is listed twice in ${what}; it counts once`, itemNode);
      continue;
    }
    ids.push({ id, origin: context.locator.origin(start) });
  }
  return ids;
}

function reportUnknownKey(context: Context, pair: Pair, key: string, known: string[], where: string): void {
  const near = known.find((name) => name.toLowerCase() === key.toLowerCase() || name.toLowerCase().startsWith(key.toLowerCase().slice(0, 4)));
  const hint = near ? ` (did you mean '${near}'?)` : ` (known: ${known.join(', ')})`;
  report(context, 'warning', 'unknown-key', `unknown key '${key}' in ${where}, ignored${hint}`, isNode(pair.key) ? pair.key : null);
}

function readParticipant(context: Context, node: YamlNode | null, fallback: number): WorkshopParticipant | null {
  if (!isMap(node)) {
    report(context, 'error', 'wrong-type', 'a participant must be a mapping with an `id:`', node, fallback);
    return null;
  }
  const [start] = spanOf(node, fallback);
  const participant: WorkshopParticipant = { id: '', name: null, votes: [], inner: [], outer: [], notes: null, origin: context.locator.origin(start) };
  let idNode: YamlNode | null = null;
  for (const pair of node.items) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const value = valueOf(pair);
    switch (key) {
      case 'id':
        idNode = value;
        participant.id = readText(context, value, 'a participant id') ?? '';
        break;
      case 'name':
        participant.name = readText(context, value, 'a participant name');
        break;
      case 'votes':
      case 'inner':
      case 'outer':
        participant[key] = readIds(context, value, `the ${key} of this participant`, start);
        break;
      case 'notes':
        participant.notes = readText(context, value, 'notes');
        break;
      default:
        reportUnknownKey(context, pair, key, PARTICIPANT_KEYS, 'a participant');
    }
  }
  if (participant.id.trim() === '') {
    report(context, 'error', 'missing-participant-id', 'a participant has no `id:`; give each participant a short unique id', idNode ?? node);
    return null;
  }
  participant.id = participant.id.trim();
  return participant;
}

/**
 * Reads a workshop file (YAML, docs/workshop.md). Never throws for user
 * input: every problem is a diagnostic at its file, line and column. Errors
 * mean the tally cannot be trusted (YAML errors, no candidates, a participant
 * without id or listed twice, an id on a participant's list that is not a
 * candidate, a card in both circles); warnings leave it sound (an unknown
 * key, an id listed twice in one list, more votes than `votesEach`, a
 * malformed date). What could be read is returned either way.
 */
export function parseWorkshop(text: string, path: string): ParsedWorkshop {
  const context: Context = { locator: createTextLocator(text, path), diagnostics: [] };
  const workshop: Workshop = { path, title: null, date: null, step: null, votesEach: null, candidates: [], participants: [], notes: null };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    context.diagnostics.push(context.locator.diagnostic('error', 'yaml-syntax', `YAML: ${error.message.split('\n')[0]}`, error.pos[0], error.pos[1]));
  }
  const root = doc.contents;
  if (!isMap(root)) {
    report(context, 'error', 'wrong-type', 'a workshop file must be a mapping with `candidates:` and `participants:`', root);
    return { workshop, diagnostics: context.diagnostics };
  }
  let candidatesNode: YamlNode | null = null;
  let participantsNode: YamlNode | null = null;
  for (const pair of root.items) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const value = valueOf(pair);
    switch (key) {
      case 'title':
        workshop.title = readText(context, value, 'title');
        break;
      case 'notes':
        workshop.notes = readText(context, value, 'notes');
        break;
      case 'step':
        workshop.step = readText(context, value, 'step');
        break;
      case 'date': {
        const date = readText(context, value, 'date');
        if (date !== null && !DATE.test(date)) report(context, 'warning', 'bad-date', `date '${date}' is not YYYY-MM-DD; it is left out`, value);
        else workshop.date = date;
        break;
      }
      case 'votesEach': {
        const written = readText(context, value, 'votesEach');
        if (written !== null && !/^[1-9]\d*$/.test(written)) report(context, 'warning', 'wrong-type', `votesEach must be a whole number above 0, got '${written}'`, value);
        else if (written !== null) workshop.votesEach = Number(written);
        break;
      }
      case 'candidates':
        candidatesNode = value;
        if (value !== null && !isSeq(value)) report(context, 'error', 'wrong-type', '`candidates:` must be a list of code ids', value);
        else workshop.candidates = readIds(context, value, 'the candidates', spanOf(root, 0)[0]);
        break;
      case 'participants':
        participantsNode = value;
        if (value !== null && !isSeq(value)) {
          report(context, 'error', 'wrong-type', '`participants:` must be a list', value);
        } else if (isSeq(value)) {
          for (const item of value.items) {
            const participant = readParticipant(context, isNode(item) ? item : null, spanOf(value, 0)[0]);
            if (participant) workshop.participants.push(participant);
          }
        }
        break;
      default:
        reportUnknownKey(context, pair, key, TOP_KEYS, 'the workshop');
    }
  }
  if (workshop.candidates.length === 0) {
    report(context, 'error', 'no-candidates', 'the workshop names no candidates: list the code ids on the cards under `candidates:`', candidatesNode ?? root);
  }
  if (participantsNode === null || workshop.participants.length === 0) {
    report(context, 'warning', 'no-participants', 'the workshop has no participants: nothing to tally', participantsNode ?? root);
  }
  checkParticipants(context, workshop);
  return { workshop, diagnostics: context.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** A diagnostic at a participant's entry, or spanning the id of an {@link IdRef} (which it then names). */
function at(context: Context, severity: Severity, ruleId: string, message: string, ref: { origin: { line: number; column: number } }): void {
  context.diagnostics.push({ path: context.locator.path, ...spanOfRef(ref), severity, ruleId, message });
}

/** Checks across participants: unique ids, ids that are candidates, one circle per card, the vote limit. */
function checkParticipants(context: Context, workshop: Workshop): void {
  const candidates = new Set(workshop.candidates.map((ref) => ref.id));
  const seen = new Map<string, WorkshopParticipant>();
  const kept: WorkshopParticipant[] = [];
  for (const participant of workshop.participants) {
    const first = seen.get(participant.id);
    if (first) {
      at(context, 'error', 'duplicate-participant', `participant '${participant.id}' is listed twice (first at line ${first.origin.line}); merge the two entries`, participant);
      continue;
    }
    seen.set(participant.id, participant);
    kept.push(participant);
    for (const list of ['votes', 'inner', 'outer'] as const) {
      participant[list] = participant[list].filter((ref) => {
        if (candidates.size === 0 || candidates.has(ref.id)) return true;
        at(context, 'error', 'not-a-candidate', `${ref.id} in the ${list} of ${participant.id} is not one of the candidates (${[...candidates].join(', ')})`, ref);
        return false;
      });
    }
    const inner = new Set(participant.inner.map((ref) => ref.id));
    const both = participant.outer.filter((ref) => inner.has(ref.id));
    for (const ref of both) {
      at(context, 'error', 'both-circles', `${participant.id} placed ${ref.id} in both the inner and the outer circle; a card goes in one`, ref);
    }
    if (both.length > 0) {
      const twice = new Set(both.map((ref) => ref.id));
      participant.inner = participant.inner.filter((ref) => !twice.has(ref.id));
      participant.outer = participant.outer.filter((ref) => !twice.has(ref.id));
    }
    if (workshop.votesEach !== null && participant.votes.length > workshop.votesEach) {
      const extra = participant.votes[workshop.votesEach];
      if (extra) at(context, 'warning', 'too-many-votes', `${participant.id} has ${participant.votes.length} votes, more than votesEach (${workshop.votesEach}); all are counted`, extra);
    }
  }
  workshop.participants = kept;
}
