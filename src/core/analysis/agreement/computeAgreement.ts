import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { agreementFigures, type AgreementFigures } from './agreementFigures';
import type { AgreementReport, Disagreement, SkippedSource, SourceAgreement } from './agreementReport';
import { toCodePointText } from './codePointText';
import { toIntervalList } from './intervalList';
import { addPattern, addPatternCounts, maxCoders, type PatternCounts } from './patternCounts';
import { sweepCodings } from './sweepCodings';
import { createUnitCounter } from './unitCounter';
import { codesDepthFirst } from '../../codebook/codesDepthFirst';

/** Options of {@link computeAgreement}. */
export interface AgreementOptions {
  /** Coders to compare, in this order; default: every coder with an excerpt, sorted. */
  coders?: readonly string[];
  /** Count a code's descendants (from `codebook`) for it; default false. */
  rollup?: boolean;
  /** Leave whitespace code points out of the units; default false. */
  ignoreWhitespace?: boolean;
  /** Gives the code order and, for `rollup`, the hierarchy. */
  codebook?: Codebook;
  /**
   * `by=` of the consensus codings written when disagreements were resolved: left out of the
   * default coders (also as `NAME@copy` in a comparison of copies); compared when named in `coders`.
   */
  consensus?: string;
}

/** Whether `coder` is the consensus coder `consensus` (or that coder in one copy: `consensus@ref`). */
export function isConsensusCoder(coder: string, consensus: string | undefined): boolean {
  return consensus !== undefined && (coder === consensus || coder.startsWith(`${consensus}@`));
}

/** The report, or a one-line message saying why the comparison cannot be made. */
export type AgreementOutcome = { ok: true; report: AgreementReport } | { ok: false; message: string };

function ancestorsOf(code: string, codebook: Codebook | undefined): string[] {
  const ancestors: string[] = [];
  const seen = new Set<string>([code]);
  let parent = codebook?.codes.get(code)?.parent ?? null;
  while (parent !== null && !seen.has(parent)) {
    ancestors.push(parent);
    seen.add(parent);
    parent = codebook?.codes.get(parent)?.parent ?? null;
  }
  return ancestors;
}

/** Code ids depth first along the hierarchy (roots in codebook order, each followed by its children). */
function codebookOrder(codebook: Codebook | undefined): string[] {
  return codebook ? codesDepthFirst(codebook).map((entry) => entry.id) : [];
}

