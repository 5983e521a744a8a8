import type { Codebook } from '../model/codebook';
import type { Excerpt } from '../model/excerpt';
import { escapeMarkdownText } from './escapeMarkdownText';

/**
 * The Markdown of a hover over coded text: for each excerpt (innermost first), each code's id,
 * name and description (a code missing from the codebook says so), then the coder, whether it
 * is an exemplar, and the memo. Every piece of user text (names, descriptions, coder, memo, ids)
 * is escaped, so the hover never renders links, HTML or commands from a transcript or codebook.
 * Returns an empty string for no excerpts.
 */
export function hoverMarkdown(excerpts: readonly Excerpt[], codebook: Codebook): string {
  const blocks = excerpts.map((excerpt) => {
    const lines = excerpt.codes.map((id) => {
      const code = codebook.codes.get(id) ?? [...codebook.codes.values()].find((candidate) => candidate.aliases.includes(id));
      if (!code) return `- **${escapeMarkdownText(id)}** — *not in the codebook*`;
      const name = `**${escapeMarkdownText(code.id)}** ${escapeMarkdownText(code.name)}`;
      const description = code.description ? ` — ${escapeMarkdownText(code.description)}` : '';
      return `- ${name}${description}`;
    });
    const facts: string[] = [];
    facts.push(excerpt.coder ? `coded by ${escapeMarkdownText(excerpt.coder)}` : 'no coder');
    if (excerpt.exemplar) facts.push('exemplar');
    if (excerpt.speaker) facts.push(`speaker ${escapeMarkdownText(excerpt.speaker)}`);
    const parts = [lines.join('\n'), `*${facts.join(' · ')}*`];
    if (excerpt.memo) parts.push(`Memo: ${escapeMarkdownText(excerpt.memo)}`);
    return parts.join('\n\n');
  });
  return blocks.join('\n\n---\n\n');
}
