import { codebookSteps } from '../../codebook/codebookAsOf';
import { describeStepView, stepView, type StepView } from '../../codebook/stepView';
import type { Codebook } from '../../model/codebook';
import type { Excerpt } from '../../model/excerpt';
import type { Source } from '../../model/source';
import { buildCodeTree, type CodeTree } from './codeTree';
import type { ExcerptRef, TableProblem } from './table';
import { codePointSlicer, countWords, mergeSpans, type Span } from './textMeasures';
import { spansOfSpeakers, turnSpans, unknownSpeakerMessage, type TurnSpan } from './turnSpans';

/**
 * The name that stands for the speaker of a turn in `--where speaker=NAME`
 * and `--by speaker`, rather than a front matter attribute.
 */
export const SPEAKER = 'speaker';

/** Filters every table takes (`--coder`, `--code`, `--group`, `--where`, `--as-of`). */
export interface TableFilters {
  /** Keep only excerpts by these coders (`by=`). Default: every coder. */
  coders?: string[];
  /** Keep only these codes and their sub-codes. Default: every code. */
  codes?: string[];
  /** Keep only the codes of these groups. Default: every group. */
  groups?: string[];
  /**
   * Keep only sources whose attribute equals the value, each written `attr=value`; `speaker=NAME`
   * keeps the turns of that speaker (several speakers: the turns of any of them). Default: everything.
   */
  where?: string[];
  /** Use the codebook as it stood after this step of its history (e.g. `step2`). Default: the current codebook. */
  asOf?: string;
}

/** An excerpt in scope, with its codes resolved and what the tables need precomputed. */
export interface ScopedExcerpt {
  excerpt: Excerpt;
  source: Source;
  /**
   * Code ids (aliases resolved) that are in scope, in written order; as of a
   * step, the codes of that step they count for (see {@link Scope.countFor}).
   */
  codes: string[];
  /** Fragments as code-point spans. */
  spans: Span[];
  /** Words of the excerpt's fragments. */
  words: number;
  ref: ExcerptRef;
  /** Position in corpus order (source order, then start), for stable ties. */
  order: number;
}

/** The corpus and codebook after filters, shared by every table. */
export interface Scope {
  codebook: Codebook;
  tree: CodeTree;
  /** Sources kept by `--where`, in the order given. */
  sources: Source[];
  /** Excerpts kept, each with at least one code in scope. */
  excerpts: ScopedExcerpt[];
  /** Whether a code id (already resolved) passes the code and group filters. */
  inScope(id: string): boolean;
  /**
   * The code of `codebook` that codings written today under `id` (aliases
   * resolved) count for: the id itself, or as of a step the code or merged
   * row of that step (`StepView.countFor`); null when not counted at all.
   */
  countFor(id: string): string | null;
  /** The view of the codebook as of the step, when `asOf` was given and known. */
  step: StepView | null;
  /** Codes used in kept excerpts that the codebook lacks, in order of first use. */
  unknownCodes: string[];
  /** Words of every kept source's plain text (of the kept speakers' turns under `speaker=`). */
  corpusWords: number;
  /** Words per kept source (of the kept speakers' turns under `speaker=`). */
  sourceWords: Map<Source, number>;
  /** The speakers kept by `--where speaker=…`, or null when every speaker is. */
  speakers: ReadonlySet<string> | null;
  /** The turns of a kept source as spans (computed once per source, on first use). */
  turnsOf(source: Source): TurnSpan[];
  /** Plain-text slicer per kept source (code-point offsets). */
  slicers: Map<Source, (start: number, end: number) => string>;
  /** Sentences describing the filters applied, for table notes. */
  notes: string[];
  problems: TableProblem[];
}

/** Names a source can be filtered or grouped by besides its front matter: `id`, `path`. */
const PSEUDO_ATTRIBUTES = ['id', 'path'];

/**
 * The values of a source attribute as text: a list gives each element, a date
 * its ISO day, null or a nested object nothing. `id` and `path` read the
 * source itself.
 */
export function attributeValues(source: Source, attribute: string): string[] {
  if (attribute === 'id' && !Object.hasOwn(source.attributes, 'id')) return [source.id];
  if (attribute === 'path' && !Object.hasOwn(source.attributes, 'path')) return [source.path];
  const value = source.attributes[attribute];
  const values = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of values) {
    if (typeof item === 'string') texts.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean' || typeof item === 'bigint') texts.push(String(item));
    else if (item instanceof Date && !Number.isNaN(item.getTime())) texts.push(item.toISOString().slice(0, 10));
  }
  return texts.filter((text, index) => texts.indexOf(text) === index);
}

