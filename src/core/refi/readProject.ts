import { childNamed, childrenNamed, type XmlElement } from './readXml';

/** A code as a REFI-QDA file gives it, with its nested codes. */
export interface RefiCode {
  guid: string;
  name: string;
  description: string | null;
  color: string | null;
  isCodable: boolean;
  children: RefiCode[];
}

/** A user (coder) of the project. */
export interface RefiUser {
  guid: string;
  name: string | null;
  id: string | null;
}

/** One coding of a selection: a code applied by a user. */
export interface RefiCoding {
  guid: string;
  codeGuid: string | null;
  creatingUser: string | null;
}

/** A text selection: positions as written (the unit is decided later), codings, memo. */
export interface RefiSelection {
  guid: string;
  name: string | null;
  start: number;
  end: number;
  creatingUser: string | null;
  description: string | null;
  noteGuids: string[];
  codings: RefiCoding[];
}

/** A value of a variable, typed as the file gives it. */
export interface RefiVariableValue {
  variableGuid: string;
  value: string | number | boolean;
}

/** A text source: inline content or a path, its selections and variable values. */
export interface RefiTextSource {
  guid: string;
  name: string | null;
  plainTextPath: string | null;
  richTextPath: string | null;
  content: string | null;
  description: string | null;
  selections: RefiSelection[];
  variableValues: RefiVariableValue[];
}

/** A variable (attribute) definition. */
export interface RefiVariable {
  guid: string;
  name: string;
  type: string;
}

/** A case: a name, the sources it covers and its variable values. */
export interface RefiCase {
  guid: string;
  name: string | null;
  sourceGuids: string[];
  variableValues: RefiVariableValue[];
}

/** A note (memo): its text inline or by path. */
export interface RefiNote {
  guid: string;
  name: string | null;
  content: string | null;
  plainTextPath: string | null;
}

/** A set (ATLAS.ti group): named, with member codes, sources and notes by GUID. */
export interface RefiSet {
  guid: string;
  name: string;
  codeGuids: string[];
  sourceGuids: string[];
  noteGuids: string[];
}

/** A link between two elements by GUID. */
export interface RefiLink {
  guid: string;
  name: string | null;
  originGuid: string | null;
  targetGuid: string | null;
}

/** Something in the file that the import cannot represent, with why. */
export interface SkippedItem {
  kind: string;
  guid: string | null;
  name: string | null;
  reason: string;
}

/** What `readProject` finds in a `project.qde` tree. */
export interface RefiProject {
  name: string | null;
  origin: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  sets: RefiSet[];
  /** Links between elements (NVivo links a note to the selection it annotates). */
  links: RefiLink[];
  skipped: SkippedItem[];
}

const text = (element: XmlElement | undefined): string | null => (element ? element.text : null);

/** Reads the codes of a `Codes` element (project or codebook file), nested as written. */
export function readCodes(codes: XmlElement | undefined, skipped: SkippedItem[]): RefiCode[] {
  const read = (element: XmlElement): RefiCode => {
    for (const note of childrenNamed(element, 'NoteRef')) skipped.push({ kind: 'NoteRef', guid: note.attributes.targetGUID ?? null, name: element.attributes.name ?? null, reason: 'a note attached to a code is not imported (codes keep their description)' });
    return {
      guid: element.attributes.guid ?? '',
      name: element.attributes.name ?? '',
      description: text(childNamed(element, 'Description')),
      color: element.attributes.color ?? null,
      isCodable: element.attributes.isCodable !== 'false' && element.attributes.isCodable !== '0',
      children: childrenNamed(element, 'Code').map(read),
    };
  };
  return childrenNamed(codes, 'Code').map(read);
}

