import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { analyseTranscript } from '../../../src/core/syntax/analyseTranscript';
import { parseMarkdown } from '../../../src/core/syntax/markdownProcessor';
import { generateTranscript, random } from '../../bench/generateCorpus';

/** Directives of the remark-directive syntax tree: kind, start, end and attributes. */
function treeDirectives(text: string) {
  const found: { kind: string; start: number; end: number; attributes: Record<string, string> }[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'textDirective' || node.type === 'containerDirective') && node.name === 'code') {
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries(node.attributes ?? {})) if (value !== null && value !== undefined) attributes[key] = value;
      const end = node.position?.end.offset ?? -1;
      // A bare `:code` is text for us.
      if (!(node.type === 'textDirective' && end === (node.position?.start.offset ?? 0) + 5)) {
        found.push({ kind: node.type === 'textDirective' ? 'text' : 'container', start: node.position?.start.offset ?? -1, end, attributes });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parseMarkdown(text));
  return found.sort((a, b) => a.start - b.start);
}

describe('the token walk agrees with the remark syntax tree', () => {
  const examples = path.resolve(__dirname, '../../../examples');
  const files: string[] = [];
  const walk = (folder: string) => {
    if (!fs.existsSync(folder)) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name));
      else if (entry.name.endsWith('.md')) files.push(path.join(folder, entry.name));
    }
  };
  walk(examples);
  const next = random(11);
  const texts = [
    ...files.map((file) => fs.readFileSync(file, 'utf8')),
    ...Array.from({ length: 6 }, (_, index) => generateTranscript(index, { size: 6000, crlf: index % 2 === 0, nonAscii: true, codingEvery: 200 }, next)),
    'a :code[x &amp; y]{.A memo="&quot;q&quot; &#91;" by=\'p g\' #i1 .B class="C D"} b\n\n> :::code{.Q}\n> quoted\n> :::\n',
  ];

  it('finds the same code directives, positions and attributes as remark-directive', () => {
    assert.ok(texts.length >= 7);
    for (const text of texts) {
      const facts = analyseTranscript(text);
      const mine = facts.directives.map((directive) => ({ kind: directive.kind, start: directive.start, end: directive.end, attributes: directive.attributes })).sort((a, b) => a.start - b.start);
      assert.deepEqual(mine, treeDirectives(text));
    }
  });

  it('finds the same paragraphs and headings as the syntax tree', () => {
    for (const text of texts) {
      const paragraphs: number[] = [];
      const headings: { depth: number; offset: number }[] = [];
      const visit = (node: Nodes) => {
        if (node.type === 'paragraph') paragraphs.push(node.position?.start.offset ?? -1);
        if (node.type === 'heading') headings.push({ depth: node.depth, offset: node.position?.start.offset ?? -1 });
        if ('children' in node) for (const child of node.children) visit(child as Nodes);
      };
      visit(parseMarkdown(text));
      const facts = analyseTranscript(text);
      assert.deepEqual([...facts.paragraphs].sort((a, b) => a - b), paragraphs.sort((a, b) => a - b));
      assert.deepEqual(facts.headings.map((heading) => ({ depth: heading.depth, offset: heading.offset })), headings);
    }
  });
});
