import { promises as fs, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { CompactSource } from '../core/syntax/compactSource';
import { FACTS_VERSION } from '../core/syntax/transcriptFacts';
import { isCompactSource } from './isCompactSource';
import { writeFileAtomic } from './writeFileAtomic';

/** Version of the cache file: the parse rules' version and this file's own shape. */
const CACHE_VERSION = `${FACTS_VERSION}.3`;

/**
 * A persistent cache of parsed sources, keyed by the content hash and path of
 * each transcript, kept outside the transcripts (one JSON file per workspace
 * in the user's cache folder, or a folder the caller gives). A corrupt or
 * outdated cache file, or an entry of the wrong shape, is ignored (a miss),
 * never an error.
 */
export class SourceCache {
  private entries = new Map<string, CompactSource | null>();
  /** Entries that arrived as JSON text, by key. */
  private readonly texts = new Map<string, string>();
  private used = new Set<string>();
  private changed = false;

  private constructor(private readonly file: string | null) {}

  /** Opens the cache of a workspace; `folder` defaults to `$MDQDA_CACHE_DIR`, else `$XDG_CACHE_HOME/mdqda`, else `~/.cache/mdqda`. */
  static async open(workspaceRoot: string, folder?: string): Promise<SourceCache> {
    const base = folder ?? process.env.MDQDA_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'mdqda');
    const key = createHash('sha1').update(path.resolve(workspaceRoot)).digest('hex').slice(0, 16);
    const cache = new SourceCache(path.join(base, `index-${key}.json`));
    try {
      // One synchronous read and decode: the asynchronous one decodes in small chunks, slowly.
      const stored = JSON.parse(readFileSync(cache.file as string, 'utf8')) as { version: string; entries: Record<string, CompactSource | null> };
      if (stored.version === CACHE_VERSION && stored.entries && typeof stored.entries === 'object') {
        cache.entries = new Map(Object.entries(stored.entries));
      }
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
   * transcript; `undefined` when unknown, and when the entry stored is of
   * another shape (a damaged or foreign cache file): a miss, dropped.
   */
  get(key: string): CompactSource | null | undefined {
    const entry: unknown = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry !== null && !isCompactSource(entry)) {
      this.entries.delete(key);
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
    this.entries.set(key, entry);
    if (json !== undefined) this.texts.set(key, json);
    this.used.add(key);
    this.changed = true;
  }

  /** Writes the cache when it changed, keeping only the entries used since it was opened. */
  async save(): Promise<void> {
    if (!this.file) return;
    const unused = [...this.entries.keys()].some((key) => !this.used.has(key));
    if (!this.changed && !unused) return;
    // Written piece by piece, reusing the JSON of entries that came as JSON.
    const parts: string[] = [];
    for (const key of this.used) {
      const entry = this.entries.get(key);
      if (entry === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${this.texts.get(key) ?? JSON.stringify(entry)}`);
    }
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `{"version":${JSON.stringify(CACHE_VERSION)},"entries":{${parts.join(',')}}}`);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
