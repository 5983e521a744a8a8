import type { Codebook } from '../model/codebook';
import type { Source } from '../model/source';
import { resolveCodeId } from '../codebook/queryCodes';
import { codeGuid } from './codeIdFor';
import { codeNodes } from './codeNodes';
import { codeSetNodes } from './codeSetNodes';
import { guidFor } from './guidFor';
import { renderXml, type XmlNode } from './renderXml';
import { toLineFeedText } from './lineFeedText';

/** The namespace of REFI-QDA project files (`project.qde`). */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Options of `exportProject`. */
export interface ExportOptions {
  /** The project name (default `Markdown QDA project`). */
  name?: string;
}

/** A REFI-QDA project ready to pack: the XML, the plain-text files, and notes on what REFI-QDA cannot carry. */
export interface ExportedProject {
  xml: string;
  /** `sources/<guid>.txt` files, UTF-8, in source order. */
  texts: { path: string; text: string }[];
  notes: string[];
}

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

function typeOf(value: unknown): VariableType {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number' && Number.isInteger(value) && Number.isSafeInteger(value)) return 'Integer';
  if (typeof value === 'number' && Number.isFinite(value) && !String(value).includes('e')) return 'Float';
  if (isDate(value)) return 'Date';
  return 'Text';
}

/** The text form of a front-matter value: lists joined by `, `, mappings as JSON. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** The variables of a corpus: every front-matter key in first-seen order, typed by all its values (mixed types are Text). */
function variablesOf(sources: Source[]): Map<string, VariableType> {
  const variables = new Map<string, VariableType>();
  for (const source of sources) {
    for (const [key, value] of Object.entries(source.attributes)) {
      if (value === null || value === undefined) continue;
      const type = typeOf(value);
      const known = variables.get(key);
      if (known === undefined) variables.set(key, type);
      else if (known !== type) variables.set(key, known === 'Integer' && type === 'Float' ? 'Float' : known === 'Float' && type === 'Integer' ? 'Float' : 'Text');
    }
  }
  return variables;
}

function valueNodes(source: Source, variables: Map<string, VariableType>): XmlNode[] {
  const nodes: XmlNode[] = [];
  // In the source's own order, so an import writes its front matter back in that order.
  for (const [key, value] of Object.entries(source.attributes)) {
    const type = variables.get(key);
    if (type === undefined || value === null || value === undefined) continue;
    const element = { Text: 'TextValue', Boolean: 'BooleanValue', Integer: 'IntegerValue', Float: 'FloatValue', Date: 'DateValue' }[type];
    nodes.push({ name: 'VariableValue', children: [{ name: 'VariableRef', attributes: [['targetGUID', guidFor('variable', key)]] }, { name: element, text: textOf(value) }] });
  }
  return nodes;
}

/** A selection's name: its text with white space collapsed (not trimmed: importers use it to check positions), cut at 60 code points with `…`. */
function selectionName(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const points = Array.from(flat);
  return points.length <= 60 ? flat : `${points.slice(0, 59).join('')}…`;
}

/**
 * A REFI-QDA project (`project.qde`, valid against `Project.xsd`) of parsed
 * transcripts and their codebook. Each source's plain text goes to
 * `sources/<guid>.txt`; each excerpt becomes one PlainTextSelection from its
 * start to its end in Unicode code points (end exclusive), with one Coding per
 * code by its coder and its memo as the selection's Description. Coders are
 * Users; front-matter attributes are Variables, with their values on the
 * source; each source is also one Case (a SourceRef, no values). Code
 * groups become Sets of codes. GUIDs are derived from ids and content,
 * and no time stamp is written, so the same project gives the same XML.
 */
