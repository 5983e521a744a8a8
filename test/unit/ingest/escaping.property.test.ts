import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Nodes, Root } from 'mdast';
import { parseEntities } from 'parse-entities';
import { escapeTranscriptText, normaliseSpace } from '../../../src/core/ingest/escapeTranscriptText';
import { renderTranscriptMarkdown } from '../../../src/core/ingest/renderTranscriptMarkdown';
import { parseMarkdown } from '../../../src/core/syntax/markdownProcessor';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/** Pieces that make Markdown, HTML, directive and turn syntax likely. */
const piece = fc.oneof(
  fc.constantFrom('*', '**', '_', '__', '`', '```', '~', '~~', '~~~', '[', ']', '](x)', '![', '<', '>', '<b>', '</i>', '<http://x.y>', '&', '&amp;', '&#35;', '&copy', '#', '## ', '---', '***', '- ', '+ ', '1. ', '2) ', '12.', '=', '|', ':', '::', ':::code{.A}', ':code[x]{.B}', ':note', '{', '}', '\\', '\\*', '$', '%', '!', '"', "'", '(', ')', '    ', '\t', '\n', '\r\n', 'P3: ', 'Note:', '**P1:** ', 'https://x.org', 'www.x.org', '[^1]', '[x]: y', '😀', 'Zoë', 'Łódź', '中文', '\u00a0', '\u0000', ' ', 'word', '1', 'a'),
  fc.string({ maxLength: 5 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

const markdownIt = new MarkdownIt({ html: true, linkify: true });

/** The text a reader sees in a Markdown paragraph as markdown-it renders it (tags dropped, references decoded). */
function markdownItText(markdown: string): string {
  return parseEntities(markdownIt.render(markdown).replace(/<[^>]*>/g, ''), { nonTerminated: false }).replace(/\n$/, '');
}

/**
 * The text a node shows as the transcript parser reads it: a directive other
 * than `code` is text as written (SPEC §3), so `11:02:09` (a directive named
 * `09` to remark) shows as it stands.
 */
function visibleText(node: Nodes, markdown: string): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') return node.value;
  if ((node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') && node.name !== 'code') {
    return markdown.slice(node.position?.start.offset, node.position?.end.offset);
  }
  if (node.type === 'break') return '\n';
  return 'children' in node ? node.children.map((child) => visibleText(child, markdown)).join('') : '';
}

/** The text of a document's only block as remark (with directives, as the transcript parser reads) sees it. */
function remarkText(markdown: string): { text: string; blocks: number; type: string | undefined } {
  const root: Root = parseMarkdown(markdown);
  return { text: visibleText(root, markdown), blocks: root.children.length, type: root.children[0]?.type };
}

describe('escaping transcript text (property)', () => {
  it('any text, escaped at the start of a paragraph, reads back as exactly that text in remark and markdown-it', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const line = normaliseSpace(raw, true);
        fc.pre(line.length > 0);
        const markdown = escapeTranscriptText(line, true);
        const read = remarkText(markdown);
        assert.equal(read.blocks, 1, markdown);
        assert.equal(read.type, 'paragraph', markdown);
        assert.equal(read.text, line, markdown);
        assert.equal(markdownItText(markdown), line, markdown);
      }),
      { numRuns: 700, seed: 12 },
    );
  });

  it('any turn text after a speaker label and a timestamp reads back as that text, and the label gives the speaker', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('P3', 'Zoë Łukasz', 'Speaker 1', 'Dr. O’Neill'), (raw, speaker) => {
        const line = normaliseSpace(raw, true);
        fc.pre(line.length > 0);
        const markdown = renderTranscriptMarkdown(
          { title: null, date: null, skipped: [], blocks: [{ kind: 'turn', speaker, time: 83, paragraphs: [{ inlines: [{ text: raw }] }, { inlines: [{ text: raw }] }] }] },
          { id: 'x', title: 'x', importedFrom: 'x.txt' },
        );
        const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
        const root = parseMarkdown(body);
        assert.equal(root.children.length, 2, body);
        assert.equal(visibleText(root.children[0], body), `${speaker}: [00:01:23] ${line}`, body);
        assert.equal(visibleText(root.children[1], body), line, body);
        const source = parseTranscript(markdown, { path: 'x.md' });
        assert.deepEqual(source.turns.map((turn) => turn.speaker), [speaker], body);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