function speakerAt(source: Source, offset: number): string | null {
  let low = 0;
  let high = source.turns.length - 1;
  let found: string | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = source.turns[middle]!;
    if (turn.start <= offset) {
      found = turn.speaker;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function chooseCoders(sources: readonly Source[], requested: readonly string[] | undefined, consensus: string | undefined): string[] | string {
  const withExcerpts = new Set<string>();
  const known = new Set<string>();
  for (const source of sources) {
    for (const coder of source.coders) known.add(coder);
    for (const excerpt of source.excerpts) {
      if (excerpt.coder !== null) {
        withExcerpts.add(excerpt.coder);
        known.add(excerpt.coder);
      }
    }
  }
  // By default, coders who coded something; one only listed in a front matter `coders:` coded nothing to compare.
  const coders = requested ? [...new Set(requested)] : [...withExcerpts].filter((coder) => !isConsensusCoder(coder, consensus)).sort();
  const list = [...known].sort().join(', ') || 'none';
  for (const coder of coders) {
    if (!known.has(coder)) return `unknown coder '${coder}' (coders found: ${list})`;
  }
  if (coders.length < 2) {
    return `agreement needs at least two coders; found ${coders.length === 0 ? 'none' : `only '${coders[0]}'`} (write by=NAME on each excerpt, or compare two copies)`;
  }
  if (coders.length > maxCoders) return `agreement compares at most ${maxCoders} coders; received ${coders.length}`;
  for (const coder of coders) {
    if (!withExcerpts.has(coder)) return `coder '${coder}' has no excerpts`;
  }
  return coders;
}

/**
 * Compares the coders' coding of `sources` (SPEC §5.6 step 2). The unit is one
 * code point of the plain text of a source that every compared coder coded
 * (has an excerpt in, or is listed in its front-matter `coders:`); sources
 * some coder did not code are skipped and listed. For each code, a unit is
 * coded by a coder when an excerpt of that coder with the code (or, with
 * `rollup`, a descendant) covers it with one of its fragments. Excerpts with
 * no coder are ignored and counted. Bad input (unknown coder, fewer than two
 * coders, a coder with no excerpts) gives `{ ok: false, message }`.
 */
export function computeAgreement(sources: readonly Source[], options: AgreementOptions = {}): AgreementOutcome {
  const chosen = chooseCoders(sources, options.coders, options.consensus);
  if (typeof chosen === 'string') return { ok: false, message: chosen };
  const coders = chosen;
  const coderIndex = new Map(coders.map((coder, i) => [coder, i]));
  const full = (1 << coders.length) - 1;
  const rollup = options.rollup ?? false;
  const ignoreWhitespace = options.ignoreWhitespace ?? false;

  const skipped: SkippedSource[] = [];
  let unattributedExcerpts = 0;
  interface SourceWork {
    source: Source;
    total: number;
    counts: Map<string, PatternCounts>;
  }
  const work: SourceWork[] = [];
  const disagreements: Disagreement[] = [];
  const codeIds = new Set<string>();

  for (const source of sources) {
    const present = new Set<string>(source.coders);
    for (const excerpt of source.excerpts) {
      if (excerpt.coder === null) unattributedExcerpts++;
      else present.add(excerpt.coder);
    }
    const missing = coders.filter((coder) => !present.has(coder));
    if (missing.length > 0) {
      // A source no compared coder touched (a README, another team's file) is not worth listing.
      if (missing.length < coders.length) skipped.push({ source: source.id, path: source.path, missing });
      continue;
    }
    const length = source.length;
    const counter = createUnitCounter(source.plainText, ignoreWhitespace, length);
    // Per code, per coder: the intervals covered.
    const intervals = new Map<string, [number, number][][]>();
    for (const excerpt of source.excerpts) {
      const coder = excerpt.coder === null ? undefined : coderIndex.get(excerpt.coder);
      if (coder === undefined) continue;
      const targets = new Set<string>();
      for (const code of excerpt.codes) {
        targets.add(code);
        if (rollup) for (const ancestor of ancestorsOf(code, options.codebook)) targets.add(ancestor);
      }
      // An empty excerpt (or one outside the text) codes nothing and does not bring its codes in.
      const covered = excerpt.fragments.filter((fragment) => Math.min(fragment.end, length) > Math.max(fragment.start, 0));
      if (covered.length === 0) continue;
      for (const code of targets) {
        let perCoder = intervals.get(code);
        if (!perCoder) {
          perCoder = coders.map(() => []);
          intervals.set(code, perCoder);
        }
        for (const fragment of covered) perCoder[coder]!.push([fragment.start, fragment.end]);
      }
    }
    const text = toCodePointText(source.plainText);
    const counts = new Map<string, PatternCounts>();
    for (const [code, perCoder] of intervals) {
      const segments = sweepCodings(perCoder.map((list) => toIntervalList(list, length)));
      const patterns: PatternCounts = new Map();
      let coded = 0;
      for (const segment of segments) {
        const units = counter.count(segment.start, segment.end);
        addPattern(patterns, segment.pattern, units);
        coded += units;
        if (segment.pattern !== full && units > 0) {
          disagreements.push({
            source: source.id,
            path: source.path,
            start: segment.start,
            end: segment.end,
            units,
            code,
            coders: coders.filter((_, i) => segment.pattern & (1 << i)),
            others: coders.filter((_, i) => !(segment.pattern & (1 << i))),
            text: text.slice(segment.start, segment.end),
            speaker: speakerAt(source, segment.start),
          });
        }
      }
      addPattern(patterns, 0, counter.total - coded);
      counts.set(code, patterns);
      codeIds.add(code);
    }
    work.push({ source, total: counter.total, counts });
  }

  const order = codebookOrder(options.codebook).filter((id) => codeIds.has(id));
  const inOrder = new Set(order);
  const codes = [...order, ...[...codeIds].filter((id) => !inOrder.has(id)).sort()];
  const codePoints = work.reduce((sum, item) => sum + item.total, 0);

  const pooledByCode = new Map<string, PatternCounts>();
  for (const code of codes) {
    const pooled: PatternCounts = new Map();
    let counted = 0;
    for (const item of work) {
      const counts = item.counts.get(code);
      if (counts) {
        addPatternCounts(pooled, counts);
        counted += item.total;
      }
    }
    addPattern(pooled, 0, codePoints - counted);
    pooledByCode.set(code, pooled);
  }
  const codeFigures: Record<string, AgreementFigures> = Object.create(null);
  const overallCounts: PatternCounts = new Map();
  for (const code of codes) {
    const pooled = pooledByCode.get(code)!;
    codeFigures[code] = agreementFigures(pooled, coders);
    addPatternCounts(overallCounts, pooled);
  }

  const perSource: SourceAgreement[] = work.map((item) => {
    const figures: Record<string, AgreementFigures> = Object.create(null);
    const sourceOverall: PatternCounts = new Map();
    for (const code of codes) {
      const counts = item.counts.get(code);
      if (counts) {
        figures[code] = agreementFigures(counts, coders);
        addPatternCounts(sourceOverall, counts);
      } else {
        addPattern(sourceOverall, 0, item.total);
      }
    }
    return {
      source: item.source.id,
      path: item.source.path,
      units: item.total,
      codes: figures,
      overall: agreementFigures(sourceOverall, coders),
    };
  });

  disagreements.sort(
    (a, b) =>
      b.units - a.units ||
      b.end - b.start - (a.end - a.start) ||
      compareText(a.path, b.path) ||
      a.start - b.start ||
      compareText(a.code, b.code),
  );

  return {
    ok: true,
    report: {
      coders,
      unit: 'codepoint',
      codes: codeFigures,
      overall: agreementFigures(overallCounts, coders),
      disagreements,
      perSource,
      compared: { sources: work.length, codePoints, skipped },
      rollup,
      ignoreWhitespace,
      unattributedExcerpts,
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