/** Reads the `Set` elements of a `Sets` element (project: `targetGUID` on members; codebook: `guid`). */
export function readSets(sets: XmlElement | undefined): RefiSet[] {
  const members = (set: XmlElement, name: string) => childrenNamed(set, name).map((member) => member.attributes.targetGUID ?? member.attributes.guid ?? '').filter(Boolean);
  return childrenNamed(sets, 'Set').map((set) => ({
    guid: set.attributes.guid ?? '',
    name: (set.attributes.name ?? '').trim(),
    codeGuids: members(set, 'MemberCode'),
    sourceGuids: members(set, 'MemberSource'),
    noteGuids: members(set, 'MemberNote'),
  }));
}

function readValues(element: XmlElement): RefiVariableValue[] {
  const values: RefiVariableValue[] = [];
  for (const valueElement of childrenNamed(element, 'VariableValue')) {
    const variableGuid = childNamed(valueElement, 'VariableRef')?.attributes.targetGUID;
    const typed = valueElement.children.find((child) => child.name.endsWith('Value'));
    if (!variableGuid || !typed) continue;
    let value: string | number | boolean = typed.text;
    if (typed.name === 'BooleanValue') value = typed.text.trim() === 'true' || typed.text.trim() === '1';
    else if ((typed.name === 'IntegerValue' || typed.name === 'FloatValue') && typed.text.trim() !== '' && Number.isFinite(Number(typed.text))) value = Number(typed.text);
    values.push({ variableGuid, value });
  }
  return values;
}

function readSelection(element: XmlElement): RefiSelection {
  return {
    guid: element.attributes.guid ?? '',
    name: element.attributes.name ?? null,
    start: Number(element.attributes.startPosition),
    end: Number(element.attributes.endPosition),
    creatingUser: element.attributes.creatingUser ?? null,
    description: text(childNamed(element, 'Description')),
    noteGuids: childrenNamed(element, 'NoteRef').map((note) => note.attributes.targetGUID ?? '').filter(Boolean),
    codings: childrenNamed(element, 'Coding').map((coding) => ({
      guid: coding.attributes.guid ?? '',
      codeGuid: childNamed(coding, 'CodeRef')?.attributes.targetGUID ?? null,
      creatingUser: coding.attributes.creatingUser ?? null,
    })),
  };
}

function readTextSource(element: XmlElement, skipped: SkippedItem[]): RefiTextSource {
  const guid = element.attributes.guid ?? '';
  const name = element.attributes.name ?? null;
  for (const coding of childrenNamed(element, 'Coding')) skipped.push({ kind: 'Coding', guid: coding.attributes.guid ?? null, name, reason: 'a coding of a whole source (not of a selection) cannot be written as markup' });
  for (const note of childrenNamed(element, 'NoteRef')) skipped.push({ kind: 'NoteRef', guid: note.attributes.targetGUID ?? null, name, reason: 'a note attached to a whole source is not imported' });
  return {
    guid,
    name,
    plainTextPath: element.attributes.plainTextPath ?? null,
    richTextPath: element.attributes.richTextPath ?? null,
    content: text(childNamed(element, 'PlainTextContent')),
    description: text(childNamed(element, 'Description')),
    selections: childrenNamed(element, 'PlainTextSelection').map(readSelection),
    variableValues: readValues(element),
  };
}

const MEDIA = new Set(['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']);

/**
 * Reads the root `Project` element of a `project.qde` into plain data:
 * users, the code tree, variables, cases, text sources with their selections,
 * notes, sets, links. Everything it cannot represent (media sources, graphs,
 * codings of whole sources…) is listed in `skipped` with its GUID and why.
 * Never throws; missing attributes read as empty.
 */
