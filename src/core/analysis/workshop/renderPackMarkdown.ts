import { escapeMarkdownCell } from '../../render/renderMarkdown';
import type { Quote } from '../tables/table';
import type { PackCard, ResourcePack } from './resourcePack';

/** Escapes text for a Markdown paragraph: no HTML, no emphasis, links or headings from the data. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([*_`[\]|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^([#>+-]|\d+[.)])/, '\\$1');
}

function who(quote: Quote): string {
  return quote.speaker ? `${quote.speaker}, ${quote.source}` : quote.source;
}

function cardMarkdown(card: PackCard): string[] {
  const lines: string[] = [`## ${escapeMarkdownText(`${card.id} ${card.name}`)}`, ''];
  if (card.description) lines.push(escapeMarkdownText(card.description), '');
  if (card.example) lines.push(`*Invented example:* “${escapeMarkdownText(card.example)}”`, '');
  const coders = card.coders.length > 0 ? `, coded by ${escapeMarkdownText(card.coders.join(', '))}` : '';
  lines.push(`**${card.excerpts} excerpt${card.excerpts === 1 ? '' : 's'}** in **${card.sources} source${card.sources === 1 ? '' : 's'}**${coders}.`, '');
  if (card.columns.length > 0) {
    lines.push(`| ${card.columns.map((column) => escapeMarkdownCell(column.label)).join(' | ')} |`);
    lines.push(`|${card.columns.map(() => '---:|').join('')}`);
    lines.push(`| ${card.columns.map((column) => `${column.excerpts} (${column.sources})`).join(' | ')} |`, '');
  }
  if (card.quotes.length > 0) {
    lines.push('**Quotes**', '');
    for (const quote of card.quotes) {
      lines.push(`> “${escapeMarkdownText(quote.text)}” — ${escapeMarkdownText(who(quote))}${quote.exemplar ? ' *(exemplar)*' : ''}`, '');
    }
  }
  if (card.subCodes.length > 0) {
    lines.push('**Sub-codes**', '');
    for (const sub of card.subCodes) {
      const indent = '  '.repeat(Math.max(0, sub.depth - 1));
      lines.push(`${indent}- ${escapeMarkdownText(`${sub.id} ${sub.name}`)}: ${sub.excerpts} excerpt${sub.excerpts === 1 ? '' : 's'} (${sub.sources} source${sub.sources === 1 ? '' : 's'})`);
    }
    lines.push('');
  }
  lines.push('**For discussion**', '');
  card.prompts.forEach((prompt, index) => lines.push(`${index + 1}. ${escapeMarkdownText(prompt)}`));
  lines.push('');
  return lines;
}

/**
 * Renders a resource pack as Markdown that prints as cards: a title and one
 * line about the corpus, then per candidate a section (separated by rules)
 * with its name, description, invented example, counts per column, quotes
 * with speaker and source (exemplars marked), sub-codes with counts and the
 * discussion prompts; the notes last. Text from transcripts and the
 * codebook is escaped. Ends with a newline.
 */
export function renderPackMarkdown(pack: ResourcePack): string {
  const lines: string[] = [`# ${escapeMarkdownText(pack.title)}`, ''];
  const by = pack.by === 'source' ? 'source' : pack.by;
  lines.push(
    `${pack.cards.length} candidate card${pack.cards.length === 1 ? '' : 's'}, ${pack.sources} source${pack.sources === 1 ? '' : 's'}, coders ${escapeMarkdownText(pack.coders.join(', ') || 'none')}; counts per ${escapeMarkdownText(by)} read excerpts (sources).`,
    '',
  );
  for (const card of pack.cards) lines.push('---', '', ...cardMarkdown(card));
  lines.push('---', '', `*Note.* ${pack.notes.map(escapeMarkdownText).join(' ')}`);
  return lines.join('\n') + '\n';
}
