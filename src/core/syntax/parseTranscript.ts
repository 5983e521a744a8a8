import type { Diagnostic } from '../model/diagnostic';
import type { Excerpt, FileRange, Fragment } from '../model/excerpt';
import type { Heading, Source, Turn } from '../model/source';
import { ATTRIBUTE_RULES } from './analyseTranscript';
import { readTranscriptFacts, readTranscriptFactsAndBlocks } from './readTranscriptFacts';
import type { BlockRecorder } from './scan/blockRecorder';
import { LineIndex } from './lineIndex';
import { PlainTextMap } from './plainTextMap';
import { speakerAt } from './speakerTurns';
import { diagnosticAt, fileRange } from './fileRanges';
import type { DirectiveFact, ProblemFact, TranscriptFacts } from './transcriptFacts';

/** Options of `parseTranscript` and `buildSource`. */
export interface ParseOptions {
  /** Path relative to the workspace root, `/`-separated; the default source id is its file name without extension. */
  path: string;
  /** Content hash of the file bytes, when the caller has one (default: empty). */
  hash?: string;
  /** Whether the file had a byte order mark (default: whether `text` starts with one). */
  bom?: boolean;
  /** False when the file must not be written (invalid UTF-8 and the like). Default true. */
  writable?: boolean;
  /** Extra problems found while reading the file (decoding), already placed. */
  diagnostics?: Diagnostic[];
}

/** A parsed transcript and its plain-text map (for editors and edits). */
export interface ParsedTranscript {
  source: Source;
  map: PlainTextMap;
  lines: LineIndex;
  facts: TranscriptFacts;
  /**
   * Block and inline positions the scanner recorded while it read the facts
   * (`parseTranscriptForEdit`), for the edit engine's layout; null where it
   * did not read the file itself; absent when not asked for.
   */
  blocks?: BlockRecorder | null;
}

/** Attributes of a `code` directive with a meaning of their own. */
const KNOWN_ATTRIBUTES = new Set(['class', 'id', 'by', 'memo', 'exemplar']);

/**
 * Parses one transcript into a `Source` (SPEC §3): front matter attributes,
 * plain text, excerpts with code-point offsets, speakers, headings and
 * diagnostics. A leading byte order mark is dropped; file offsets in the
 * result count from the character after it. Never throws for any text.
 */
export function parseTranscript(text: string, options: ParseOptions): Source {
  return parseTranscriptWithMap(text, options).source;
}

/** Like `parseTranscript`, and also returns the plain-text map and line index. */
export function parseTranscriptWithMap(text: string, options: ParseOptions): ParsedTranscript {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  return buildSource(body, readTranscriptFacts(body), { ...options, bom: options.bom ?? bom });
}

/**
 * Like `parseTranscriptWithMap`, for an edit: the scanner also records the
 * block and inline positions the edit engine lays the transcript out from
 * (`blocks`), in the same pass, so the layout needs no second scan.
 */
export function parseTranscriptForEdit(text: string, options: ParseOptions): ParsedTranscript {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const read = readTranscriptFactsAndBlocks(body);
  const parsed = buildSource(body, read.facts, { ...options, bom: options.bom ?? bom });
  parsed.blocks = read.blocks;
  return parsed;
}

/** Builds a `Source` from a transcript's text (without BOM) and the facts its parse gave. */
export function buildSource(body: string, facts: TranscriptFacts, options: ParseOptions): ParsedTranscript {
  const path = options.path;
  const lines = new LineIndex(body);
  const map = PlainTextMap.fromRemovals(body, facts.removals, lines.hasSurrogates);
  const diagnostics: Diagnostic[] = [...(options.diagnostics ?? [])];
  const place = (problem: ProblemFact): Diagnostic => toDiagnostic(path, lines, problem);
  for (const problem of facts.problems) diagnostics.push(place(problem));

  const id = facts.attributes.id ?? defaultSourceId(path);

  const turns = findTurns(facts, map, lines);
  const headings: Heading[] = facts.headings.map((heading) => ({
    depth: heading.depth,
    text: heading.text,
    start: map.toCodePoint(map.fileToPlain(heading.offset)),
    line: lines.lineOf(heading.offset),
  }));

  const unreadAttributes = new Set(facts.problems.filter((problem) => ATTRIBUTE_RULES.has(problem.ruleId)).map((problem) => problem.offset));
  const excerpts = buildExcerpts(facts.directives, { id, path, map, lines, turns, headings, diagnostics, unreadAttributes, headingPath: headingPaths(headings) });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);

  const source: Source = {
    id,
    path,
    attributes: facts.attributes.values,
    coders: facts.attributes.coders,
    plainText: map.text,
    length: map.codePointLength,
    excerpts,
    turns,
    headings,
    diagnostics,
    eol: lines.dominantEol,
    bom: options.bom ?? false,
    writable: (options.writable ?? true) && !facts.refused,
    hash: options.hash ?? '',
  };
  return { source, map, lines, facts };
}

