import fs from 'node:fs';
import path from 'node:path';
import { compileCodebook } from '../core/codebook/compileCodebook';
import type { CodebookResult, CodebookText } from '../core/codebook/mergeCodebooks';
import { emptyCodebook } from '../core/codebook/emptyCodebook';
import type { Diagnostic } from '../core/model/diagnostic';
import { findPackageRoot, listPresets, readPreset } from './presets';
import { describeSpecialFile } from './readTranscriptFile';

/** Name of the codebook read when none is configured. */
export const DEFAULT_CODEBOOK = 'codebook.yaml';

/** Options of `loadCodebooks`. */
export interface LoadCodebooksOptions {
  /** Package root holding `presets/`. Default: found from this module's folder. */
  packageRoot?: string;
}

/**
 * Reads and merges the codebook files `paths` (relative to `root`, or
 * absolute), in order. With no paths, reads `codebook.yaml` at `root` when it
 * exists; with none there either, the result is an empty codebook without
 * diagnostics. `extends:` names bundled presets or `.yaml` files relative to
 * the extending file. A configured file that cannot be read, or is not a
 * regular file (never read, so a FIFO cannot block), is an error
 * (`codebook-not-found`) at its line 1, column 1. Diagnostic paths are
 * relative to `root` with `/` separators (presets: their absolute path).
 */
export async function loadCodebooks(
  paths: readonly string[],
  root: string,
  options: LoadCodebooksOptions = {},
): Promise<CodebookResult> {
  const packageRoot = options.packageRoot ?? findPackageRoot();
  const wanted = paths.length > 0 ? paths : [DEFAULT_CODEBOOK];
  const texts: CodebookText[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const wantedPath of wanted) {
    const absolute = path.resolve(root, wantedPath);
    const relative = toWorkspacePath(root, absolute);
    try {
      // A FIFO or device would block the read: only regular files are codebooks.
      const stat = await fs.promises.stat(absolute);
      if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: `not a regular file (${describeSpecialFile(stat)})` });
      texts.push({ text: await fs.promises.readFile(absolute, 'utf8'), path: relative });
    } catch (error) {
      if (paths.length === 0) continue; // the default codebook is optional
      diagnostics.push({
        path: relative,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'codebook-not-found',
        message: `Cannot read codebook ${relative}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
    }
  }
  if (texts.length === 0) return { codebook: emptyCodebook(), diagnostics };
  const result = compileCodebook(texts, {
    resolvePreset: (name) => readPreset(name, packageRoot),
    presetNames: listPresets(packageRoot),
    readFile: (file) => {
      try {
        return fs.readFileSync(path.resolve(root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  return { codebook: result.codebook, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/** `absolute` relative to `root` with `/` separators. */
function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
