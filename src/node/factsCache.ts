import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { TranscriptFacts } from '../core/syntax/transcriptFacts';
import { FACTS_VERSION } from '../core/syntax/transcriptFacts';
import { writeFileAtomic } from './writeFileAtomic';

/**
 * A persistent cache of parse results keyed by the content hash of each
 * transcript, kept outside the transcripts (one JSON file per workspace in
 * the user's cache folder, or a folder the caller gives). A corrupt or
 * outdated cache file is ignored, never an error.
 */
export class FactsCache {
  private entries = new Map<string, TranscriptFacts>();
  private used = new Set<string>();
  private changed = false;

  private constructor(private readonly file: string | null) {}

  /** Opens the cache of a workspace; `folder` defaults to `$MDQDA_CACHE_DIR`, else `$XDG_CACHE_HOME/mdqda`, else `~/.cache/mdqda`. */
  static async open(workspaceRoot: string, folder?: string): Promise<FactsCache> {
    const base = folder ?? process.env.MDQDA_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'mdqda');
    const key = createHash('sha1').update(path.resolve(workspaceRoot)).digest('hex').slice(0, 16);
    const cache = new FactsCache(path.join(base, `index-${key}.json`));
    try {
      const stored = JSON.parse(await fs.readFile(cache.file as string, 'utf8')) as { version: number; entries: Record<string, TranscriptFacts> };
      if (stored.version === FACTS_VERSION && stored.entries && typeof stored.entries === 'object') {
        cache.entries = new Map(Object.entries(stored.entries));
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  /** A cache that keeps nothing (for `--no-cache`). */
  static disabled(): FactsCache {
    return new FactsCache(null);
  }

  get(hash: string): TranscriptFacts | undefined {
    const facts = this.entries.get(hash);
    if (facts && facts.version === FACTS_VERSION) {
      this.used.add(hash);
      return facts;
    }
    return undefined;
  }

  set(hash: string, facts: TranscriptFacts): void {
    if (!this.file) return;
    this.entries.set(hash, facts);
    this.used.add(hash);
    this.changed = true;
  }

  /** Writes the cache when it changed, keeping only the entries used since it was opened. */
  async save(): Promise<void> {
    if (!this.file) return;
    const unused = [...this.entries.keys()].some((hash) => !this.used.has(hash));
    if (!this.changed && !unused) return;
    const entries: Record<string, TranscriptFacts> = {};
    for (const hash of this.used) {
      const facts = this.entries.get(hash);
      if (facts) entries[hash] = facts;
    }
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: FACTS_VERSION, entries }));
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
