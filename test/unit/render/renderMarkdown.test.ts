import assert from 'node:assert/strict';
import { renderMarkdown, escapeMarkdownCell } from '../../../src/core/render/renderMarkdown';
import { hostileTable } from './hostileStudy';

/** Splits a GFM table row into cells the way GFM does: on pipes not escaped by a backslash. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < line.length - 1; i += 1) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length - 1) {
      current += char + line[i + 1];
      i += 1;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  return cells;
}

describe('renderMarkdown', () => {
  it('escapes pipes and backslashes and turns line breaks into <br>', () => {
    assert.equal(escapeMarkdownCell('a | b\\ c\nd'), 'a \\| b\\\\ c<br>d');
  });

  it('keeps every row of a table with pipes and line breaks in the text at the same number of cells', () => {
    const markdown = renderMarkdown(hostileTable());
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    const widths = rows.map((line) => splitRow(line).length);
    assert.deepEqual(new Set(widths), new Set([5]));
    assert.equal(rows.length, 2 + 3);
  });

  it('lets no HTML tag from a transcript through', () => {
    const markdown = renderMarkdown(hostileTable());
    assert.ok(!markdown.includes('<script>'));
    assert.ok(!markdown.includes('<b>'));
    assert.ok(markdown.includes('&lt;script>alert("x")&lt;/script> & "quoted" \\| piped, then went on.”'));
  });

  it('indents sub-codes, bolds the total row and right-aligns numbers', () => {
    const markdown = renderMarkdown(hostileTable());
    const lines = markdown.split('\n');
    assert.ok(lines.some((line) => line.startsWith('| &emsp;T1a Sub, with comma |')));
    assert.ok(lines.some((line) => line.startsWith('| **All tensions codes** |')));
    assert.ok(lines.includes('| --- | ---: | ---: | ---: | --- |'));
  });

  it('indents sub-codes with em space characters for a terminal, and writes no entity there', () => {
    const markdown = renderMarkdown(hostileTable(), { indent: 'character' });
    const lines = markdown.split('\n');
    assert.ok(lines.some((line) => line.startsWith('| \u2003T1a Sub, with comma |')), markdown);
    assert.ok(!markdown.includes('&emsp;'));
  });

  it('puts the title above and the rules below as a note', () => {
    const markdown = renderMarkdown(hostileTable());
    assert.ok(markdown.startsWith('**Summary of tensions by partnership.** '));
    assert.match(markdown, /\n\*Note\.\* Each cell gives excerpts \(sources\)/);
    assert.ok(!renderMarkdown(hostileTable(), { title: false, notes: false }).includes('Note.'));
  });
});
