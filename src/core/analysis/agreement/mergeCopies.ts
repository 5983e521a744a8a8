import type { Excerpt } from '../../model/excerpt';
import type { Source } from '../../model/source';
import { alignPlainTexts } from './alignPlainTexts';
import { toCodePointText } from './codePointText';

/** One copy of the study: its name (folder or git ref) and its parsed sources. */
export interface StudyCopy {
  /** The coder of excerpts without `by=`. */
  name: string;
  sources: readonly Source[];
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
}

function withCoder(excerpt: Excerpt, coder: string): Excerpt {
  return excerpt.coder === null ? { ...excerpt, coder } : excerpt;
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
 * counted. An excerpt without `by=` gets its copy's name as coder.
 */
export function mergeCopies(first: StudyCopy, second: StudyCopy): MergedCopies {
  const duplicates = new Set<string>();
  const firstSources = byId(first, duplicates);
  const secondSources = byId(second, duplicates);
  const sources: Source[] = [];
  const alignments: CopyAlignment[] = [];
  for (const [id, source] of firstSources) {
    const other = secondSources.get(id);
    if (!other) continue;
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
      moved.push(
        withCoder(
          { ...excerpt, sourceId: source.id, path: source.path, fragments, start, end, text: text.slice(start, end) },
          second.name,
        ),
      );
    }
    sources.push({
      ...source,
      coders: [...new Set([...source.coders, ...other.coders])],
      excerpts: [...source.excerpts.map((excerpt) => withCoder(excerpt, first.name)), ...moved],
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
  };
}
