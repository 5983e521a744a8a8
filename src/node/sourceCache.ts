import { promises as fs, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Source } from '../core/model/source';
import type { StringPool } from '../core/syntax/compactSource';
import { FACTS_VERSION } from '../core/syntax/transcriptFacts';
import { encodeSourceEntry, restoreSourceEntry } from './sourceEntry';
import { writeFileAtomic } from './writeFileAtomic';

/** Version of the cache file: the parse rules' version and this file's own shape. */
const CACHE_VERSION = `${FACTS_VERSION}.5`;

/** A parsed source and the kept segments of its file text: what a cache entry is made from. */
export interface CacheValue {
  source: Source;
  /** Kept stretches of the file text, flat `[fileStart, length, …]` (`CompactSource.segments`). */
  segments: number[];
}

/** What the first line of a cache file starts with. */
const MAGIC = 'mdqda-cache';

/**
 * The bytes of a cache file holding `entries` (key, entry bytes): a first
 * line `mdqda-cache VERSION CHECKSUM`, a second line of JSON,
 * `[[key, length], …]`, then the entries one after another, each `length`
 * bytes long; the checksum is the SHA-1 of everything after the first line.
 * An entry is a source in the binary form of `encodeSourceEntry`, or nothing
 * for a file known not to be a transcript. Entries are decoded one by one
 * when asked for; entries not changed are written back as they were read.
 */
export function encodeCacheFile(entries: Iterable<[string, Uint8Array]>, version: string = CACHE_VERSION): Buffer {
  const index: [string, number][] = [];
  const bodies: Uint8Array[] = [];
  let bodyLength = 0;
  for (const [key, bytes] of entries) {
    index.push([key, bytes.length]);
    bodies.push(bytes);
    bodyLength += bytes.length;
  }
  // Everything is written once into one buffer: the first line's length is known before its checksum.
  const firstLineLength = Buffer.byteLength(`${MAGIC} ${version} `, 'utf8') + 41;
  const indexLine = `${JSON.stringify(index)}\n`;
  const file = Buffer.allocUnsafe(firstLineLength + Buffer.byteLength(indexLine, 'utf8') + bodyLength);
  let offset = firstLineLength + file.write(indexLine, firstLineLength, 'utf8');
  for (const bytes of bodies) {
    file.set(bytes, offset);
    offset += bytes.length;
  }
  const checksum = createHash('sha1').update(file.subarray(firstLineLength)).digest('hex');
  file.write(`${MAGIC} ${version} ${checksum}\n`, 0, 'utf8');
  return file;
}

/**
 * The entries of a cache file's bytes (see `encodeCacheFile`) by key, not
 * decoded; empty for a file of another version, whose checksum does not
 * match it (a file cut short or damaged), or whose index is not of that shape
 * or whose lengths do not add up to the rest of the file.
 */
export function decodeCacheFile(file: Buffer, version: string = CACHE_VERSION): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const firstLine = file.indexOf(0x0a);
  if (firstLine === -1) return entries;
  const [magic, stored, checksum, ...more] = file.toString('utf8', 0, firstLine).split(' ');
  if (magic !== MAGIC || stored !== version || more.length > 0) return entries;
  const rest = file.subarray(firstLine + 1);
  if (createHash('sha1').update(rest).digest('hex') !== checksum) return entries;
  const secondLine = rest.indexOf(0x0a);
  if (secondLine === -1) return entries;
  let index: unknown;
  try {
    index = JSON.parse(rest.toString('utf8', 0, secondLine));
  } catch {
    return entries;
  }
  if (!Array.isArray(index)) return entries;
  let offset = secondLine + 1;
  for (const item of index as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Number.isSafeInteger(item[1]) || item[1] < 0) return new Map();
    entries.set(item[0], rest.subarray(offset, offset + item[1]));
    offset += item[1];
  }
  return offset === rest.length ? entries : new Map();
}

/** The entry of a file known not to be a transcript. */
const NOT_A_TRANSCRIPT = new Uint8Array(0);

/**
 * A persistent cache of parsed sources, keyed by the content hash and path of
 * each transcript, kept outside the transcripts (one file per workspace in the
 * user's cache folder, or a folder the caller gives; see `encodeCacheFile`).
 * A corrupt or outdated cache file, or an entry of the wrong shape, is
 * ignored (a miss), never an error.
 */
export class SourceCache {
  /** Entries as read from the file, by key. */
  private entries = new Map<string, Uint8Array>();
  /** Entries given since (parsed now), by key; encoded when saved. */
  private readonly values = new Map<string, CacheValue | null>();
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(private readonly file: string | null) {}

  /** Opens the cache of a workspace; `folder` defaults to `$MDQDA_CACHE_DIR`, else `$XDG_CACHE_HOME/mdqda`, else `~/.cache/mdqda`. */
  static async open(workspaceRoot: string, folder?: string): Promise<SourceCache> {
    const base = folder ?? process.env.MDQDA_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'mdqda');
    const key = createHash('sha1').update(path.resolve(workspaceRoot)).digest('hex').slice(0, 16);
    const cache = new SourceCache(path.join(base, `index-${key}.cache`));
    try {
      // One synchronous read: quicker than the round trips of an asynchronous one.
      cache.entries = decodeCacheFile(readFileSync(cache.file as string));
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  /** A cache that keeps nothing (for `--no-cache`). */
  static disabled(): SourceCache {
    return new SourceCache(null);
  }

  /** The cache key of a file: its content hash and its path (the source id and paths depend on it). */
  static key(hash: string, relativePath: string): string {
    return `${hash}:${relativePath}`;
  }

  /**
   * The cached source of a key, rebuilt with the file text (without BOM) whose
   * hash is in the key, or its ASCII bytes (changed when a source is restored from them, see `restoreSourceEntry`); `null` when the file is known not to be a transcript;
   * `undefined` when unknown, and when the entry stored is of another shape
   * (a damaged or foreign cache file): a miss, dropped.
   */
  restore(key: string, fileText: string | Buffer, strings?: StringPool): Source | null | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      this.used.add(key);
      return value && value.source;
    }
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const source = entry.length === 0 ? null : restoreSourceEntry(entry as Buffer, fileText, strings);
    if (source === undefined) {
      this.entries.delete(key);
      this.changed = true;
      return undefined;
    }
    this.used.add(key);
    return source;
  }

  /** Remembers a parsed source and the kept segments of its file text, or `null` for a file that is not a transcript. */
  set(key: string, value: CacheValue | null): void {
    if (!this.file) return;
    this.values.set(key, value);
    this.entries.delete(key);
    this.used.add(key);
    this.changed = true;
  }

  /** Writes the cache when it changed, keeping only the entries used since it was opened. */
  async save(): Promise<void> {
    if (!this.file) return;
    const unused = this.entries.size + this.values.size > this.used.size;
    if (!this.changed && !unused) return;
    const entries: [string, Uint8Array][] = [];
    for (const key of this.used) {
      let bytes = this.entries.get(key);
      if (bytes === undefined && this.values.has(key)) {
        const value = this.values.get(key);
        try {
          bytes = value ? encodeSourceEntry(value.source, value.segments) : NOT_A_TRANSCRIPT;
        } catch {
          // A source the entry cannot hold is parsed again next time.
        }
      }
      if (bytes !== undefined) entries.push([key, bytes]);
    }
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, encodeCacheFile(entries));
      // The JSON file of earlier versions, no longer read.
      await fs.rm(this.file.replace(/\.cache$/, '.json'), { force: true });
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
