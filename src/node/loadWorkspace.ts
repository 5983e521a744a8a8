import { declaresSourceId, looksLikeTranscript } from '../core/syntax/looksLikeTranscript';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Codebook } from '../core/model/codebook';
import type { Diagnostic } from '../core/model/diagnostic';
import type { Source } from '../core/model/source';
import { checkCodes } from '../core/index/checkCodes';
import { loadCodebooks } from './loadCodebooks';
import { SourceCache } from './sourceCache';
import { restoreSource, shareStrings, StringPool } from '../core/syntax/compactSource';
import { parseSource, type CompactParse, type CompactParseInput, type SourceParse } from '../core/syntax/parseCompact';
import { findTranscripts } from './findTranscripts';
import { defaultThreads, freeCores, parseAll } from './parsePool';
import { asciiMentionsCode, asciiText, DEFAULT_MAX_BYTES, readTranscriptFileSync, type AsciiTranscript, type ReadTranscript } from './readTranscriptFile';

/** Everything the tools know about a workspace of transcripts. */
export interface Workspace {
  /** Absolute path of the workspace root; source paths are relative to it. */
  root: string;
  /** Transcripts, sorted by path. */
  sources: Source[];
  codebook: Codebook;
  /** Problems of the files (skipped, unreadable, malformed) and of the codebook, sorted by path and line. */
  diagnostics: Diagnostic[];
}

/** Options of `loadWorkspace`. */
export interface LoadWorkspaceOptions {
  /** Files or folders, relative to `cwd` (default: the root). */
  paths: string[];
  cwd: string;
  /** Workspace root (default: the first path if it is a folder, else its folder, else `cwd`). */
  root?: string;
  /** Codebook files relative to the root (default: `codebook.yaml` at the root when it exists). */
  codebooks?: string[];
  /** Use the persistent parse cache (default true). */
  cache?: boolean;
  /** Folder of the cache file (default: see `SourceCache.open`). */
  cacheFolder?: string;
  /** Largest transcript read, in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Threads for parsing, this one included (default: one per core other work leaves free, see `parseAll`; 1 parses on this thread). */
  maxWorkers?: number;
}

/**
 * Finds, reads and parses the transcripts under `paths` and loads the
 * codebook. Files found by searching a folder are transcripts only if they
 * contain `code` markup or their front matter names a source `id:`; files named directly always are. Unchanged files are
 * read from the parse cache; the rest are parsed on worker threads when there
 * are many. One bad file never stops the others: it becomes a diagnostic.
 */
export async function loadWorkspace(options: LoadWorkspaceOptions): Promise<Workspace> {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const absolutePaths = paths.map((wanted) => path.resolve(options.cwd, wanted));
  const root = options.root ? path.resolve(options.cwd, options.root) : await defaultRoot(absolutePaths[0] ?? options.cwd);
  const diagnostics: Diagnostic[] = [];
  const { files, missing } = await findTranscripts(absolutePaths, root);
  for (const wanted of missing) {
    diagnostics.push({ path: wanted, line: 1, column: 1, severity: 'error', message: `no such file or folder: ${wanted}`, ruleId: 'path-not-found' });
  }

  const cache = options.cache === false ? SourceCache.disabled() : await SourceCache.open(root, options.cacheFolder);
  const built: (Source | undefined)[] = new Array(files.length);
  const strings = new StringPool();
  /** Takes a file's parse: a source when it is a transcript, remembered in the cache either way. */
  const accept = (index: number, read: ReadText, parsed: SourceParse | CompactParse) => {
    // A file found in a folder that only mentions `:code` (in code spans, say) is not a transcript,
    // unless its front matter names its source id.
    const isTranscript = files[index].explicit || parsed.codes || declaresSourceId(read.text);
    let source: Source | undefined;
    if (isTranscript) source = 'compact' in parsed ? restoreSource(parsed.compact, read.text, strings) : shareStrings(parsed.source, strings);
    built[index] = source;
    const segments = 'compact' in parsed ? parsed.compact.segments : parsed.segments;
    cache.set(SourceCache.key(read.hash, files[index].relative), source ? { source, segments } : null);
  };
  /**
   * On this thread alone, each file is parsed as soon as it is read: no text waits for the others to be
   * read, so the collector has less to keep and copy. With worker threads, all are read first and dealt out.
   */
  const threads = options.maxWorkers ?? defaultThreads(freeCores());
  const inTurn = threads < 2;
  /** Files to parse, with what was read of them. */
  const pending: { index: number; read: ReadText }[] = [];
  // Many small files: synchronous reads beat the round trips of asynchronous ones. Each file is done
  // with as soon as it is read, so the texts of files restored from the cache are not kept meanwhile.
  files.forEach((file, index) => {
    // ASCII files (most) come as their bytes: one restored from the cache is never decoded as a whole.
    const result = readTranscriptFileSync(file.absolute, file.relative, options.maxBytes ?? DEFAULT_MAX_BYTES, true);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      return;
    }
    const ascii = 'ascii' in result ? result : undefined;
    let read = ascii ? undefined : (result as ReadText);
    const text = () => (read ??= asciiText(ascii as AsciiTranscript));
    if (!file.explicit && !(ascii ? asciiMentionsCode(ascii.ascii) || declaresSourceId(text().text) : looksLikeTranscript(text().text))) return;
    // The bytes are changed only when a source is restored from them.
    const cached = cache.restore(SourceCache.key(result.hash, file.relative), ascii ? ascii.ascii : text().text, strings);
    // `null`: a file known to mention `:code` without coding anything.
    if (cached) built[index] = cached;
    else if (cached === null && !file.explicit) return;
    else if (inTurn) accept(index, text(), parseSource(parseInput(text(), file.relative)));
    else pending.push({ index, read: text() });
  });
  // Sources are restored from the compact results, in the order they come.
  await parseAll(
    pending.map(({ index, read }) => parseInput(read, files[index].relative)),
    { maxWorkers: threads, onResult: (position, parsed) => accept(pending[position].index, pending[position].read, parsed) },
  );
  await cache.save();
  const sources = built.filter((source): source is Source => source !== undefined);
  reportDuplicateIds(sources, diagnostics);

  const codebookResult = await loadCodebooks(options.codebooks ?? [], root);
  diagnostics.push(...codebookResult.diagnostics);
  const all = [...diagnostics, ...sources.flatMap((source) => source.diagnostics), ...checkCodes(sources, codebookResult.codebook)];
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return { root, sources, codebook: codebookResult.codebook, diagnostics: all };
}

/** A file read as text. */
type ReadText = Extract<ReadTranscript, { ok: true }>;

/** What parsing a file read needs. */
function parseInput(read: ReadText, relativePath: string): CompactParseInput {
  return { text: read.text, path: relativePath, hash: read.hash, bom: read.bom, writable: read.writable, diagnostics: read.diagnostics };
}

async function defaultRoot(first: string): Promise<string> {
  try {
    const stat = await fs.stat(first);
    return stat.isDirectory() ? first : path.dirname(first);
  } catch {
    return path.dirname(first);
  }
}

function reportDuplicateIds(sources: Source[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Source>();
  for (const source of sources) {
    const first = seen.get(source.id);
    if (first) {
      diagnostics.push({
        path: source.path,
        line: 1,
        column: 1,
        severity: 'error',
        message: `source id \`${source.id}\` is also used by ${first.path}: give one of them another \`id\` in its front matter`,
        ruleId: 'duplicate-source-id',
      });
    } else {
      seen.set(source.id, source);
    }
  }
}
