import type { Excerpt, Fragment } from '../core/model/excerpt';
import type { Heading, Source, Turn } from '../core/model/source';
import { StringPool } from '../core/syntax/compactSource';
import { headingPaths, speakerOf } from '../core/syntax/parseTranscript';
import { isAttributeRecord, isSourceFields } from './isSourceFields';

/*
 * A parse-cache entry: a source in binary form, rebuilt with the file text it
 * was parsed from. Layout:
 *
 *   head length, then the head: UTF-8 JSON `[id, path, attributes, coders,
 *     length, diagnostics, eol, bom, writable, hash, strings]`: the source's
 *     fields but its plain text, excerpts, turns and headings, then the entry's strings
 *   turns      count, then speaker, start, line each
 *   headings   count, then depth, text, start, line each
 *   excerpts   count, then id, code count, codes, coder, memo, exemplar (0/1),
 *              attributes, line, fragment count, and eleven numbers a fragment:
 *              kind (0 text, 1 container), start, end, the range's start and
 *              end offsets, content start and end, the range's start line and
 *              column, end line and column
 *   astral     count, then the plain UTF-16 offset of each surrogate pair
 *   segments   count, then file start and length of each kept stretch of the file text
 *
 * Every number is an unsigned LEB128 varint. A string is its index in
 * `strings`; a string that may be missing is 0 for null, else its index + 1;
 * attributes are the index + 1 of their JSON text, 0 for none. Lines, columns
 * and UTF-16 offsets are stored rather than found again, so rebuilding a
 * source reads the file text only to cut its plain text out.
 */

/** A source's fields but its plain text, excerpts, turns and headings, in the order the head holds them. */
type SourceFields = [Source['id'], Source['path'], Source['attributes'], Source['coders'], Source['length'], Source['diagnostics'], Source['eol'], Source['bom'], Source['writable'], Source['hash']];

/** Shared by restored excerpts without other attributes (as in `restoreSource`). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** A surrogate pair: its plain offsets are what turns code points into UTF-16 offsets. */
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** Varints written one after another into a buffer that grows; used again for every entry. */
class Writer {
  private bytes = new Uint8Array(65536);
  private length = 0;

