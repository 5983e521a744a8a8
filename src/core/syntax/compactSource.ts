import type { Excerpt, Fragment } from '../model/excerpt';
import type { Source } from '../model/source';
import { LineIndex } from './lineIndex';
import { PlainTextMap } from './plainTextMap';
import { fileRange } from './fileRanges';
import { headingPaths, speakerOf } from './parseTranscript';

/**
 * An excerpt as a tuple: id, codes, coder, memo, exemplar (0/1), other
 * attributes (or null), line, and its fragments flattened, seven numbers
 * each: kind (0 text, 1 container), start, end (code points), directive
 * start and end, content start and end (file offsets). Tuples of numbers
 * parse several times faster than objects with keys.
 */
type ExcerptTuple = [string | null, string[], string | null, string | null, 0 | 1, Record<string, string> | null, number, number[]];

/**
 * A parsed source in the shape a cache stores: no plain text (it is cut from
 * the file text again by its kept segments), excerpts as tuples without what
 * they can take from their source or the file text (source id, path, text,
 * speaker, headings, lines and columns). Plain JSON data.
 */
export interface CompactSource {
  source: Omit<Source, 'plainText' | 'excerpts' | 'turns' | 'headings'>;
  /** Turns as `[speaker, start, line]`. */
  turns: [string, number, number][];
  /** Headings as `[depth, text, start, line]`. */
  headings: [number, string, number, number][];
  excerpts: ExcerptTuple[];
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
  const { plainText: _plainText, excerpts, turns, headings, ...rest } = source;
  return {
    source: rest,
    turns: turns.map((turn) => [turn.speaker, turn.start, turn.line]),
    headings: headings.map((heading) => [heading.depth, heading.text, heading.start, heading.line]),
    excerpts: excerpts.map((excerpt): ExcerptTuple => {
      const fragments: number[] = [];
      for (const fragment of excerpt.fragments) {
        fragments.push(fragment.kind === 'text' ? 0 : 1, fragment.start, fragment.end, fragment.range.startOffset, fragment.range.endOffset, fragment.contentStartOffset, fragment.contentEndOffset);
      }
      return [excerpt.id, excerpt.codes, excerpt.coder, excerpt.memo, excerpt.exemplar ? 1 : 0, isEmpty(excerpt.attributes) ? null : excerpt.attributes, excerpt.line, fragments];
    }),
    segments: map.toSegments(),
  };
}

/**
 * Sources built on this thread, by the compact form made of them (see
 * `keepBuilt`), with the file text they were parsed from.
 */
const builtSources = new WeakMap<CompactSource, { source: Source; fileText: string }>();

/**
 * Remembers the source a compact form was made of, which nothing else holds:
 * restoring that compact form from the same file text on this thread then
 * hands the source back (its strings shared through the pool) rather than
 * building it a second time. Forgotten once restored, or with the compact form.
 */
export function keepBuilt(compact: CompactSource, source: Source, fileText: string): void {
  builtSources.set(compact, { source, fileText });
}

/**
 * Rebuilds a source from its compact form and the file text (without BOM)
 * it was parsed from; the result equals the source `compactSource` was given.
 */
export function restoreSource(compact: CompactSource, fileText: string, strings: StringPool = new StringPool()): Source {
  const built = builtSources.get(compact);
  if (built !== undefined && built.fileText === fileText) {
    builtSources.delete(compact);
    return shareStrings(built.source, strings);
  }
  const map = PlainTextMap.fromSegments(fileText, compact.segments);
  const lines = new LineIndex(fileText);
  const turns = compact.turns.map(([speaker, start, line]) => ({ speaker: strings.get(speaker), start, line }));
  const headings = compact.headings.map(([depth, text, start, line]) => ({ depth, text, start, line }));
  const source = { ...compact.source, turns, headings };
  const headingPath = headingPaths(headings);
  const excerpts: Excerpt[] = compact.excerpts.map(([id, codes, coder, memo, exemplar, attributes, line, flat]) => {
    const fragments: Fragment[] = [];
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (let index = 0; index < flat.length; index += 7) {
      const fragment: Fragment = {
        kind: flat[index] === 0 ? 'text' : 'container',
        start: flat[index + 1],
        end: flat[index + 2],
        range: fileRange(lines, flat[index + 3], flat[index + 4]),
        contentStartOffset: flat[index + 5],
        contentEndOffset: flat[index + 6],
      };
      fragments.push(fragment);
      start = Math.min(start, fragment.start);
      end = Math.max(end, fragment.end);
    }
    return {
      sourceId: source.id,
      path: source.path,
      id,
      codes: strings.list(codes),
      coder: coder === null ? null : strings.get(coder),
      memo,
      exemplar: exemplar === 1,
      attributes: attributes ?? NO_ATTRIBUTES,
      fragments,
      start,
      end,
      text: map.sliceCodePoints(start, end),
      speaker: speakerOf(source.turns, start),
      headings: headingPath(start),
      line,
    };
  });
  return { ...source, plainText: map.text, excerpts };
}

/**
 * A source just parsed (or kept by `keepBuilt`), its strings shared as
 * `restoreSource` shares them, its keys in the order it gives them; the
 * source's turns and excerpts are changed in place.
 */
export function shareStrings(source: Source, strings: StringPool): Source {
  for (const turn of source.turns) turn.speaker = strings.get(turn.speaker);
  for (const excerpt of source.excerpts) {
    excerpt.codes = strings.list(excerpt.codes);
    if (excerpt.coder !== null) excerpt.coder = strings.get(excerpt.coder);
  }
  // Written out, not spread: spreading a rest object is many times slower.
  return {
    id: source.id,
    path: source.path,
    attributes: source.attributes,
    coders: source.coders,
    length: source.length,
    diagnostics: source.diagnostics,
    eol: source.eol,
    bom: source.bom,
    writable: source.writable,
    hash: source.hash,
    turns: source.turns,
    headings: source.headings,
    plainText: source.plainText,
    excerpts: source.excerpts,
  };
}

/**
 * Hands out one shared copy of equal strings and code lists, so that an
 * index of thousands of excerpts holds each coder, speaker and code list once.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  get(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** A shared array equal to `values`; callers must not change it. */
  list(values: string[]): string[] {
    const key = values.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    const list = values.map((value) => this.get(value));
    this.lists.set(key, list);
    return list;
  }
}
