import type { Column, Row, Table } from '../analysis/tables/table';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Print the title and caption above the table. Default true. */
  title?: boolean;
  /** Print the notes (rules the numbers follow) below the table. Default true. */
  notes?: boolean;
  /**
   * How sub-codes are indented (one em space per level; GFM trims ordinary leading spaces in a
   * cell). `entity` (default) writes `&emsp;`, which every Markdown renderer keeps: for text that
   * will be rendered (a file, a pipe, the clipboard). `character` writes the U+2003 EM SPACE
   * character itself: for text read as it stands, in a terminal.
   */
  indent?: 'entity' | 'character';
}

/**
 * Escapes text for one cell of a GitHub-flavoured Markdown table: backslashes
 * and pipes are backslash-escaped (so a pipe never splits the cell), line
 * breaks become `<br>`, `<` becomes `&lt;` (no HTML from a transcript reaches
 * the reader) and `&` that would start an entity becomes `&amp;`.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

/** Escapes text for a Markdown paragraph (title, caption, notes) outside the table. */
function escapeMarkdownText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([*_`[\]])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const NUMERIC = new Set<Column['kind']>(['count', 'countWithSources', 'number', 'percent']);

function rowLabel(row: Row, emSpace: string): string {
  const indent = emSpace.repeat(Math.max(0, row.depth));
  const label = escapeMarkdownCell(row.label);
  const strong = (row.kind === 'total' || row.kind === 'heading') && label !== '' ? `**${label}**` : label;
  return `${indent}${strong}`;
}

/**
 * Renders a table as GitHub-flavoured Markdown that pastes into a paper
 * draft: a bold title and caption, the table (numbers right-aligned,
 * sub-codes indented with em spaces as `options.indent` says, total and level rows in bold), then the
 * notes as an italic *Note.* paragraph. Ends with a newline.
 */
export function renderMarkdown(table: Table, options: RenderMarkdownOptions = {}): string {
  const emSpace = options.indent === 'character' ? '\u2003' : '&emsp;';
  const lines: string[] = [];
  if (options.title ?? true) {
    lines.push(`**${escapeMarkdownText(table.title)}.** ${escapeMarkdownText(table.caption)}`, '');
  }
  const header = [escapeMarkdownCell(table.rowHeader), ...table.columns.map((column) => escapeMarkdownCell(column.label))];
  const rule = ['---', ...table.columns.map((column) => (NUMERIC.has(column.kind) ? '---:' : '---'))];
  lines.push(`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`);
  for (const row of table.rows) {
    const cells = [rowLabel(row, emSpace), ...table.columns.map((_, index) => escapeMarkdownCell(row.cells[index]?.text ?? ''))];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (table.rows.length === 0) lines.push(`| *(no rows)* |${' |'.repeat(table.columns.length)}`);
  if ((options.notes ?? true) && table.notes.length > 0) {
    lines.push('', `*Note.* ${table.notes.map(escapeMarkdownText).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