/** The file name without directories and extension. */
export function defaultSourceId(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function toDiagnostic(path: string, lines: LineIndex, problem: ProblemFact): Diagnostic {
  const start = lines.toLineColumn(problem.offset);
  const end = lines.toLineColumn(problem.endOffset);
  return {
    path,
    line: start.line,
    column: start.column,
    offset: problem.offset,
    endLine: end.line,
    endColumn: end.column,
    endOffset: problem.endOffset,
    severity: problem.severity,
    message: problem.message,
    ruleId: problem.ruleId,
  };
}

function findTurns(facts: TranscriptFacts, map: PlainTextMap, lines: LineIndex): Turn[] {
  const turns: Turn[] = [];
  const starts = isAscending(facts.paragraphs) ? facts.paragraphs : [...facts.paragraphs].sort((a, b) => a - b);
  for (const offset of starts) {
    const plain = map.fileToPlain(offset);
    const speaker = speakerAt(map.text.slice(plain, plain + 160));
    if (speaker) turns.push({ speaker, start: map.toCodePoint(plain), line: lines.lineOf(offset) });
  }
  return turns;
}

interface ExcerptContext {
  /** The heading path at a code-point offset; excerpts under the same heading share one array. */
  headingPath: (start: number) => string[];
  id: string;
  path: string;
  map: PlainTextMap;
  lines: LineIndex;
  turns: Turn[];
  headings: Heading[];
  diagnostics: Diagnostic[];
  /** File offsets of attribute blocks the parser could not read (already reported): no `no-codes` warning there. */
  unreadAttributes: Set<number>;
}

/** A directive read as a fragment, before fragments sharing an id are joined. */
interface ReadFragment {
  fact: DirectiveFact;
  fragment: Fragment;
  codes: string[];
}

function buildExcerpts(directives: DirectiveFact[], context: ExcerptContext): Excerpt[] {
  const { map, lines } = context;
  const read: ReadFragment[] = directives.map((fact) => {
    let plainStart = map.fileToPlain(fact.contentStart);
    let plainEnd = map.fileToPlain(fact.contentEnd);
    if (fact.kind === 'container' && plainEnd > plainStart) {
      // The content ends at the end of its last line, without that line's terminator.
      if (map.text.charCodeAt(plainEnd - 1) === 0x0a) plainEnd--;
      if (plainEnd > plainStart && map.text.charCodeAt(plainEnd - 1) === 0x0d) plainEnd--;
    }
    plainStart = Math.min(plainStart, plainEnd);
    const codes = fact.attributes.class === undefined ? [] : classCodes(fact.attributes.class);
    const range = fileRange(lines, fact.start, fact.end);
    if (codes.length === 0 && !context.unreadAttributes.has(fact.end)) {
      context.diagnostics.push(diagnosticAt(context.path, range, 'warning', '`code` directive without any code: add classes such as `{.T1}`', 'no-codes'));
    }
    if (plainEnd === plainStart) {
      context.diagnostics.push(diagnosticAt(context.path, range, 'warning', '`code` directive codes no text', 'empty-excerpt'));
    }
    return {
      fact,
      codes,
      fragment: {
        kind: fact.kind,
        start: map.toCodePoint(plainStart),
        end: map.toCodePoint(plainEnd),
        range,
        contentStartOffset: fact.kind === 'container' ? map.plainToFile(plainStart, 'after') : fact.contentStart,
        contentEndOffset: fact.kind === 'container' ? Math.max(map.plainToFile(plainStart, 'after'), map.plainToFile(plainEnd, 'before')) : fact.contentEnd,
      },
    };
  });

  // Fragments sharing an `id=` are one excerpt; the others stand alone.
  const groups = new Map<string, ReadFragment[]>();
  const excerpts: Excerpt[] = [];
  for (const item of read) {
    const id = item.fact.attributes.id;
    if (id) {
      const group = groups.get(id);
      if (group) group.push(item);
      else groups.set(id, [item]);
    } else {
      excerpts.push(joinFragments([item], context));
    }
  }
  for (const group of groups.values()) excerpts.push(joinFragments(group, context));
  excerpts.sort((a, b) => a.start - b.start || b.end - a.end || a.line - b.line);
  return excerpts;
}

/** Shared by every excerpt without other attributes (most of them), to keep the index small. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

function joinFragments(group: ReadFragment[], context: ExcerptContext): Excerpt {
  const items = group.length === 1 ? group : [...group].sort((a, b) => a.fragment.start - b.fragment.start || a.fact.start - b.fact.start);
  const first = items[0];
  const codes = items.length === 1 ? first.codes : unique(items.flatMap((item) => item.codes));
  let coder: string | null = null;
  let memo: string | null = null;
  let exemplar = false;
  for (const item of items) {
    const attributes = item.fact.attributes;
    if (coder === null && attributes.by) coder = attributes.by;
    if (memo === null && attributes.memo !== undefined) memo = attributes.memo;
    if (attributes.exemplar !== undefined && !/^(false|no|0)$/i.test(attributes.exemplar)) exemplar = true;
  }
  let attributes = NO_ATTRIBUTES;
  for (const item of items) {
    for (const key in item.fact.attributes) {
      if (KNOWN_ATTRIBUTES.has(key) || key in attributes) continue;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[key] = item.fact.attributes[key];
    }
  }
  if (items.length > 1) {
    const signature = (item: ReadFragment) => [...item.codes].sort().join(' ') + '\u0000' + (item.fact.attributes.by ?? '');
    const expected = signature(first);
    for (const item of items.slice(1)) {
      if (signature(item) !== expected) {
        context.diagnostics.push(diagnosticAt(context.path, item.fragment.range, 'warning', `fragments of excerpt \`${first.fact.attributes.id}\` differ in codes or coder; they are read as one excerpt with all their codes`, 'fragment-mismatch'));
      }
    }
  }
  let start = items[0].fragment.start;
  let end = items[0].fragment.end;
  let line = items[0].fragment.range.startLine;
  for (const item of items) {
    start = Math.min(start, item.fragment.start);
    end = Math.max(end, item.fragment.end);
    line = Math.min(line, item.fragment.range.startLine);
  }
  return {
    sourceId: context.id,
    path: context.path,
    id: first.fact.attributes.id ?? null,
    codes,
    coder,
    memo,
    exemplar,
    attributes,
    fragments: items.length === 1 ? [first.fragment] : items.map((item) => item.fragment),
    start,
    end,
    text: context.map.sliceCodePoints(start, end),
    speaker: speakerOf(context.turns, start),
    headings: context.headingPath(start),
    line,
  };
}

/** The speaker of the last turn that starts at or before `start` (turns sorted by start). */
export function speakerOf(turns: Turn[], start: number): string | null {
  let low = 0;
  let high = turns.length - 1;
  let found: string | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (turns[middle].start <= start) {
      found = turns[middle].speaker;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** A lookup of heading paths by offset that hands out one shared array per heading. */
export function headingPaths(headings: Heading[]): (start: number) => string[] {
  const paths: string[][] = [];
  const stack: Heading[] = [];
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    stack.push(heading);
    paths.push(stack.map((item) => item.text));
  }
  const none: string[] = [];
  return (start) => {
    let low = 0;
    let high = headings.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (headings[middle].start <= start) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found === -1 ? none : paths[found];
  };
}

function isAscending(values: readonly number[]): boolean {
  for (let index = 1; index < values.length; index++) if (values[index] < values[index - 1]) return false;
  return true;
}

/** The codes of a `class` attribute value: its words (split at whitespace), each once, in order. */
function classCodes(value: string): string[] {
  const codes: string[] = [];
  /** The codes so far, once there are many (a linear search is quicker for a few). */
  let seen: Set<string> | null = null;
  let start = -1;
  for (let index = 0; index <= value.length; index++) {
    const unit = index < value.length ? value.charCodeAt(index) : 0x20;
    const space = unit < 0x80 ? unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) : WHITESPACE.test(value[index]);
    if (!space) {
      if (start === -1) start = index;
    } else if (start !== -1) {
      const code = value.slice(start, index);
      if (seen === null && codes.length >= 16) seen = new Set(codes);
      if (seen === null ? !codes.includes(code) : !seen.has(code)) {
        codes.push(code);
        seen?.add(code);
      }
      start = -1;
    }
  }
  return codes;
}

const WHITESPACE = /\s/;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
