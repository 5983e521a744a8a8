import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import type { Diagnostic } from '../model/diagnostic';
import type { Citation, HistoryEntry } from '../model/codebook';
import { CODE_ID_PATTERN, HISTORY_ACTIONS } from './codebookFile';
import type { CodeEntry, CodebookFile, Reference } from './codebookFile';
import { editDistance } from './editDistance';
import { createTextLocator } from './textLocator';
import type { TextLocator } from './textLocator';

const TOP_KEYS = ['source', 'extends', 'drop', 'codes', 'history'];
const CODE_KEYS = [
  'id',
  'name',
  'description',
  'color',
  'parent',
  'group',
  'level',
  'aliases',
  'example',
  'history',
  'children',
];
const HISTORY_KEYS = ['action', 'from', 'to', 'date', 'step', 'note'];
const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What `parseCodebook` returns: the file as written, and the problems found in it. */
export interface ParsedCodebook {
  file: CodebookFile;
  diagnostics: Diagnostic[];
}

/** Shared state of one parse. */
interface Context {
  text: string;
  locator: TextLocator;
  diagnostics: Diagnostic[];
}

/**
 * Deepest nesting of `children:` lists read (a code in the top-level `codes:`
 * list is at depth 0). Deeper codes are left out with a `nesting-too-deep`
 * error: the YAML reader itself gives up a few hundred levels down, and a
 * deeper hierarchy can be written flat with `parent:`, at any depth.
 */
export const MAX_CHILDREN_NESTING = 64;

/**
 * Parses the YAML text of one codebook file (format: docs/codebook.md).
 *
 * Never throws. YAML syntax errors (`yaml-syntax`), values of the wrong type
 * (`wrong-type`), missing or malformed ids (`missing-id`, `bad-id`), bad
 * colours (`bad-color`), malformed history entries (`bad-history`),
 * `children:` nested deeper than {@link MAX_CHILDREN_NESTING} or too deep for
 * the YAML reader (`nesting-too-deep`, the deeper codes left out) are
 * errors; unknown keys are warnings (`unknown-key`) and are kept in `extra`.
 * A code without a valid id is left out, with its nested children. A missing
 * `name` is not reported here, because an entry may override an inherited
 * code: `mergeCodebooks` reports it (`missing-name`). Every diagnostic carries
 * `path` as given, 1-based line and code-point column.
 */
export function parseCodebook(text: string, path: string): ParsedCodebook {
  const context: Context = { text, locator: createTextLocator(text, path), diagnostics: [] };
  const file: CodebookFile = {
    path,
    source: null,
    extends: [],
    drop: [],
    codes: [],
    history: [],
    extra: {},
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const message = error.message.split('\n')[0] ?? error.message;
    // The reader reports running out of stack on very deep nesting as an error at the place it gave up.
    const tooDeep = /call stack/i.test(message);
    context.diagnostics.push(
      tooDeep
        ? context.locator.diagnostic('error', 'nesting-too-deep', 'The YAML is nested too deeply to read from here on: write a deep hierarchy flat, with `parent:`', error.pos[0], error.pos[1])
        : context.locator.diagnostic('error', 'yaml-syntax', `YAML: ${message}`, error.pos[0], error.pos[1]),
    );
  }
  for (const warning of doc.warnings) {
    const message = warning.message.split('\n')[0] ?? warning.message;
    context.diagnostics.push(
      context.locator.diagnostic('warning', 'yaml-syntax', `YAML: ${message}`, warning.pos[0], warning.pos[1]),
    );
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { file, diagnostics: context.diagnostics };
  if (!isMap(root)) {
    report(context, 'error', 'wrong-type', 'A codebook must be a mapping with a `codes:` list', root);
    return { file, diagnostics: context.diagnostics };
  }
  for (const pair of root.items) {
    const key = keyOf(context, pair);
    if (key === undefined) continue;
    const value = valueNode(pair);
    switch (key) {
      case 'source':
        file.source = readCitation(context, value);
        break;
      case 'extends':
        file.extends = readReferences(context, value, 'extends', false);
        break;
      case 'drop':
        file.drop = readReferences(context, value, 'drop', true);
        break;
      case 'codes':
        readCodeList(context, value, undefined, file.codes, 'codes', 0);
        break;
      case 'history':
        file.history = readHistory(context, value);
        break;
      default:
        reportUnknownKey(context, pair, key, TOP_KEYS, 'the codebook');
        file.extra[key] = toPlain(value);
    }
  }
  return { file, diagnostics: context.diagnostics };
}

/** The value of a pair as a node, or null when empty. */
function valueNode(pair: Pair): YamlNode | null {
  return isNode(pair.value) ? pair.value : null;
}

/** Start and end offsets of a node. */
function spanOf(node: YamlNode | null | undefined, fallback = 0): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [fallback, fallback];
}

function report(
  context: Context,
  severity: Diagnostic['severity'],
  ruleId: string,
  message: string,
  node: YamlNode | null | undefined,
  fallback = 0,
): void {
  const [start, end] = spanOf(node, fallback);
  context.diagnostics.push(context.locator.diagnostic(severity, ruleId, message, start, end));
}

