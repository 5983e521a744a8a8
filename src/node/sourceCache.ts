import { promises as fs, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { CompactSource } from '../core/syntax/compactSource';
import { FACTS_VERSION } from '../core/syntax/transcriptFacts';
import { isCompactSource } from './isCompactSource';
import { writeFileAtomic } from './writeFileAtomic';

/** Version of the cache file: the parse rules' version and this file's own shape. */
const CACHE_VERSION = `${FACTS_VERSION}.4`;

/**
 * The text of a cache file holding `entries` (key, entry as JSON text): a
 * first line of JSON, `{"version":…,"entries":[[key, length], …]}`, then the
 * entries' JSON texts one after another, each `length` UTF-16 units long.
 * Entries are read one by one when asked for, so opening the cache parses
 * only the first line, and an entry's parsed form lives only as long as its
 * source is being rebuilt; entries not changed are written back as they were read.
 */
export function encodeCacheFile(entries: Iterable<[string, string]>, version: string = CACHE_VERSION): string {
  const index: [string, number][] = [];
  const texts: string[] = [];
  for (const [key, text] of entries) {
    index.push([key, text.length]);
    texts.push(text);
  }
  return `${JSON.stringify({ version, entries: index })}\n${texts.join('')}`;
}

/**
 * The entries of a cache file's text (see `encodeCacheFile`) as JSON texts by
 * key, not parsed; empty for a file of another version, or whose first line
 * is not of that shape or whose lengths do not add up to the rest of the file.
 */
export function decodeCacheFile(text: string, version: string = CACHE_VERSION): Map<string, string> {
  const entries = new Map<string, string>();
  const newline = text.indexOf('\n');
  if (newline === -1) return entries;
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, newline));
  } catch {
    return entries;
  }
  const { version: stored, entries: index } = (header ?? {}) as { version?: unknown; entries?: unknown };
  if (stored !== version || !Array.isArray(index)) return entries;
  let offset = newline + 1;
  for (const item of index as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Number.isSafeInteger(item[1]) || item[1] < 0) return new Map();
    entries.set(item[0], text.slice(offset, offset + item[1]));
    offset += item[1];
  }
  return offset === text.length ? entries : new Map();
}

/**
 * A persistent cache of parsed sources, keyed by the content hash and path of
 * each transcript, kept outside the transcripts (one file per workspace in the
 * user's cache folder, or a folder the caller gives; see `encodeCacheFile`).
 * A corrupt or outdated cache file, or an entry that is not JSON or of the
 * wrong shape, is ignored (a miss), never an error.
 */
export class SourceCache {
  /** Entries as JSON text, by key: as read from the file, or as workers sent them. */
  private texts = new Map<string, string>();
  /** Entries given as values (parsed on this thread), by key; written as JSON when saved. */
  private readonly values = new Map<string, CompactSource | null>();
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(private readonly file: string | null) {}

  /** Opens the cache of a workspace; `folder` defaults to `$MDQDA_CACHE_DIR`, else `$XDG_CACHE_HOME/mdqda`, else `~/.cache/mdqda`. */
  static async open(workspaceRoot: string, folder?: string): Promise<SourceCache> {
    const base = folder ?? process.env.MDQDA_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'mdqda');
    const key = createHash('sha1').update(path.resolve(workspaceRoot)).digest('hex').slice(0, 16);
    const cache = new SourceCache(path.join(base, `index-${key}.cache`));
    try {
      // One synchronous read and decode: the asynchronous one decodes in small chunks, slowly.
      cache.texts = decodeCacheFile(readFileSync(cache.file as string, 'utf8'));
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
   * The cached source of a key; `null` when the file is known not to be a
   * transcript; `undefined` when unknown, and when the entry stored is not
   * JSON or of another shape (a damaged or foreign cache file): a miss, dropped.
   */
  get(key: string): CompactSource | null | undefined {
    if (this.values.has(key)) {
      this.used.add(key);
      return this.values.get(key);
    }
    const text = this.texts.get(key);
    if (text === undefined) return undefined;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      entry = undefined;
    }
    if (entry !== null && !isCompactSource(entry)) {
      this.texts.delete(key);
      this.changed = true;
      return undefined;
    }
    this.used.add(key);
    return entry;
  }

  /**
   * Remembers a parsed source, or `null` for a file that is not a transcript.
   * `json`, when given, is the entry already written as JSON (as workers send
   * it), so saving need not write it again.
   */
  set(key: string, entry: CompactSource | null, json?: string): void {
    if (!this.file) return;
    if (json !== undefined) {
      this.texts.set(key, json);
      this.values.delete(key);
    } else {
      this.values.set(key, entry);
      this.texts.delete(key);
    }
    this.used.add(key);
    this.changed = true;
  }

  /** Writes the cache when it changed, keeping only the entries used since it was opened. */
  async save(): Promise<void> {
    if (!this.file) return;
    const unused = this.texts.size + this.values.size > this.used.size;
    if (!this.changed && !unused) return;
    const entries: [string, string][] = [];
    for (const key of this.used) {
      const text = this.texts.get(key) ?? (this.values.has(key) ? JSON.stringify(this.values.get(key)) : undefined);
      if (text !== undefined) entries.push([key, text]);
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
