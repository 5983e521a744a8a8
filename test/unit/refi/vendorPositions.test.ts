import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { importProject } from '../../../src/core/refi/importProject';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { escapeXmlAttribute, escapeXmlText } from '../../../src/core/refi/renderXml';
import { guid, makeZip, projectXml } from './refiFixtures';

/**
 * Property: a package written by another tool, counting positions in any of
 * the readings real tools use (code points or UTF-16 units, CRLF as one or
 * two, BOM counted or not), imports with every selection on the text it
 * covered, when selections run from word start to word end and are named by
 * their text as ATLAS.ti names them.
 */
const word = fc.constantFrom('alpha', 'beta', 'ÉCOLE', 'straße', 'жизнь', '中文', '😀', '🎉', 'x😀y', 'it’s', '42', 'a-b');
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `W${words.join(' ')}`);
const paragraphs = fc.array(fc.array(line, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 });
const reading = fc.record({ utf16: fc.boolean(), crlfOne: fc.boolean(), bomCounted: fc.boolean() });

interface Word {
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(/[^\s]+/gu)) found.push({ start: match.index, end: match.index + match[0].length });
  return found;
}

function position(text: string, utf16Offset: number, options: { utf16: boolean; crlfOne: boolean; bomCounted: boolean; bom: boolean }): number {
  let prefix = text.slice(0, utf16Offset);
  if (options.crlfOne) prefix = prefix.replace(/\r\n/g, '\n');
  return (options.utf16 ? prefix.length : Array.from(prefix).length) + (options.bom && options.bomCounted ? 1 : 0);
}

function atlasName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length <= 50 ? flat : `${points.slice(0, 50).join('')}…`;
}

describe('REFI-QDA import of positions as other tools count them', () => {
  it('puts every named selection on the text it covered, whatever the reading', () => {
    fc.assert(
      fc.property(paragraphs, fc.boolean(), fc.boolean(), reading, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (blocks, crlf, bom, how, picks) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = blocks.map((lines) => lines.join(eol)).join(eol + eol) + eol;
        const all = words(text);
        // Selections within one paragraph: from a word start to a later word end, no blank line inside.
        const selections = picks
          .map(([a, b]) => {
            const first = all[a % all.length];
            const last = all[Math.min(all.length - 1, (a % all.length) + (b % 4))];
            return { start: first.start, end: last.end };
          })
          .filter((selection) => !/(\r?\n){2}/.test(text.slice(selection.start, selection.end)));
        fc.pre(selections.length > 0);
        const options = { ...how, bom };
        const inner = selections
          .map((selection, index) => {
            const name = atlasName(text.slice(selection.start, selection.end));
            return `<PlainTextSelection guid="${guid(100 + index)}" name="${escapeXmlAttribute(name)}" startPosition="${position(text, selection.start, options)}" endPosition="${position(text, selection.end, options)}"><Coding guid="${guid(200 + index)}"><CodeRef targetGUID="${guid(10)}"/></Coding></PlainTextSelection>`;
          })
          .join('');
        const xml = projectXml(`<CodeBook><Codes><Code guid="${guid(10)}" name="A" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="${guid(2)}" name="t" plainTextPath="internal://t.txt">${inner}</TextSource></Sources>`, `name="vendor" origin="${escapeXmlText('Another tool')}"`);
        const bytes = new TextEncoder().encode((bom ? '\ufeff' : '') + text);
        const result = importProject(makeZip({ 'project.qde': xml, 'sources/t.txt': bytes }));
        const file = result.files.find((candidate) => candidate.path === 't.md');
        assert.ok(file);
        const source = parseTranscript(file.text, { path: 't.md' });
        assert.equal(source.plainText, text);
        const expected = selections.map((selection) => text.slice(selection.start, selection.end)).sort();
        assert.deepEqual(source.excerpts.map((excerpt) => excerpt.text).sort(), expected, JSON.stringify(result.report.reading));
      }),
      { numRuns: 80 },
    );
  }).timeout(120_000);
});
