import { escapeHtml } from '../../render/renderHtml';
import type { PackCard, ResourcePack } from './resourcePack';

const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #1d1d1d; margin: 2rem auto; max-width: 46rem; padding: 0 1rem; line-height: 1.45; }
  header.pack h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  header.pack p { color: #555; margin-top: 0; }
  section.card { border: 1px solid #bbb; border-top: 0.6rem solid var(--code-color, #777); border-radius: 0.4rem; padding: 1rem 1.4rem; margin: 1.5rem 0; }
  section.card h2 { margin: 0 0 0.4rem; font-size: 1.35rem; }
  section.card h2 .id { font-family: ui-monospace, Menlo, Consolas, monospace; color: #555; margin-right: 0.4rem; }
  h3 { font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.05em; color: #555; margin: 1rem 0 0.3rem; }
  .example { font-style: italic; color: #444; }
  .counts { font-weight: bold; }
  table { border-collapse: collapse; margin: 0.4rem 0; font-size: 0.9rem; }
  th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: right; }
  th { background: #f2f2f2; font-weight: normal; }
  blockquote { margin: 0.5rem 0; padding: 0.3rem 0.8rem; border-left: 0.25rem solid var(--code-color, #777); background: #fafafa; }
  blockquote .who { display: block; font-size: 0.85rem; color: #555; margin-top: 0.2rem; }
  .exemplar-mark { font-size: 0.75rem; border: 1px solid #999; border-radius: 0.2rem; padding: 0 0.25rem; margin-left: 0.3rem; }
  ol.prompts li { margin-bottom: 0.3rem; }
  footer.notes { font-size: 0.85rem; color: #555; border-top: 1px solid #ccc; margin-top: 2rem; padding-top: 0.5rem; }
  @media print {
    @page { margin: 1.5cm; }
    html { font-size: 10pt; }
    body { margin: 0; max-width: none; line-height: 1.3; }
    header.pack h1 { font-size: 1.3rem; }
    section.card { break-after: page; border-color: #888; margin: 0; }
    footer.notes { break-before: page; }
  }
`;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function cardHtml(card: PackCard): string {
  const color = card.color !== null && COLOR.test(card.color) ? ` style="--code-color: ${card.color}"` : '';
  const parts: string[] = [`<section class="card" id="card-${escapeHtml(card.id)}"${color}>`];
  parts.push(`<h2><span class="id">${escapeHtml(card.id)}</span>${escapeHtml(card.name)}</h2>`);
  if (card.description) parts.push(`<p class="description">${escapeHtml(card.description)}</p>`);
  if (card.example) parts.push(`<p class="example">Invented example: “${escapeHtml(card.example)}”</p>`);
  const coders = card.coders.length > 0 ? `, coded by ${escapeHtml(card.coders.join(', '))}` : '';
  parts.push(`<p class="counts">${plural(card.excerpts, 'excerpt')} in ${plural(card.sources, 'source')}${coders}</p>`);
  if (card.columns.length > 0) {
    parts.push('<table><thead><tr>');
    for (const column of card.columns) parts.push(`<th scope="col">${escapeHtml(column.label)}</th>`);
    parts.push('</tr></thead><tbody><tr>');
    for (const column of card.columns) parts.push(`<td>${column.excerpts} (${column.sources})</td>`);
    parts.push('</tr></tbody></table>');
  }
  if (card.quotes.length > 0) {
    parts.push('<h3>Quotes</h3>');
    for (const quote of card.quotes) {
      const who = quote.speaker ? `${quote.speaker}, ${quote.source}` : quote.source;
      const mark = quote.exemplar ? '<span class="exemplar-mark">exemplar</span>' : '';
      parts.push(`<blockquote><p>“${escapeHtml(quote.text)}”</p><span class="who">${escapeHtml(who)}${mark}</span></blockquote>`);
    }
  }
  if (card.subCodes.length > 0) {
    parts.push('<h3>Sub-codes</h3><ul class="subcodes">');
    for (const sub of card.subCodes) {
      const indent = sub.depth > 1 ? ` style="margin-left: ${(sub.depth - 1) * 1.2}rem"` : '';
      parts.push(`<li${indent}><strong>${escapeHtml(sub.id)}</strong> ${escapeHtml(sub.name)}: ${plural(sub.excerpts, 'excerpt')} (${plural(sub.sources, 'source')})</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('<h3>For discussion</h3><ol class="prompts">');
  for (const prompt of card.prompts) parts.push(`<li>${escapeHtml(prompt)}</li>`);
  parts.push('</ol></section>');
  return parts.join('\n');
}

/**
 * Renders a resource pack as one standalone, printable HTML document: no
 * script, no external resource (a content security policy forbids any),
 * every text from transcripts and codebook escaped, the title, then one
 * card per candidate (each card starts a new page when printed), the notes
 * last.
 */
export function renderPackHtml(pack: ResourcePack): string {
  const by = pack.by === 'source' ? 'source' : pack.by;
  const summary = `${plural(pack.cards.length, 'candidate card')}, ${plural(pack.sources, 'source')}, coders ${pack.coders.join(', ') || 'none'}; counts per ${by} read excerpts (sources).`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pack.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="pack"><h1>${escapeHtml(pack.title)}</h1><p>${escapeHtml(summary)}</p></header>`,
    ...pack.cards.map(cardHtml),
    `<footer class="notes">${pack.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