/** Every attribute name some source has, sorted, plus `id` and `path`. */
export function knownAttributes(sources: readonly Source[]): string[] {
  const names = new Set<string>(PSEUDO_ATTRIBUTES);
  for (const source of sources) for (const key of Object.keys(source.attributes)) names.add(key);
  return [...names].sort((a, b) => a.localeCompare(b));
}

function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ');
}

/**
 * Applies the filters to a corpus. Never throws for user input: an unknown
 * attribute, code, group, coder or step, or a malformed `--where`, is an
 * error in `problems` (the tables then refuse to build); a filter that keeps
 * nothing is a warning and gives honest empty tables.
 */
export function applyFilters(sources: readonly Source[], codebook: Codebook, filters: TableFilters = {}): Scope {
  const problems: TableProblem[] = [];
  const notes: string[] = [];

  let view: StepView | null = null;
  if (filters.asOf !== undefined) {
    view = stepView(codebook, filters.asOf) ?? null;
    if (view) {
      notes.push(`Codebook as it stood after ${filters.asOf}.`);
    } else {
      const steps = codebookSteps(codebook);
      problems.push({
        severity: 'error',
        ruleId: 'unknown-step',
        message: `the codebook history records no step '${filters.asOf}' (steps: ${list(steps)})`,
      });
    }
  }
  const activeCodebook = view?.codebook ?? codebook;
  const tree = buildCodeTree(activeCodebook);
  // As of a step, a written code is resolved in today's codebook, then mapped to what it counts for then.
  const today = view ? buildCodeTree(codebook) : tree;
  const countFor = (written: string): string | null => (view ? view.countFor(today.resolve(written)) : tree.resolve(written));

  // --where attr=value
  const conditions: { attribute: string; value: string }[] = [];
  for (const written of filters.where ?? []) {
    const at = written.indexOf('=');
    if (at <= 0) {
      problems.push({ severity: 'error', ruleId: 'bad-where', message: `--where expects attr=value, got '${written}'` });
      continue;
    }
    conditions.push({ attribute: written.slice(0, at).trim(), value: written.slice(at + 1).trim() });
  }
  const attributes = knownAttributes(sources);
  const speakerValues = conditions.filter((condition) => condition.attribute === SPEAKER).map((condition) => condition.value);
  const speakers = speakerValues.length > 0 ? new Set(speakerValues) : null;
  const unknownSpeakers = speakers && unknownSpeakerMessage(sources, speakers);
  if (unknownSpeakers) problems.push({ severity: 'error', ruleId: 'unknown-speaker', message: unknownSpeakers });
  for (const condition of conditions) {
    if (condition.attribute === SPEAKER) continue;
    if (!attributes.includes(condition.attribute)) {
      problems.push({
        severity: 'error',
        ruleId: 'unknown-attribute',
        message: `no source has the attribute '${condition.attribute}' (attributes: ${list(attributes)})`,
      });
    }
  }
  const sourceConditions = conditions.filter((condition) => condition.attribute !== SPEAKER);
  const keptSources = sources.filter(
    (source) =>
      sourceConditions.every((condition) => attributeValues(source, condition.attribute).includes(condition.value)) &&
      (speakers === null || source.turns.some((turn) => speakers.has(turn.speaker))),
  );
  if (sourceConditions.length > 0) notes.push(`Sources where ${sourceConditions.map((c) => `${c.attribute} = ${c.value}`).join(' and ')}.`);
  if (speakers) notes.push(`Turns of ${[...speakers].join(' or ')} only: excerpts that start in them, words said in them.`);
  if (conditions.length > 0) {
    if (keptSources.length === 0 && problems.length === 0) {
      problems.push({ severity: 'warning', ruleId: 'no-sources-match', message: `no source matches --where ${list(filters.where ?? [])}` });
    }
  }

  // --code, --group
  const usedCodes = new Set<string>();
  for (const source of sources) {
    for (const excerpt of source.excerpts) {
      for (const written of excerpt.codes) {
        const id = countFor(written);
        if (id !== null) usedCodes.add(id);
      }
    }
  }
  let allowed: Set<string> | null = null;
  if (filters.codes && filters.codes.length > 0) {
    allowed = new Set();
    for (const written of filters.codes) {
      const id = tree.resolve(written);
      if (tree.has(id)) {
        allowed.add(id);
        for (const descendant of tree.descendantsOf(id)) allowed.add(descendant);
      } else if (usedCodes.has(id)) {
        allowed.add(id);
      } else {
        problems.push({ severity: 'error', ruleId: 'unknown-code', message: `unknown code '${written}': not in the codebook and not used in any transcript` });
      }
    }
    notes.push(`Codes ${list(filters.codes)} and their sub-codes only.`);
  }
  if (filters.groups && filters.groups.length > 0) {
    const groups = tree.groups();
    const inGroups = new Set<string>();
    for (const group of filters.groups) {
      if (!groups.includes(group)) {
        problems.push({ severity: 'error', ruleId: 'unknown-group', message: `unknown group '${group}' (groups: ${list(groups)})` });
      }
      for (const entry of tree.inGroup(group)) inGroups.add(entry.id);
    }
    allowed = allowed ? new Set([...allowed].filter((id) => inGroups.has(id))) : inGroups;
    notes.push(`Codes of the group${filters.groups.length > 1 ? 's' : ''} ${list(filters.groups)} only.`);
  }
  const inScope = (id: string): boolean => allowed === null || allowed.has(id);

  // --coder
  const coders = filters.coders ?? [];
  if (coders.length > 0) {
    const known = new Set<string>();
    for (const source of sources) {
      for (const coder of source.coders) known.add(coder);
      for (const excerpt of source.excerpts) if (excerpt.coder !== null) known.add(excerpt.coder);
    }
    for (const coder of coders) {
      if (!known.has(coder)) {
        problems.push({ severity: 'error', ruleId: 'unknown-coder', message: `unknown coder '${coder}' (coders: ${list([...known].sort())})` });
      }
    }
    notes.push(`Excerpts coded by ${list(coders)} only.`);
  }

  const excerpts: ScopedExcerpt[] = [];
  const unknownCodes: string[] = [];
  const mapped = new Set<string>();
  const sourceWords = new Map<Source, number>();
  const slicers = new Map<Source, (start: number, end: number) => string>();
  const turns = new Map<Source, TurnSpan[]>();
  const turnsOf = (source: Source): TurnSpan[] => {
    let found = turns.get(source);
    if (!found) {
      found = turnSpans(source, slicers.get(source) ?? codePointSlicer(source.plainText));
      turns.set(source, found);
    }
    return found;
  };
  let corpusWords = 0;
  for (const source of keptSources) {
    const slice = codePointSlicer(source.plainText);
    slicers.set(source, slice);
    const words = speakers
      ? spansOfSpeakers(turnsOf(source), speakers).reduce((sum, [start, end]) => sum + countWords(slice(start, end)), 0)
      : countWords(source.plainText);
    sourceWords.set(source, words);
    corpusWords += words;
    const sorted = [...source.excerpts].sort((a, b) => a.start - b.start || a.end - b.end || a.line - b.line);
    for (const excerpt of sorted) {
      if (coders.length > 0 && (excerpt.coder === null || !coders.includes(excerpt.coder))) continue;
      if (speakers && (excerpt.speaker === null || !speakers.has(excerpt.speaker))) continue;
      const codes: string[] = [];
      for (const written of excerpt.codes) {
        const id = countFor(written);
        if (view && (id === null || inScope(id))) mapped.add(today.resolve(written));
        if (id === null || !inScope(id) || codes.includes(id)) continue;
        codes.push(id);
        if (!tree.has(id) && !unknownCodes.includes(id)) unknownCodes.push(id);
      }
      if (codes.length === 0) continue;
      const spans: Span[] = excerpt.fragments.length > 0 ? excerpt.fragments.map((f) => [f.start, f.end] as const) : [[excerpt.start, excerpt.end]];
      excerpts.push({
        excerpt,
        source,
        codes,
        spans,
        words: spans.reduce((sum, [start, end]) => sum + countWords(slice(start, end)), 0),
        ref: { source: source.id, path: source.path, start: excerpt.start, end: excerpt.end, line: excerpt.line, id: excerpt.id },
        order: excerpts.length,
      });
    }
  }
  if (sources.length === 0) {
    problems.push({ severity: 'warning', ruleId: 'empty-corpus', message: 'no sources: the corpus is empty' });
  }
  if (unknownCodes.length > 0) {
    problems.push({
      severity: 'warning',
      ruleId: 'unknown-code-used',
      message: `codes used in transcripts but missing from the codebook: ${list(unknownCodes)}`,
    });
  }
  if (view) notes.push(...describeStepView(view, mapped));
  return { codebook: activeCodebook, tree, sources: keptSources, excerpts, inScope, countFor, step: view, unknownCodes, corpusWords, sourceWords, speakers, turnsOf, slicers, notes, problems };
}

/** The text the excerpts cover, per source, as merged spans (each character once). */
export function spansBySource(excerpts: readonly ScopedExcerpt[]): Map<Source, Span[]> {
  const bySource = new Map<Source, Span[]>();
  for (const item of excerpts) {
    const spans = bySource.get(item.source);
    if (spans) spans.push(...item.spans);
    else bySource.set(item.source, [...item.spans]);
  }
  for (const [source, spans] of bySource) bySource.set(source, mergeSpans(spans));
  return bySource;
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly TableProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
