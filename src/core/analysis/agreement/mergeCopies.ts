import type { Excerpt } from '../../model/excerpt';
import type { Source } from '../../model/source';
import { alignPlainTexts } from './alignPlainTexts';
import { toCodePointText } from './codePointText';

/** One copy of the study: its name (folder or git ref) and its parsed sources. */
export interface StudyCopy {
  /** The copy's label: its coders are named `coder@name`; the coder of excerpts without `by=` is `name` itself. */
  name: string;
  sources: readonly Source[];
}

/** A coder of one copy, as the comparison names them. */
export interface CopyCoder {
  /** `coder@copy`, or the copy's name for excerpts without `by=` (see {@link copyCoderName}). */
  name: string;
  /** The coder as written in `by=` or `coders:`; for excerpts without `by=`, the copy's name (its coder). */
  coder: string;
  /** The copy's name. */
  copy: string;
}

/** How one transcript of the second copy was aligned onto the first. */
export interface CopyAlignment {
  source: string;
  /** Path in the first copy, and in the second. */
  path: string;
  secondPath: string;
  identical: boolean;
  /** Code points of the first copy's plain text with no counterpart in the second. */
  unalignedFirst: number;
  /** Code points of the second copy's plain text with no counterpart in the first. */
  unalignedSecond: number;
  /** Code points coded in the second copy that fall in unaligned text and were dropped. */
  lostCodedUnits: number;
  /** True when the diff gave up and the changed middle was left unaligned. */
  gaveUp: boolean;
}

/** The two copies as one set of sources (on the first copy's plain text), with the alignment report. */
export interface MergedCopies {
  sources: Source[];
  alignments: CopyAlignment[];
  /** Source ids only the first copy has, and only the second. */
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Source ids that appear more than once in one copy (the first file is used). */
  duplicates: string[];
  /** Every coder of either copy (with an excerpt, or listed in `coders:` of a matched source), first copy first. */
  coders: CopyCoder[];
}

/**
 * The name of `coder` (null: no `by=`) of the copy named `copy` in a
 * comparison of copies: `coder@copy`; the copy's own name for excerpts
 * without `by=` and for the coder the copy is named after (in the folder
 * `ann`, `by=ann`, no `by=` and `coders: [ann]` are all ann's codings).
 */
export function copyCoderName(coder: string | null, copy: string): string {
  return coder === null || coder === copy ? copy : `${coder}@${copy}`;
}

/** Renames the coders of a copy's source `coder@copy`, recording each name in `coders`. */
function ofCopy(source: Source, copy: string, coders: Map<string, CopyCoder>): Pick<Source, 'coders' | 'excerpts'> {
  const name = (coder: string | null) => {
    const named = copyCoderName(coder, copy);
    if (!coders.has(named)) coders.set(named, { name: named, coder: coder ?? copy, copy });
    return named;
  };
  return {
    coders: source.coders.map(name),
    excerpts: source.excerpts.map((excerpt) => ({ ...excerpt, coder: name(excerpt.coder) })),
  };
}

function byId(copy: StudyCopy, duplicates: Set<string>): Map<string, Source> {
  const map = new Map<string, Source>();
  for (const source of copy.sources) {
    if (map.has(source.id)) duplicates.add(source.id);
    else map.set(source.id, source);
  }
  return map;
}

/**
 * Merges two copies of the same transcripts coded by different people (two
 * folders or two git refs) into one list of sources for `computeAgreement`.
 * Transcripts are matched by source id. The second copy's excerpts are moved
 * onto the first copy's plain text; where the plain texts differ they are
 * aligned with a diff, and coded text that has no counterpart is dropped and
 * counted. A coder is a coder of a copy: `rk` of the copy `main` becomes
 * `rk@main`, so one coder in both copies is two coders, never pooled. An
 * excerpt without `by=` gets its copy's name as coder. The copies' names
 * should differ (equal names would pool their coders).
 */
export function mergeCopies(first: StudyCopy, second: StudyCopy): MergedCopies {
  if (first.name === second.name) throw new Error(`mergeCopies needs two copies with different names; both are '${first.name}'`);
  const duplicates = new Set<string>();
  const firstSources = byId(first, duplicates);
  const secondSources = byId(second, duplicates);
  const sources: Source[] = [];
  const alignments: CopyAlignment[] = [];
  const firstCoders = new Map<string, CopyCoder>();
  const secondCoders = new Map<string, CopyCoder>();
  for (const [id, source] of firstSources) {
    const found = secondSources.get(id);
    if (!found) continue;
    const mine = ofCopy(source, first.name, firstCoders);
    const other = { ...found, ...ofCopy(found, second.name, secondCoders) };
    const alignment = alignPlainTexts(source.plainText, other.plainText);
    const text = toCodePointText(source.plainText);
    let lostCodedUnits = 0;
    const moved: Excerpt[] = [];
    for (const excerpt of other.excerpts) {
      const fragments = [];
      for (const fragment of excerpt.fragments) {
        lostCodedUnits += fragment.end - fragment.start - alignment.alignedWithin(fragment.start, fragment.end);
        const start = alignment.mapStart(fragment.start);
        const end = alignment.mapEnd(fragment.end);
        if (end > start) fragments.push({ ...fragment, start, end });
      }
      if (fragments.length === 0) continue;
      const start = fragments[0]!.start;
      const end = fragments[fragments.length - 1]!.end;
      moved.push({ ...excerpt, sourceId: source.id, path: source.path, fragments, start, end, text: text.slice(start, end) });
    }
    sources.push({
      ...source,
      coders: [...new Set([...mine.coders, ...other.coders])],
      excerpts: [...mine.excerpts, ...moved],
    });
    alignments.push({
      source: id,
      path: source.path,
      secondPath: other.path,
      identical: alignment.identical,
      unalignedFirst: alignment.unalignedFirst,
      unalignedSecond: alignment.unalignedSecond,
      lostCodedUnits,
      gaveUp: alignment.gaveUp,
    });
  }
  return {
    sources,
    alignments,
    onlyInFirst: [...firstSources.keys()].filter((id) => !secondSources.has(id)),
    onlyInSecond: [...secondSources.keys()].filter((id) => !firstSources.has(id)),
    duplicates: [...duplicates],
    coders: [...firstCoders.values(), ...secondCoders.values()],
  };
}
