import * as vscode from 'vscode';
import { excerptsAt } from '../../core/editor/excerptsAt';
import { hoverMarkdown } from '../../core/editor/hoverMarkdown';
import type { BlindMode } from '../blindMode';
import type { DocumentSync } from './documentSync';

/**
 * Hover over coded text or its markup: the codes' names and descriptions, the coder and the memo
 * of every coding there, innermost first (see `hoverMarkdown`: all user text is escaped, and the
 * Markdown is neither trusted nor allowed HTML). While "Show Only My Codings" is on, only the
 * coder's own codings.
 */
export function codingHoverProvider(sync: DocumentSync, blind: BlindMode): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      const found = sync.sourceOf(document);
      if (!found) return undefined;
      const offset = document.offsetAt(position);
      const excerpts = excerptsAt(blind.source(found.source), offset);
      if (excerpts.length === 0) return undefined;
      const markdown = new vscode.MarkdownString(hoverMarkdown(excerpts, found.workspace.codebook));
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      const fragment = excerpts[0].fragments.find((candidate) => candidate.range.startOffset <= offset && offset <= candidate.range.endOffset);
      const range = fragment ? new vscode.Range(document.positionAt(fragment.range.startOffset), document.positionAt(fragment.range.endOffset)) : undefined;
      return new vscode.Hover(markdown, range);
    },
  };
}