/** The string key of a pair; complex keys are reported and yield undefined. */
function keyOf(context: Context, pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && key.value !== null && typeof key.value !== 'object') return String(key.value);
  report(context, 'error', 'wrong-type', 'A key must be a plain word', isNode(key) ? key : null);
  return undefined;
}

function reportUnknownKey(
  context: Context,
  pair: Pair,
  key: string,
  known: string[],
  where: string,
  kept = true,
): void {
  const suggestion = known.find((candidate) => editDistance(candidate, key, 2) <= 2);
  const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
  report(
    context,
    'warning',
    'unknown-key',
    `Unknown key \`${key}\` in ${where}, ${kept ? 'kept as written' : 'ignored'}${hint}`,
    isNode(pair.key) ? pair.key : null,
  );
}

/** A plain JavaScript copy of a YAML value. */
function toPlain(node: YamlNode | null): unknown {
  return node === null ? null : (node.toJSON() as unknown);
}

/**
 * A scalar as a string: strings as they are, numbers and booleans as written
 * in the file (so `name: 2020` is the name "2020"). Null yields undefined.
 * Collections are reported as `wrong-type` and yield undefined.
 */
function readString(context: Context, node: YamlNode | null, what: string): string | undefined {
  if (node === null) return undefined;
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return undefined;
    if (typeof node.value === 'string') return node.value;
    const [start, end] = spanOf(node);
    return context.text.slice(start, end);
  }
  report(context, 'error', 'wrong-type', `${what} must be text, not a ${isSeq(node) ? 'list' : 'mapping'}`, node);
  return undefined;
}

/** A string or a list of strings, each with its origin. */
function readReferences(context: Context, node: YamlNode | null, what: string, ids: boolean): Reference[] {
  if (node === null) return [];
  const items = isSeq(node) ? node.items : [node];
  const references: Reference[] = [];
  for (const item of items) {
    const itemNode = isNode(item) ? item : null;
    const value = readString(context, itemNode, `Each entry of \`${what}\``);
    if (value === undefined) continue;
    const origin = context.locator.origin(spanOf(itemNode)[0]);
    if (ids && !CODE_ID_PATTERN.test(value)) {
      reportBadId(context, value, itemNode);
      continue;
    }
    references.push({ value, origin });
  }
  return references;
}

function reportBadId(context: Context, value: string, node: YamlNode | null): void {
  report(
    context,
    'error',
    'bad-id',
    `\`${value}\` is not a valid code id: start with a letter, then use letters, digits, \`_\` or \`-\``,
    node,
  );
}

function readCitation(context: Context, node: YamlNode | null): Citation | null {
  if (node === null) return null;
  if (!isMap(node)) {
    report(context, 'error', 'wrong-type', '`source` must be a mapping (authors, year, title, …)', node);
    return null;
  }
  return toPlain(node) as Citation;
}

/** Reads a `codes:` or `children:` list into `out`, parents before their children. */
function readCodeList(
  context: Context,
  node: YamlNode | null,
  nestedIn: string | undefined,
  out: CodeEntry[],
  key: string,
  depth: number,
): void {
  if (node === null) return;
  if (!isSeq(node)) {
    report(context, 'error', 'wrong-type', `\`${key}\` must be a list of codes`, node);
    return;
  }
  if (depth > MAX_CHILDREN_NESTING && node.items.length > 0) {
    const message = `\`children:\` nested more than ${MAX_CHILDREN_NESTING} levels deep: the codes below ${nestedIn ?? 'here'} are left out; write a deeper hierarchy flat, with \`parent:\``;
    report(context, 'error', 'nesting-too-deep', message, node);
    return;
  }
  for (const item of node.items) readCode(context, isNode(item) ? item : null, nestedIn, out, depth);
}

function readCode(context: Context, node: YamlNode | null, nestedIn: string | undefined, out: CodeEntry[], depth: number): void {
  if (!isMap(node)) {
    report(context, 'error', 'wrong-type', 'A code must be a mapping with at least `id` and `name`', node);
    return;
  }
  const [start] = spanOf(node);
  const idPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
  const idNode = idPair ? valueNode(idPair) : null;
  if (idNode !== null && !isScalar(idNode)) {
    report(context, 'error', 'wrong-type', '`id` must be a code id, not a list or a mapping', idNode);
    return;
  }
  const id = readString(context, idNode, '`id`');
  if (id === undefined) {
    report(context, 'error', 'missing-id', 'This code has no `id`', idPair ? (idPair.key as YamlNode) : node);
    return;
  }
  if (!CODE_ID_PATTERN.test(id)) {
    reportBadId(context, id, idNode);
    return;
  }
  const entry: CodeEntry = {
    id,
    history: [],
    extra: {},
    origin: context.locator.origin(start),
    idOrigin: context.locator.origin(spanOf(idNode)[0]),
  };
  if (nestedIn !== undefined) entry.nestedIn = nestedIn;
  out.push(entry);
  let children: YamlNode | null = null;
  for (const pair of node.items) {
    const key = keyOf(context, pair);
    if (key === undefined || key === 'id') continue;
    const value = valueNode(pair);
    switch (key) {
      case 'name':
      case 'description':
      case 'group':
      case 'level':
      case 'example': {
        const text = readString(context, value, `\`${key}\``);
        if (text !== undefined) entry[key] = text;
        break;
      }
      case 'color': {
        const color = readColor(context, pair, value);
        if (color !== undefined) entry.color = color;
        break;
      }
      case 'parent': {
        const parent = readReferences(context, value, 'parent', true);
        if (value !== null && isSeq(value)) {
          report(context, 'error', 'wrong-type', '`parent` must be one code id', value);
        } else if (parent[0]) entry.parent = parent[0];
        break;
      }
      case 'aliases':
        entry.aliases = readReferences(context, value, 'aliases', true);
        break;
      case 'history':
        entry.history = readHistory(context, value);
        break;
      case 'children':
        children = value;
        break;
      default:
        reportUnknownKey(context, pair, key, CODE_KEYS, `code ${id}`);
        entry.extra[key] = toPlain(value);
    }
  }
  readCodeList(context, children, id, out, 'children', depth + 1);
}