export function readProject(root: XmlElement): RefiProject {
  const skipped: SkippedItem[] = [];
  const users = childrenNamed(childNamed(root, 'Users'), 'User').map((user) => ({ guid: user.attributes.guid ?? '', name: user.attributes.name ?? null, id: user.attributes.id ?? null }));
  const codes = readCodes(childNamed(childNamed(root, 'CodeBook'), 'Codes'), skipped);
  const variables = childrenNamed(childNamed(root, 'Variables'), 'Variable').map((variable) => ({ guid: variable.attributes.guid ?? '', name: variable.attributes.name ?? '', type: variable.attributes.typeOfVariable ?? 'Text' }));
  const cases = childrenNamed(childNamed(root, 'Cases'), 'Case').map((element) => {
    for (const ref of [...childrenNamed(element, 'CodeRef'), ...childrenNamed(element, 'SelectionRef')]) {
      skipped.push({ kind: `Case ${ref.name}`, guid: ref.attributes.targetGUID ?? null, name: element.attributes.name ?? null, reason: 'a case holds sources here; codes or selections in a case are not represented' });
    }
    return { guid: element.attributes.guid ?? '', name: element.attributes.name ?? null, sourceGuids: childrenNamed(element, 'SourceRef').map((ref) => ref.attributes.targetGUID ?? ''), variableValues: readValues(element) };
  });
  const sources: RefiTextSource[] = [];
  for (const element of childNamed(root, 'Sources')?.children ?? []) {
    const representation = element.name === 'PDFSource' ? childNamed(element, 'Representation') : undefined;
    if (element.name === 'TextSource') {
      sources.push(readTextSource(element, skipped));
    } else if (representation && (representation.attributes.plainTextPath || childNamed(representation, 'PlainTextContent'))) {
      // A PDF with a plain-text representation: that text, with its selections, is a transcript.
      const source = readTextSource(representation, skipped);
      sources.push({ ...source, name: element.attributes.name ?? source.name, variableValues: [...readValues(element), ...source.variableValues] });
      const areas = childrenNamed(element, 'PDFSelection');
      skipped.push({ kind: 'PDFSource', guid: element.attributes.guid ?? null, name: element.attributes.name ?? null, reason: `imported as its plain-text representation ${representation.attributes.guid ?? ''}${areas.length ? `; its ${areas.length} PDF area selection${areas.length === 1 ? '' : 's'} are not` : ''}`.trim() });
    } else if (MEDIA.has(element.name)) {
      const selections = element.children.filter((child) => child.name.endsWith('Selection')).length;
      skipped.push({ kind: element.name, guid: element.attributes.guid ?? null, name: element.attributes.name ?? null, reason: `not a text source${selections ? ` (${selections} selection${selections === 1 ? '' : 's'} on it)` : ''}: only plain-text sources become transcripts` });
    } else {
      skipped.push({ kind: element.name, guid: element.attributes.guid ?? null, name: element.attributes.name ?? null, reason: 'unknown kind of source' });
    }
  }
  const notes = childrenNamed(childNamed(root, 'Notes'), 'Note').map((note) => ({ guid: note.attributes.guid ?? '', name: note.attributes.name ?? null, content: text(childNamed(note, 'PlainTextContent')), plainTextPath: note.attributes.plainTextPath ?? null }));
  for (const element of childNamed(root, 'Graphs')?.children ?? []) {
    skipped.push({ kind: element.name, guid: element.attributes.guid ?? null, name: element.attributes.name ?? null, reason: 'graphs are not represented in Markdown QDA' });
  }
  const links = childrenNamed(childNamed(root, 'Links'), 'Link').map((link) => ({
    guid: link.attributes.guid ?? '',
    name: link.attributes.name ?? null,
    originGuid: link.attributes.originGUID ?? null,
    targetGuid: link.attributes.targetGUID ?? null,
  }));
  const description = text(childNamed(root, 'Description'));
  if (description) skipped.push({ kind: 'Description', guid: null, name: root.attributes.name ?? null, reason: 'the project description is not imported' });
  for (const note of childrenNamed(root, 'NoteRef')) skipped.push({ kind: 'NoteRef', guid: note.attributes.targetGUID ?? null, name: root.attributes.name ?? null, reason: 'a note attached to the project is not imported' });
  const sets = readSets(childNamed(root, 'Sets'));
  return { name: root.attributes.name ?? null, origin: root.attributes.origin ?? null, users, codes, variables, cases, sources, notes, sets, links, skipped };
}
