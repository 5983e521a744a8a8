import { LineCounter, parseDocument, isAlias, isMap, visit, type Document } from 'yaml';
import type { FrontMatterFact, ProblemFact } from './transcriptFacts';
import type { LineIndex } from './lineIndex';
import { readSimpleYaml } from './simpleYaml';

/** Source attributes read from the front matter. */
export interface FrontMatterAttributes {
  id: string | null;
  coders: string[];
  attributes: Record<string, unknown>;
  problems: ProblemFact[];
}

/**
 * Reads the YAML front matter of a transcript. YAML errors, a front matter
 * that is not a mapping, and a bad `id` or `coders` become problems placed at
 * their line and column in the file; the attributes that could be read are kept.
 * `lines` gives the file's line index, asked for only when the front matter
 * needs the full YAML reader (most front matter does not).
 */
export function readFrontMatter(fact: FrontMatterFact | null, lines: () => LineIndex): FrontMatterAttributes {
  const result: FrontMatterAttributes = { id: null, coders: [], attributes: {}, problems: [] };
  if (!fact || fact.value.trim() === '') return result;
  // Most front matter is plain `key: value` lines: read them fast, and the rest (or any problem) with positions.
  const simple = readSimpleYaml(fact.value);
  if (simple && readAttributes(simple, result)) return result;
  result.id = null;
  result.coders = [];
  result.attributes = {};
  const counter = new LineCounter();
  const lineIndex = lines();
  const document = parseDocument(fact.value, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toFile = (offset: number) => {
    const position = counter.linePos(offset);
    return lineIndex.lineStart(fact.line + position.line - 1) + position.col - 1;
  };
  for (const error of [...document.errors, ...document.warnings]) {
    const offset = toFile(error.pos[0]);
    const severity = document.errors.includes(error as never) ? 'error' : 'warning';
    result.problems.push({ offset, endOffset: toFile(error.pos[1]), severity, message: `front matter: ${firstLine(error.message)}`, ruleId: 'front-matter-yaml' });
  }
  if (document.errors.length > 0) return result;
  if (document.contents !== null && !isMap(document.contents)) {
    result.problems.push({ offset: fact.offset, endOffset: fact.offset, severity: 'error', message: 'front matter must be a mapping of attributes (key: value)', ruleId: 'front-matter-shape' });
    return result;
  }
  const aliases = readAliases(document);
  const bad = aliases.find((alias) => alias.problem !== null);
  if (bad) {
    result.problems.push({ offset: toFile(bad.offset), endOffset: toFile(bad.endOffset), severity: 'error', message: `front matter: ${bad.problem}; its attributes are not read`, ruleId: 'front-matter-yaml' });
    return result;
  }
  let value: Record<string, unknown> | null;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
  } catch (error) {
    // The yaml package throws for aliases that expand too far (a resource exhaustion attack), never for sound YAML.
    const at = aliases[0] ?? { offset: 0, endOffset: 0 };
    const message = /excessive alias count/i.test(String(error)) ? `more than ${MAX_ALIAS_COUNT} uses of YAML aliases (\`*name\`)` : firstLine(String((error as Error).message ?? error));
    result.problems.push({ offset: toFile(at.offset), endOffset: toFile(at.endOffset), severity: 'error', message: `front matter: ${message}; its attributes are not read`, ruleId: 'front-matter-yaml' });
    return result;
  }
  if (!value) return result;
  const node = (key: string) => {
    const pair = isMap(document.contents) ? document.contents.items.find((item) => (item.key as { value?: unknown })?.value === key) : undefined;
    const range = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
    return range ? toFile(range[0]) : fact.offset;
  };
  for (const [key, attribute] of Object.entries(value)) {
    if (key === 'id') {
      if (typeof attribute === 'string' || typeof attribute === 'number') result.id = String(attribute).trim() || null;
      else result.problems.push({ offset: node('id'), endOffset: node('id'), severity: 'error', message: 'front matter `id` must be a string', ruleId: 'front-matter-id' });
    } else if (key === 'coders') {
      const list = Array.isArray(attribute) ? attribute : typeof attribute === 'string' ? attribute.split(/[\s,]+/) : null;
      if (list && list.every((item) => typeof item === 'string' || typeof item === 'number')) {
        result.coders = list.map(String).filter((item) => item.length > 0);
      } else {
        result.problems.push({ offset: node('coders'), endOffset: node('coders'), severity: 'error', message: 'front matter `coders` must be a list of coder names', ruleId: 'front-matter-coders' });
      }
      result.attributes[key] = attribute;
    } else {
      result.attributes[key] = attribute;
    }
  }
  return result;
}

/** How far YAML aliases may expand in front matter (the yaml package's own default). */
const MAX_ALIAS_COUNT = 100;

/** An alias of the front matter: its range in the YAML text, and why it cannot be read (or null). */
interface AliasUse {
  offset: number;
  endOffset: number;
  problem: string | null;
}

/**
 * The aliases of a front matter document in order, each with its problem:
 * no anchor before it, or an alias inside the node it names (a value that
 * contains itself, which no attribute can hold).
 */
function readAliases(document: Document): AliasUse[] {
  const uses: AliasUse[] = [];
  // The last node with each anchor so far, in document order (as the yaml package resolves aliases).
  const anchors = new Map<string, unknown>();
  visit(document, {
    Node(_key, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return;
      }
      const [offset, endOffset] = node.range ?? [0, 0];
      const target = anchors.get(node.source);
      let problem: string | null = null;
      if (!target) problem = `the alias \`*${node.source}\` has no anchor \`&${node.source}\` before it`;
      else if (path.includes(target as never)) problem = `the alias \`*${node.source}\` is inside the value it names`;
      uses.push({ offset, endOffset, problem });
    },
  });
  return uses;
}

/** Takes id, coders and the other attributes from read YAML; false when id or coders are malformed. */
function readAttributes(value: Record<string, unknown>, result: FrontMatterAttributes): boolean {
  for (const [key, attribute] of Object.entries(value)) {
    if (key === 'id') {
      if (typeof attribute !== 'string' && typeof attribute !== 'number') return false;
      result.id = String(attribute).trim() || null;
    } else if (key === 'coders') {
      const list = Array.isArray(attribute) ? attribute : typeof attribute === 'string' ? attribute.split(/[\s,]+/) : null;
      if (!list || !list.every((item) => typeof item === 'string' || typeof item === 'number')) return false;
      result.coders = list.map(String).filter((item) => item.length > 0);
      result.attributes[key] = attribute;
    } else {
      result.attributes[key] = attribute;
    }
  }
  return true;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