  /** Appends a whole number from 0 as an unsigned LEB128 varint. */
  number(value: number): void {
    if (this.length + 8 > this.bytes.length) this.grow();
    if (value >= 0 && value <= 0x7fffffff && value === (value | 0)) {
      while (value >= 0x80) {
        this.bytes[this.length++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
      this.bytes[this.length++] = value;
      return;
    }
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`a cache entry holds whole numbers from 0, not ${value}`);
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  /**
   * The numbers written since the last call, after the length of `head` (a
   * varint) and `head`; starts afresh.
   */
  take(head: Uint8Array = new Uint8Array(0)): Uint8Array {
    const prefix: number[] = [];
    let length = head.length;
    while (length >= 0x80) {
      prefix.push((length & 0x7f) | 0x80);
      length >>>= 7;
    }
    prefix.push(length);
    const result = new Uint8Array(prefix.length + head.length + this.length);
    result.set(prefix);
    result.set(head, prefix.length);
    result.set(this.bytes.subarray(0, this.length), prefix.length + head.length);
    this.length = 0;
    return result;
  }

  private grow(): void {
    const bigger = new Uint8Array(this.bytes.length * 2);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}

const writer = new Writer();

function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

/**
 * The cache entry of a source parsed from a file text; `segments` are the
 * kept stretches of that text (`PlainTextMap.toSegments`). Throws a
 * `RangeError` for a source whose numbers are not whole numbers from 0.
 */
export function encodeSourceEntry(source: Source, segments: number[]): Uint8Array {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const string = (value: string): number => {
    let index = indexes.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexes.set(value, index);
    }
    return index;
  };
  const optional = (value: string | null): number => (value === null ? 0 : string(value) + 1);
  const numbers = writer;
  try {
    numbers.number(source.turns.length);
    for (const turn of source.turns) {
      numbers.number(string(turn.speaker));
      numbers.number(turn.start);
      numbers.number(turn.line);
    }
    numbers.number(source.headings.length);
    for (const heading of source.headings) {
      numbers.number(heading.depth);
      numbers.number(string(heading.text));
      numbers.number(heading.start);
      numbers.number(heading.line);
    }
    numbers.number(source.excerpts.length);
    for (const excerpt of source.excerpts) {
      numbers.number(optional(excerpt.id));
      numbers.number(excerpt.codes.length);
      for (const code of excerpt.codes) numbers.number(string(code));
      numbers.number(optional(excerpt.coder));
      numbers.number(optional(excerpt.memo));
      numbers.number(excerpt.exemplar ? 1 : 0);
      numbers.number(hasKeys(excerpt.attributes) ? string(JSON.stringify(excerpt.attributes)) + 1 : 0);
      numbers.number(excerpt.line);
      numbers.number(excerpt.fragments.length);
      for (const fragment of excerpt.fragments) {
        const { range } = fragment;
        numbers.number(fragment.kind === 'text' ? 0 : 1);
        numbers.number(fragment.start);
        numbers.number(fragment.end);
        numbers.number(range.startOffset);
        numbers.number(range.endOffset);
        numbers.number(fragment.contentStartOffset);
        numbers.number(fragment.contentEndOffset);
        numbers.number(range.startLine);
        numbers.number(range.startColumn);
        numbers.number(range.endLine);
        numbers.number(range.endColumn);
      }
    }
    const astral: number[] = [];
    // A plain text as long in UTF-16 units as in code points has no surrogate pair: most have none, and are not searched.
    if (source.plainText.length !== source.length) {
      SURROGATE_PAIR.lastIndex = 0;
      for (let match = SURROGATE_PAIR.exec(source.plainText); match; match = SURROGATE_PAIR.exec(source.plainText)) astral.push(match.index);
    }
    numbers.number(astral.length);
    for (const offset of astral) numbers.number(offset);
    numbers.number(segments.length / 2);
    for (const value of segments) numbers.number(value);
  } catch (error) {
    numbers.take();
    throw error;
  }
  const fields: SourceFields = [source.id, source.path, source.attributes, source.coders, source.length, source.diagnostics, source.eol, source.bom, source.writable, source.hash];
  const head = Buffer.from(JSON.stringify([...fields, strings]), 'utf8');
  return numbers.take(head);
}

/** Thrown inside `restoreSourceEntry` for an entry that is not of this shape; never leaves it. */
class DamagedEntry extends Error {}

/**
 * Rebuilds the source of a cache entry (see `encodeSourceEntry`) from the
 * file text (without BOM) it was parsed from: equal to the source encoded.
 * The file text may be given as its bytes when they are all ASCII; they are
 * then used as scratch space and changed, but only once the source is
 * restored (a miss leaves them as they were).
 * `undefined` when the entry is not of this shape (cut short, a number out
 * of range, strings of another kind, segments outside the text, a plain
 * text of another length than the source's): a miss, never an error.
 */
export function restoreSourceEntry(entry: Buffer, fileText: string | Buffer, strings: StringPool = new StringPool()): Source | undefined {
  try {
    return restore(entry, fileText, strings);
  } catch (error) {
    if (error instanceof DamagedEntry || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function restore(entry: Buffer, fileText: string | Buffer, pool: StringPool): Source {
  let position = 0;
  const size = entry.length;
  /** The next varint (inline: most of an entry is numbers). */
  const next = (): number => {
    if (position >= size) throw new DamagedEntry();
    let byte = entry[position++];
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 0x80;
    for (;;) {
      if (position >= size || scale > 2 ** 49) throw new DamagedEntry();
      byte = entry[position++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  /** A count of items that follow, each at least one byte long. */
  const count = (): number => {
    const value = next();
    if (value > size - position) throw new DamagedEntry();
    return value;
  };
  const headLength = next();
  if (position + headLength > size) throw new DamagedEntry();
  const head: unknown = JSON.parse(entry.toString('utf8', position, position + headLength));
  position += headLength;
  if (!Array.isArray(head) || head.length !== 11 || !Array.isArray(head[10])) throw new DamagedEntry();
  const [id, path, attributes, coders, length, diagnostics, eol, bom, writable, hash] = head as SourceFields;
  const fields = { id, path, attributes, coders, length, diagnostics, eol, bom, writable, hash };
  if (!isSourceFields(fields)) throw new DamagedEntry();
  const texts = head[10] as unknown[];
  for (const value of texts) if (typeof value !== 'string') throw new DamagedEntry();
  const text = (): string => {
    const index = next();
    if (index >= texts.length) throw new DamagedEntry();
    return texts[index] as string;
  };
  const optionalText = (): string | null => {
    const index = next();
    if (index > texts.length) throw new DamagedEntry();
    return index === 0 ? null : (texts[index - 1] as string);
  };
  // Speakers, coders and codes are shared across sources (see `StringPool`); each once per entry.
  const pooled: (string | undefined)[] = new Array(texts.length);
  const pooledText = (index: number): string => (pooled[index] ??= pool.get(texts[index] as string));
  const sharedText = (): string => {
    const index = next();
    if (index >= texts.length) throw new DamagedEntry();
    return pooledText(index);
  };
  const optionalSharedText = (): string | null => {
    const index = next();
    if (index > texts.length) throw new DamagedEntry();
    return index === 0 ? null : pooledText(index - 1);
  };
  /** Lists of one code (most of them), by the code's index. */
  const singleCodes: (string[] | undefined)[] = new Array(texts.length);
  const flag = (): boolean => {
    const value = next();
    if (value > 1) throw new DamagedEntry();
    return value === 1;
  };

  const turns: Turn[] = new Array(count());
  for (let index = 0; index < turns.length; index++) turns[index] = { speaker: sharedText(), start: next(), line: next() };
  const headings: Heading[] = new Array(count());
  for (let index = 0; index < headings.length; index++) headings[index] = { depth: next(), text: text(), start: next(), line: next() };
  const headingPath = headingPaths(headings);
  const excerpts: Excerpt[] = new Array(count());
  for (let index = 0; index < excerpts.length; index++) {
    const excerptId = optionalText();
    const codeCount = count();
    let codes: string[];
    if (codeCount === 1) {
      const code = next();
      if (code >= texts.length) throw new DamagedEntry();
      codes = singleCodes[code] ??= pool.list([pooledText(code)]);
    } else {
      codes = new Array(codeCount);
      for (let code = 0; code < codeCount; code++) codes[code] = sharedText();
      codes = pool.list(codes);
    }
    const coder = optionalSharedText();
    const memo = optionalText();
    const exemplar = flag();
    const attributesText = optionalText();
    const line = next();
    const fragments: Fragment[] = new Array(count());
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (let at = 0; at < fragments.length; at++) {
      const kind = flag() ? 'container' : 'text';
      const fragmentStart = next();
      const fragmentEnd = next();
      const startOffset = next();
      const endOffset = next();
      const contentStartOffset = next();
      const contentEndOffset = next();
      const startLine = next();
      const startColumn = next();
      const endLine = next();
      const endColumn = next();
      fragments[at] = {
        kind,
        start: fragmentStart,
        end: fragmentEnd,
        range: { startLine, startColumn, startOffset, endLine, endColumn, endOffset },
        contentStartOffset,
        contentEndOffset,
      };
      if (fragmentStart < start) start = fragmentStart;
      if (fragmentEnd > end) end = fragmentEnd;
    }
    excerpts[index] = {
      sourceId: id,
      path,
      id: excerptId,
      codes,
      coder,
      memo,
      exemplar,
      attributes: attributesText === null ? NO_ATTRIBUTES : attributesOf(attributesText),
      fragments,
      start,
      end,
      // Cut from the plain text once it is built.
      text: '',
      speaker: speakerOf(turns, start),
      headings: headingPath(start),
      line,
    };
  }
  const astral: number[] = new Array(count());
  for (let index = 0; index < astral.length; index++) astral[index] = next();
  const segmentCount = count();
  const segments: number[] = new Array(2 * segmentCount);
  let plainLength = 0;
  let previousEnd = 0;
  for (let index = 0; index < segmentCount; index++) {
    const fileStart = next();
    const segmentLength = next();
    // Kept stretches come in file order and do not overlap.
    if (fileStart < previousEnd || fileStart + segmentLength > fileText.length) throw new DamagedEntry();
    segments[2 * index] = fileStart;
    segments[2 * index + 1] = segmentLength;
    plainLength += segmentLength;
    previousEnd = fileStart + segmentLength;
  }
  if (position !== size || plainLength - astral.length !== length) throw new DamagedEntry();
  const plainText = cutPlainText(fileText, segments);
  for (const excerpt of excerpts) excerpt.text = plainText.slice(fromCodePoint(astral, excerpt.start, plainText.length), fromCodePoint(astral, excerpt.end, plainText.length));
  // In the order of `restoreSource`'s sources.
  return { id, path, attributes, coders, length, diagnostics, eol, bom, writable, hash, turns, headings, plainText, excerpts };
}

/**
 * The kept stretches of a file text, joined: copied into a new flat string, so
 * the plain text does not pin the file text. ASCII bytes (the text read as
 * Latin-1) are joined in place, moved to the front of their buffer, which
 * saves making a string of the file text and one of each stretch.
 */
function cutPlainText(fileText: string | Buffer, segments: number[]): string {
  if (typeof fileText === 'string') {
    const parts: string[] = new Array(segments.length / 2);
    for (let index = 0; index < parts.length; index++) parts[index] = fileText.slice(segments[2 * index], segments[2 * index] + segments[2 * index + 1]);
    return parts.join('');
  }
  // Stretches are in file order and do not overlap: each moves to the left of, or onto, where it was.
  let length = 0;
  for (let index = 0; index < segments.length; index += 2) {
    const start = segments[index];
    const end = start + segments[index + 1];
    if (start !== length) fileText.copyWithin(length, start, end);
    length += end - start;
  }
  return fileText.toString('latin1', 0, length);
}

/** Plain UTF-16 offset of a code-point offset, clamped to the text (as `PlainTextMap.fromCodePoint`). */
function fromCodePoint(astral: number[], codePoint: number, length: number): number {
  if (astral.length === 0) return Math.min(codePoint, length);
  let low = 0;
  let high = astral.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (astral[middle] - middle < codePoint) low = middle + 1;
    else high = middle;
  }
  return Math.min(codePoint + low, length);
}

function attributesOf(text: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  if (!isAttributeRecord(value)) throw new DamagedEntry();
  return value as Record<string, string>;
}
