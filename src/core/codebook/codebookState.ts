import type { Codebook } from '../model/codebook';
import type { Diagnostic } from '../model/diagnostic';
import type { CodebookResult } from './mergeCodebooks';
import { EMPTY_CODEBOOK_RULE } from './compileCodebook';

/** The codebook to work with after an update, and the diagnostics to show. */
export interface CodebookInUse extends CodebookResult {
  /** True when `codebook` is an earlier good codebook rather than the one just loaded. */
  stale: boolean;
}

/**
 * Keeps working with the last good codebook (SPEC §2): holds the last merged
 * codebook that had no error-severity diagnostics. Pure: no I/O, no timers.
 */
export class CodebookState {
  private lastGood: Codebook | null = null;

  /** The last codebook without errors, or null before the first one. */
  get current(): Codebook | null {
    return this.lastGood;
  }

  /**
   * Takes a freshly loaded codebook. Without errors it becomes the codebook in
   * use. With errors (or with an empty codebook file while the last good
   * codebook has codes), the last good codebook stays in use (`stale: true`) and
   * one more diagnostic (`stale-codebook`, a warning placed at the first
   * error) says so; when there has been no good codebook yet, the new one is
   * used as it is, since it is the best there is.
   */
  update(result: CodebookResult): CodebookInUse {
    // An empty codebook file is most often one read while it was being written (truncated first):
    // taken as the last good codebook, it would stay in use, with no codes, after the write ended.
    const firstError = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error' || (diagnostic.ruleId === EMPTY_CODEBOOK_RULE && (this.lastGood?.codes.size ?? 0) > 0));
    if (!firstError) {
      this.lastGood = result.codebook;
      return { codebook: result.codebook, diagnostics: result.diagnostics, stale: false };
    }
    if (this.lastGood === null) {
      return { codebook: result.codebook, diagnostics: result.diagnostics, stale: false };
    }
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    const why = errors > 0 ? `The codebook has ${errors} error${errors === 1 ? '' : 's'}` : `The codebook file ${firstError.path} is empty`;
    const notice: Diagnostic = {
      path: firstError.path,
      line: firstError.line,
      column: firstError.column,
      severity: 'warning',
      ruleId: 'stale-codebook',
      message: `${why}; still using the last good codebook (${this.lastGood.codes.size} codes) until ${errors > 0 ? 'they are fixed' : 'it has codes again'}`,
    };
    return { codebook: this.lastGood, diagnostics: [...result.diagnostics, notice], stale: true };
  }
}