export function exportProject(sources: Source[], codebook: Codebook, options: ExportOptions = {}): ExportedProject {
  const notes: string[] = [];
  const coders = new Set<string>();
  const usedCodes: string[] = [];
  const unknownCodes = new Set<string>();
  let exemplars = 0;
  let extraAttributes = 0;
  for (const source of sources) {
    for (const coder of source.coders) coders.add(coder);
    for (const excerpt of source.excerpts) {
      if (excerpt.coder) coders.add(excerpt.coder);
      if (excerpt.exemplar) exemplars++;
      if (Object.keys(excerpt.attributes).length > 0) extraAttributes++;
      for (const code of excerpt.codes) {
        const id = resolveCodeId(codebook, code) ?? code;
        if (!codebook.codes.has(id)) unknownCodes.add(id);
        usedCodes.push(id);
      }
    }
  }
  const userGuid = (coder: string) => guidFor('user', coder);
  const users = [...coders].sort();
  const variables = variablesOf(sources);
  const codes = codeNodes(codebook, [...unknownCodes].sort());
  if (unknownCodes.size > 0) notes.push(`codes used in excerpts but not in the codebook, exported by their id: ${[...unknownCodes].sort().join(', ')}`);
  if (exemplars > 0) notes.push(`${exemplars} exemplar mark${exemplars === 1 ? '' : 's'}: REFI-QDA has no place for them`);
  if (extraAttributes > 0) notes.push(`${extraAttributes} excerpt${extraAttributes === 1 ? ' has' : 's have'} other attributes: REFI-QDA has no place for them`);

  let lineEndOnly = 0;
  const sourceGuids = new Set<string>();
  const texts: ExportedProject['texts'] = [];
  const sourceNodes: XmlNode[] = [];
  const caseNodes: XmlNode[] = [];
  for (const source of sources) {
    let guid = guidFor('source', source.id);
    if (sourceGuids.has(guid)) guid = guidFor('source', source.id, source.path);
    sourceGuids.add(guid);
    // Line ends as LF, as tools reading with universal newlines see them; positions follow.
    const exported = toLineFeedText(source.plainText);
    texts.push({ path: `sources/${guid}.txt`, text: exported.text });
    const selectionGuids = new Set<string>();
    const selections: XmlNode[] = [];
    for (const excerpt of source.excerpts) {
      // An excerpt of nothing but the CR of a CRLF has no text once line ends are LF: an empty
      // selection would be refused by every reader, so it is left out and reported.
      if (exported.offsetOf(excerpt.start) >= exported.offsetOf(excerpt.end)) {
        lineEndOnly++;
        continue;
      }
      const ids = [...new Set(excerpt.codes.map((code) => resolveCodeId(codebook, code) ?? code))];
      let selectionGuid = guidFor('selection', guid, excerpt.start, excerpt.end, excerpt.coder ?? '', ids.join(' '));
      for (let occurrence = 2; selectionGuids.has(selectionGuid); occurrence++) selectionGuid = guidFor('selection', guid, excerpt.start, excerpt.end, excerpt.coder ?? '', ids.join(' '), occurrence);
      selectionGuids.add(selectionGuid);
      const creatingUser = excerpt.coder ? userGuid(excerpt.coder) : null;
      const children: XmlNode[] = [];
      if (excerpt.memo) children.push({ name: 'Description', text: excerpt.memo });
      for (const id of ids) {
        children.push({ name: 'Coding', attributes: [['guid', guidFor('coding', selectionGuid, id)], ['creatingUser', creatingUser]], children: [{ name: 'CodeRef', attributes: [['targetGUID', codeGuid(id)]] }] });
      }
      selections.push({
        name: 'PlainTextSelection',
        attributes: [['guid', selectionGuid], ['name', selectionName(excerpt.text)], ['startPosition', exported.offsetOf(excerpt.start)], ['endPosition', exported.offsetOf(excerpt.end)], ['creatingUser', creatingUser]],
        children,
      });
    }
    const values = valueNodes(source, variables);
    sourceNodes.push({ name: 'TextSource', attributes: [['guid', guid], ['name', source.id], ['plainTextPath', `internal://${guid}.txt`]], children: [...selections, ...values] });
    // The values stay on the source only: a tool that reads values on a named case (QualCoder) turns
    // those variables into case attributes, and the front matter describes the source.
    caseNodes.push({ name: 'Case', attributes: [['guid', guidFor('case', guid)], ['name', source.id]], children: [{ name: 'SourceRef', attributes: [['targetGUID', guid]] }] });
  }

  if (lineEndOnly > 0) notes.push(`${lineEndOnly} excerpt${lineEndOnly === 1 ? ' covers' : 's cover'} only the CR of a CRLF line end, which the exchange writes as LF: not exported`);

  const children: XmlNode[] = [];
  if (users.length > 0) children.push({ name: 'Users', children: users.map((coder) => ({ name: 'User', attributes: [['guid', userGuid(coder)], ['name', coder], ['id', coder]] })) });
  if (codes.length > 0) children.push({ name: 'CodeBook', children: [{ name: 'Codes', children: codes }] });
  if (variables.size > 0) {
    children.push({ name: 'Variables', children: [...variables].map(([key, type]) => ({ name: 'Variable', attributes: [['guid', guidFor('variable', key)], ['name', key], ['typeOfVariable', type]] })) });
  }
  if (caseNodes.length > 0) children.push({ name: 'Cases', children: caseNodes });
  if (sourceNodes.length > 0) children.push({ name: 'Sources', children: sourceNodes });
  const sets = codeSetNodes(codebook, 'targetGUID');
  if (sets.length > 0) children.push({ name: 'Sets', children: sets });
  const xml = renderXml({ name: 'Project', attributes: [['xmlns', PROJECT_NAMESPACE], ['name', options.name ?? 'Markdown QDA project'], ['origin', 'Markdown QDA']], children });
  return { xml, texts, notes };
}
