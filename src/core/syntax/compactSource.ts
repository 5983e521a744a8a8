import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';
import { PlainTextMap } from './plainTextMap';
import { headingPaths, speakerOf } from './parseTranscript';

/** An excerpt without what its source restores (source id, path, text, speaker, headings). */
type CompactExcerpt = Omit<Excerpt, 'sourceId' | 'path' | 'text' | 'speaker' | 'headings'>;

/**
 * A parsed source in the shape a cache stores: no plain text (it is cut from
 * the file text again by its kept segments) and no copies of what each excerpt
 * can take from its source. Plain JSON data.
 */
export interface CompactSource {
  source: Omit<Source, 'plainText' | 'excerpts'>;
  excerpts: CompactExcerpt[];
  /** Kept segments of the file text, flat `[fileStart, length, …]`. */
  segments: number[];
}

/** Shared by restored excerpts without other attributes. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

function isEmpty(object: Record<string, string>): boolean {
  for (const _key in object) return false;
  return true;
}

/** Reduces a parsed source to its compact, cacheable form. */
export function compactSource(source: Source, map: PlainTextMap): CompactSource {
  const { plainText: _plainText, excerpts, ...rest } = source;
  return {
    source: rest,
    excerpts: excerpts.map(({ sourceId: _id, path: _path, text: _text, speaker: _speaker, headings: _headings, ...excerpt }) => excerpt),
    segments: map.toSegments(),
  };
}

/**
 * Rebuilds a source from its compact form and the file text (without BOM)
 * it was parsed from; the result equals the source `compactSource` was given.
 */
export function restoreSource(compact: CompactSource, fileText: string): Source {
  const map = PlainTextMap.fromSegments(fileText, compact.segments);
  const source = compact.source;
  const headingPath = headingPaths(source.headings);
  const excerpts: Excerpt[] = compact.excerpts.map((excerpt) => ({
    sourceId: source.id,
    path: source.path,
    ...excerpt,
    attributes: isEmpty(excerpt.attributes) ? NO_ATTRIBUTES : excerpt.attributes,
    text: map.sliceCodePoints(excerpt.start, excerpt.end),
    speaker: speakerOf(source.turns, excerpt.start),
    headings: headingPath(excerpt.start),
  }));
  return { ...source, plainText: map.text, excerpts };
}
