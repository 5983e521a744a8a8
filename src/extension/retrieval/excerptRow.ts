import * as vscode from 'vscode';
import type { Excerpt, Source } from '../../core/model';
import type { ExcerptTarget } from '../commands/openExcerpt';

/**
 * An excerpt row of the Coded Excerpts or Memos view, as VS Code hands it to the row's context
 * menu commands. `scope` names the node the row sits under; `codeId` the code when that is a code.
 */
export interface ExcerptRow {
  kind: 'excerpt';
  scope: string;
  codeId?: string;
  source: Source;
  excerpt: Excerpt;
}

/** Whether `value` is an excerpt row (what a context-menu command receives first). */
export function isExcerptRow(value: unknown): value is ExcerptRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Partial<ExcerptRow>;
  return row.kind === 'excerpt' && typeof row.source === 'object' && typeof row.excerpt === 'object' && row.excerpt !== null;
}

/** Where `excerpt` is in the file at `uri`: from its first directive's start to its last directive's end. */
export function excerptTargetOf(uri: vscode.Uri, excerpt: Excerpt): ExcerptTarget {
  return {
    uri,
    start: excerpt.fragments[0]?.range.startOffset ?? 0,
    end: excerpt.fragments[excerpt.fragments.length - 1]?.range.endOffset ?? 0,
  };
}
