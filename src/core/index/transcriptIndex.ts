import type { Codebook } from '../model/codebook';
import type { Diagnostic } from '../model/diagnostic';
import type { Source } from '../model/source';
import { parseTranscript, type ParseOptions } from '../syntax/parseTranscript';
import { checkCodes } from './checkCodes';

/**
 * The index of a workspace that editors keep up to date file by file: the
 * sources by path and the codebook in use. Updating one transcript re-parses
 * that one file only (from its saved or unsaved text); the others are kept.
 * Pure: the caller reads files and watches for changes.
 */
export class TranscriptIndex {
  private readonly byPath = new Map<string, Source>();
  private sorted: Source[] | null = null;
  private currentCodebook: Codebook;
  /** Increases with every change, so views can tell a stale result from a fresh one. */
  version = 0;

  constructor(sources: readonly Source[], codebook: Codebook) {
    for (const source of sources) this.byPath.set(source.path, source);
    this.currentCodebook = codebook;
  }

  /** Every source, sorted by path. */
  get sources(): Source[] {
    this.sorted ??= [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.sorted;
  }

  get codebook(): Codebook {
    return this.currentCodebook;
  }

  /** The source at a workspace-relative path, if indexed. */
  get(path: string): Source | undefined {
    return this.byPath.get(path);
  }

  /** Replaces the codebook (after it was edited and loaded again). */
  setCodebook(codebook: Codebook): void {
    this.currentCodebook = codebook;
    this.version++;
  }

  /** Parses a transcript's text and puts it in the index in place of the old one; returns it. */
  update(text: string, options: ParseOptions): Source {
    const source = parseTranscript(text, options);
    this.put(source);
    return source;
  }

  /** Puts an already parsed source in the index. */
  put(source: Source): void {
    this.byPath.set(source.path, source);
    this.sorted = null;
    this.version++;
  }

  /** Removes a transcript (deleted or no longer matched); true when it was there. */
  remove(path: string): boolean {
    const removed = this.byPath.delete(path);
    if (removed) {
      this.sorted = null;
      this.version++;
    }
    return removed;
  }

  /** Diagnostics of one source: its own, plus codes the codebook lacks. */
  diagnosticsOf(path: string): Diagnostic[] {
    const source = this.byPath.get(path);
    if (!source) return [];
    return [...source.diagnostics, ...checkCodes([source], this.currentCodebook)];
  }
}