/** A colour normalised to lower-case `#rrggbb`, or undefined after reporting `bad-color`. */
function readColor(context: Context, pair: Pair, node: YamlNode | null): string | undefined {
  const value = readString(context, node, '`color`');
  if (value !== undefined && COLOR_PATTERN.test(value)) {
    const hex = value.slice(1).toLowerCase();
    return hex.length === 3 ? `#${[...hex].map((digit) => digit + digit).join('')}` : `#${hex}`;
  }
  if (value === undefined) {
    // `color: #1f77b4` without quotes is a YAML comment, so the value is empty.
    const keyNode = isNode(pair.key) ? pair.key : null;
    report(
      context,
      'error',
      'bad-color',
      '`color` is empty; write it in quotes, e.g. "#1f77b4" (an unquoted # starts a YAML comment)',
      node ?? keyNode,
    );
    return undefined;
  }
  report(context, 'error', 'bad-color', `\`${value}\` is not a colour: write "#rgb" or "#rrggbb"`, node);
  return undefined;
}

function readHistory(context: Context, node: YamlNode | null): HistoryEntry[] {
  if (node === null) return [];
  if (!isSeq(node)) {
    report(context, 'error', 'bad-history', '`history` must be a list of changes', node);
    return [];
  }
  const entries: HistoryEntry[] = [];
  for (const item of node.items) {
    const entry = readHistoryEntry(context, isNode(item) ? item : null);
    if (entry) entries.push(entry);
  }
  return entries;
}

function readHistoryEntry(context: Context, node: YamlNode | null): HistoryEntry | undefined {
  if (!isMap(node)) {
    report(context, 'error', 'bad-history', 'A history entry must be a mapping such as { action: added, step: step3 }', node);
    return undefined;
  }
  const [start] = spanOf(node);
  const entry: HistoryEntry = {
    action: '',
    from: [],
    to: [],
    date: null,
    step: null,
    note: null,
    origin: context.locator.origin(start),
  };
  for (const pair of node.items) {
    const key = keyOf(context, pair);
    if (key === undefined) continue;
    const value = valueNode(pair);
    switch (key) {
      case 'action': {
        const action = readString(context, value, '`action`');
        if (action === undefined) break;
        entry.action = action;
        if (!HISTORY_ACTIONS.includes(action)) {
          report(
            context,
            'warning',
            'bad-history',
            `Unknown history action \`${action}\`; known: ${HISTORY_ACTIONS.join(', ')}`,
            value,
          );
        }
        break;
      }
      case 'from':
      case 'to':
        entry[key] = readIdList(context, value, key);
        break;
      case 'date': {
        const date = readString(context, value, '`date`');
        if (date !== undefined && !DATE_PATTERN.test(date)) {
          report(context, 'error', 'bad-history', `\`${date}\` is not a date: write YYYY-MM-DD`, value);
        } else if (date !== undefined) entry.date = date;
        break;
      }
      case 'step':
      case 'note': {
        const text = readString(context, value, `\`${key}\``);
        if (text !== undefined) entry[key] = text;
        break;
      }
      default:
        reportUnknownKey(context, pair, key, HISTORY_KEYS, 'a history entry', false);
    }
  }
  if (entry.action === '') {
    report(context, 'error', 'bad-history', 'This history entry has no `action`', node);
    return undefined;
  }
  return entry;
}

/** `from:`/`to:` of a history entry: one id or a list of ids (old ids are not checked against the codebook). */
function readIdList(context: Context, node: YamlNode | null, key: string): string[] {
  if (node === null) return [];
  const items = isSeq(node) ? node.items : [node];
  const ids: string[] = [];
  for (const item of items) {
    const itemNode = isNode(item) ? item : null;
    if (itemNode !== null && !isScalar(itemNode)) {
      report(context, 'error', 'bad-history', `\`${key}\` must be a code id or a list of code ids`, itemNode);
      continue;
    }
    const id = readString(context, itemNode, `\`${key}\``);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}
