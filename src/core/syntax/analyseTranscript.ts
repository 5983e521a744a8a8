import { parseEntities } from 'parse-entities';
import { markdownEvents } from './markdownEvents';
import type { ProblemFact, TranscriptFacts } from './transcriptFacts';
import { FACTS_VERSION } from './transcriptFacts';
import { findDeepNesting } from './nestingLimit';
import { decodeAttribute, FactCollector, type DirectiveRead } from './factCollector';

export { ATTRIBUTE_RULES, CODE_DIRECTIVE } from './factCollector';

/**
 * Parses a transcript's text (without byte order mark) with the tokenizer of
 * remark-parse, remark-directive and remark-frontmatter (micromark and its
 * directive and front matter extensions) and reduces the tokens to
 * `TranscriptFacts`: positions only, no syntax tree is built or serialised.
 * Never throws for any input; malformed markup stays text and becomes a problem.
 * A text nested deeper than `MAX_NESTING` is not parsed at all: its facts are
 * that one problem, with `refused` set.
 *
 * This is the reference reading (the oracle of the transcript scanner, see
 * `scan/scanTranscript.ts`).
 */
export function analyseTranscript(text: string): TranscriptFacts {
  const deep = findDeepNesting(text);
  if (deep) return refusedFacts(deep);
  const collector = new FactCollector(text);
  walkEvents(text, collector);
  return collector.finish();
}

/** The facts of a file refused before parsing: nothing read but the problem. */
export function refusedFacts(problem: ProblemFact): TranscriptFacts {
  return {
    version: FACTS_VERSION,
    removals: [],
    directives: [],
    paragraphs: [],
    headings: [],
    frontMatter: null,
    attributes: { id: null, coders: [], values: {} },
    problems: [problem],
    refused: true,
  };
}

const LITERAL_TOKENS = new Set(['codeFenced', 'codeIndented', 'codeText', 'htmlFlow', 'htmlText']);
const HEADING_TEXT_TOKENS = new Set(['data', 'characterEscapeValue', 'codeTextData', 'lineEnding']);

/** Feeds micromark's events of `text` to the collector. */
function walkEvents(text: string, collector: FactCollector): void {
  const events = markdownEvents(text);
  const open: DirectiveRead[] = [];
  let heading: { depth: number; start: number; parts: string[] } | null = null;
  let literalDepth = 0;
  let yamlStart = -1;
  for (const [kind, token] of events) {
    const type = token.type as string;
    const start = token.start.offset;
    const end = token.end.offset;
    if (kind === 'enter') {
      if (LITERAL_TOKENS.has(type)) {
        if (literalDepth++ === 0) collector.literal(start, end);
        continue;
      }
      switch (type) {
        case 'paragraph':
          collector.paragraphs.push(start);
          break;
        case 'atxHeading':
        case 'setextHeading':
          heading = { depth: 0, start, parts: [] };
          break;
        case 'atxHeadingSequence':
          // The opening sequence gives the depth, not a closing one (`## Title #`).
          if (heading && heading.depth === 0) heading.depth = end - start;
          break;
        case 'setextHeadingLineSequence':
          if (heading) heading.depth = text.charCodeAt(start) === 0x3d ? 1 : 2;
          break;
        case 'yaml':
          yamlStart = start;
          break;
        case 'yamlValue':
          // One token per line: the value runs from the first to the last.
          if (yamlStart !== -1 && !collector.frontMatter) collector.frontMatter = { value: text.slice(start, end), line: token.start.line, offset: start };
          else if (yamlStart !== -1 && collector.frontMatter) collector.frontMatter.value = text.slice(collector.frontMatter.offset, end);
          break;
        case 'directiveText':
        case 'directiveContainer':
        case 'directiveLeaf':
          open.push({ kind: type === 'directiveText' ? 'text' : type === 'directiveContainer' ? 'container' : 'leaf', start, name: '', attributes: [], labelStart: -1, labelEnd: -1, openColons: 0, closeFence: -1 });
          break;
        case 'directiveTextName':
        case 'directiveContainerName':
        case 'directiveLeafName':
          if (open.length > 0) open[open.length - 1].name = text.slice(start, end);
          break;
        case 'directiveTextLabel':
          if (open.length > 0 && open[open.length - 1].labelStart === -1) {
            open[open.length - 1].labelStart = start;
            open[open.length - 1].labelEnd = end;
          }
          break;
        case 'directiveContainerFence':
          if (open.length > 0) {
            const directive = open[open.length - 1];
            if (directive.openColons === 0) directive.openColons = end - start;
            else directive.closeFence = start;
          }
          break;
        default:
          if (heading) {
            if (HEADING_TEXT_TOKENS.has(type)) heading.parts.push(type === 'lineEnding' ? ' ' : text.slice(start, end));
            else if (type === 'characterReferenceValue') heading.parts.push(parseEntities(text.slice(start - 1, end + 1)));
          }
          // Attribute tokens: `directive…Attribute…` (most tokens are not, so test the cheap way first).
          if (open.length > 0 && type.length > 20 && type.charCodeAt(0) === 0x64 && type.startsWith('directive')) {
            const attributes = open[open.length - 1].attributes;
            if (type.endsWith('AttributeClassValue')) attributes.push(['class', decodeAttribute(text.slice(start, end))]);
            else if (type.endsWith('AttributeIdValue')) attributes.push(['id', decodeAttribute(text.slice(start, end))]);
            else if (type.endsWith('AttributeName')) attributes.push([text.slice(start, end), '']);
            else if (type.endsWith('AttributeValue') && attributes.length > 0) attributes[attributes.length - 1][1] = decodeAttribute(text.slice(start, end));
          }
          break;
      }
    } else {
      if (LITERAL_TOKENS.has(type)) {
        literalDepth--;
        continue;
      }
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          if (heading) collector.headings.push({ depth: heading.depth || 1, text: heading.parts.join('').replace(/\s+/g, ' ').trim(), offset: heading.start });
          heading = null;
          break;
        case 'yaml':
          collector.frontMatterBlock(start, end);
          yamlStart = -1;
          break;
        case 'directiveText':
        case 'directiveContainer':
        case 'directiveLeaf': {
          const directive = open.pop();
          if (directive) collector.directive(directive, end);
          break;
        }
        default:
          break;
      }
    }
  }
}
