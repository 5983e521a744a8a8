import type { CodingRequest } from '../edit/insertCodings';
import { CANDIDATE_READINGS, chooseReading, describeReading, positionConverter, type PositionReading, type ReadingSample } from './chooseReading';
import { decodeText } from './decodeText';
import { importCodes, normaliseGuid } from './importCodes';
import { renderCodebookYaml } from './renderCodebookYaml';
import { groupCodesBySets } from './groupCodesBySets';
import type { ImportReport, ImportedSource } from './importReport';
import { readProject, type RefiProject, type RefiTextSource, type RefiVariableValue, type SkippedItem } from './readProject';
import { readXml } from './readXml';
import { PlainTextMap } from '../syntax/plainTextMap';
import { attributeNotes } from './attributeNotes';
import { readZip, unsafeEntryName, type ZipArchive, type ZipLimits } from './readZip';
import { writeTranscript, type TranscriptCoding } from './writeTranscript';

/** A file an import writes, relative to the output folder. */
export interface ImportedFile {
  path: string;
  text: string;
}

/** The outcome of an import: the files to write and the report; `error` when nothing could be read. */
export interface ImportResult {
  ok: boolean;
  /** Why the package could not be read at all (not a zip, no project XML…). */
  error?: string;
  files: ImportedFile[];
  report: ImportReport;
}

/** Options of `importProject`. */
export interface ImportOptions {
  /** Limits on the archive (see `readZip`). */
  limits?: ZipLimits;
  /** Name of the package, for the report and the codebook header. */
  fileName?: string;
  /** Texts longer than this (UTF-16 units) are written and checked in pieces (see `writeTranscript`; default 1 MiB). */
  pieceLength?: number;
}

const EMPTY_ARCHIVE: ZipArchive = { ok: true, entries: [], problems: [], read: () => ({ ok: false, reason: 'no such entry' }) };

/** Whether the bytes are XML rather than a zip: `<` first, after an optional BOM and white space. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return bytes[at] === 0x3c;
}

const SOURCE_EXTENSION = /\.(txt|docx?|rtf|odt|pdf|md|html?)$/i;
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function emptyReport(): ImportReport {
  return { xml: null, project: null, origin: null, reading: null, sources: [], codes: 0, coders: [], skipped: [], notes: [] };
}

/** The project XML of a package: `project.qde`, `Project.qde`, or one `.qde` named after the project, at the top level. */
function findProjectXml(zip: ZipArchive): { name: string | null; others: string[] } {
  const candidates = zip.entries.map((entry) => entry.name).filter((name) => !name.includes('/') && /\.qde$/i.test(name));
  const preferred = candidates.find((name) => name === 'project.qde') ?? candidates.find((name) => name.toLowerCase() === 'project.qde') ?? candidates[0] ?? null;
  return { name: preferred, others: candidates.filter((name) => name !== preferred) };
}

/**
 * The package entry an `internal://` path names, in `sources/` or `Sources/`
 * (any case). Other schemes (`relative://`, `file://`, absolute paths) point
 * outside the package and are never read.
 */
function resolveInternal(zip: ZipArchive, path: string): { name: string } | { reason: string } {
  const match = /^internal:\/\/(.*)$/i.exec(path.trim());
  if (!match) return { reason: `${path} is outside the package (only internal:// sources are read)` };
  let rest = match[1];
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // Keep the path as written.
  }
  const unsafe = unsafeEntryName(rest);
  if (unsafe || rest === '') return { reason: `refused: the path ${path} ${unsafe ?? 'is empty'}` };
  const names = zip.entries.map((entry) => entry.name);
  const exact = [`sources/${rest}`, `Sources/${rest}`].find((name) => names.includes(name));
  if (exact) return { name: exact };
  const lower = `sources/${rest}`.toLowerCase();
  const loose = names.find((name) => name.toLowerCase() === lower);
  return loose ? { name: loose } : { reason: `the file ${path} is not in the package` };
}

function sourceId(name: string | null, guid: string, taken: Set<string>): string {
  let base = (name ?? '').trim().replace(SOURCE_EXTENSION, '');
  if (!SAFE_ID.test(base)) {
    base = base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '')
      .slice(0, 60);
  }
  if (!base) base = `source-${normaliseGuid(guid).slice(0, 8) || 'x'}`;
  let id = base;
  for (let suffix = 2; taken.has(id.toLowerCase()); suffix++) id = `${base}-${suffix}`;
  taken.add(id.toLowerCase());
  return id;
}

/**
 * Imports a REFI-QDA project package (`.qdpx`, untrusted; a bare `.qde` XML
 * is read too, with inline texts only): one Markdown
 * transcript per text source (front matter from its variables and cases, the
 * text as the body, every selection written as `code` markup with `by=` its
 * coder; sets of sources as a `sets:` list) and `codebook.yaml` (sets of
 * codes as groups). Selections are read under the position reading
 * that fits them best (see `chooseReading`). Everything left out — media
 * sources, selections off the text, codings of missing codes, missing source
 * files, refused zip entries, links, graphs — is in the report with its
 * GUID and why. The result only lists files to write; it never touches a disk.
 * Never throws.
 */
export function importProject(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const report = emptyReport();
  const fail = (error: string): ImportResult => ({ ok: false, error, files: [], report });
  // A bare project XML (not zipped) is read too: its sources can only be inline (PlainTextContent).
  const bare = looksLikeXml(bytes);
  const zip: ZipArchive = bare ? EMPTY_ARCHIVE : readZip(bytes, options.limits);
  if (!zip.ok) return fail(zip.problems[0]?.reason ?? 'not a zip archive');
  for (const problem of zip.problems) report.skipped.push({ kind: 'zip entry', guid: null, name: problem.entry, reason: problem.reason });
  let xmlText: string;
  if (bare) {
    report.xml = options.fileName ?? 'project.qde';
    report.notes.push('a bare project XML, not a .qdpx package: only sources with PlainTextContent have text');
    xmlText = decodeText(bytes).text;
  } else {
    const { name: xmlName, others } = findProjectXml(zip);
    if (!xmlName) return fail('no project.qde in the package');
    report.xml = xmlName;
    for (const other of others) report.notes.push(`${other} was not read (the package has more than one .qde; ${xmlName} was used)`);
    const xmlBytes = zip.read(xmlName);
    if (!xmlBytes.ok) return fail(`${xmlName}: ${xmlBytes.reason}`);
    xmlText = decodeText(xmlBytes.data).text;
  }
  const parsed = readXml(xmlText);
  report.notes.push(...parsed.problems);
  if (!parsed.root) return fail(`${report.xml}: ${parsed.problems[parsed.problems.length - 1] ?? 'unreadable'}`);
  if (parsed.root.name !== 'Project') return fail(`${report.xml}: the root element is <${parsed.root.name}>, not <Project>`);
  if (!parsed.namespace?.startsWith('urn:QDA-XML:project:')) report.notes.push(`the namespace is ${parsed.namespace ?? 'missing'}, not urn:QDA-XML:project:1.0; read as REFI-QDA anyway`);
  report.notes.push(...attributeNotes(parsed.root));
  const project = readProject(parsed.root);
  report.project = project.name;
  report.origin = project.origin;
  report.skipped.push(...project.skipped);
  return { ok: true, files: buildFiles(project, zip, report, options), report };
}

function readTextFile(zip: ZipArchive, path: string): { text: string; hadBom: boolean; note: string | null } | { reason: string } {
  const entry = resolveInternal(zip, path);
  if ('reason' in entry) return entry;
  const data = zip.read(entry.name);
  if (!data.ok) return { reason: `${entry.name}: ${data.reason}` };
  const decoded = decodeText(data.data);
  return { text: decoded.text, hadBom: decoded.hadBom, note: decoded.replaced ? `${entry.name} is not valid ${decoded.encoding}: bad bytes read as U+FFFD` : null };
}

/** Whether two readings put some selection of the samples in a different place. */
function placesDiffer(samples: ReadingSample[], first: PositionReading, second: PositionReading): boolean {
  for (const sample of samples) {
    if (sample.selections.length === 0) continue;
    const a = positionConverter(sample.text, sample.hadBom, first);
    const b = positionConverter(sample.text, sample.hadBom, second);
    if (sample.selections.some((selection) => a(selection.start) !== b(selection.start) || a(selection.end) !== b(selection.end))) return true;
  }
  return false;
}

function countNotCodable(codes: RefiProject['codes']): number {
  return codes.reduce((sum, code) => sum + (code.isCodable ? 0 : 1) + countNotCodable(code.children), 0);
}

function buildFiles(project: RefiProject, zip: ZipArchive, report: ImportReport, options: ImportOptions): ImportedFile[] {
  const skipped = report.skipped;
  const files: ImportedFile[] = [];
  const codes = importCodes(project.codes, skipped);
  groupCodesBySets(codes, project.sets, skipped);
  report.codes = codes.count;
  // Sets of sources (ATLAS.ti document groups) become a `sets:` list in the front matter.
  const setsOfSource = new Map<string, string[]>();
  for (const set of project.sets) {
    for (const guid of set.sourceGuids) setsOfSource.set(normaliseGuid(guid), [...(setsOfSource.get(normaliseGuid(guid)) ?? []), set.name]);
    if (set.noteGuids.length > 0) skipped.push({ kind: 'Set', guid: set.guid, name: set.name, reason: `its ${set.noteGuids.length} member note${set.noteGuids.length === 1 ? '' : 's'} are not imported` });
    if (set.codeGuids.length === 0 && set.sourceGuids.length === 0 && set.noteGuids.length === 0) skipped.push({ kind: 'Set', guid: set.guid, name: set.name, reason: 'an empty set' });
  }
  const notCodable = countNotCodable(project.codes);
  if (notCodable > 0) report.notes.push(`${notCodable} code${notCodable === 1 ? ' is' : 's are'} marked isCodable="false" in the package: in Markdown QDA every code can be applied`);

  const coderOf = new Map<string, string>();
  for (const user of project.users) coderOf.set(normaliseGuid(user.guid), (user.id ?? user.name ?? normaliseGuid(user.guid)).trim() || normaliseGuid(user.guid));
  const coderFor = (guid: string | null) => (guid ? (coderOf.get(normaliseGuid(guid)) ?? normaliseGuid(guid)) : null);
  const variables = new Map(project.variables.map((variable) => [normaliseGuid(variable.guid), variable]));
  const notes = new Map(project.notes.map((note) => [normaliseGuid(note.guid), note]));
  const usedNotes = new Set<string>();
  const noteGuids = new Set(project.notes.map((note) => normaliseGuid(note.guid)));
  const linksOf = new Map<string, { guid: string; note: string }[]>();
  for (const link of project.links) {
    const [origin, target] = [normaliseGuid(link.originGuid), normaliseGuid(link.targetGuid)];
    const [note, other] = noteGuids.has(origin) ? [link.originGuid, target] : noteGuids.has(target) ? [link.targetGuid, origin] : [null, ''];
    if (note && other) linksOf.set(other, [...(linksOf.get(other) ?? []), { guid: link.guid, note }]);
  }
  const usedLinks = new Set<string>();

  // The texts first: the position reading is chosen over all selections of the project.
  const texts = new Map<RefiTextSource, { text: string; hadBom: boolean }>();
  for (const source of project.sources) {
    if (source.content !== null) {
      const hadBom = source.content.charCodeAt(0) === 0xfeff;
      texts.set(source, { text: hadBom ? source.content.slice(1) : source.content, hadBom });
    } else if (source.plainTextPath) {
      const read = readTextFile(zip, source.plainTextPath);
      if ('reason' in read) {
        const lost = source.selections.length;
        skipped.push({ kind: 'TextSource', guid: source.guid, name: source.name, reason: `missing source file: ${read.reason}${lost ? ` (${lost} selection${lost === 1 ? '' : 's'} on it not imported)` : ''}` });
        for (const selection of source.selections) skipped.push({ kind: 'PlainTextSelection', guid: selection.guid, name: selection.name, reason: `its source ${source.guid} has no text in the package` });
      } else {
        texts.set(source, read);
        if (read.note) report.notes.push(read.note);
      }
    } else {
      skipped.push({ kind: 'TextSource', guid: source.guid, name: source.name, reason: 'no PlainTextContent and no plainTextPath' });
    }
  }
  const rich = project.sources.filter((source) => source.richTextPath).length;
  if (rich > 0) report.notes.push(`${rich} source${rich === 1 ? ' has' : 's have'} a rich-text version (richTextPath): only the plain text is imported`);
  const samples: ReadingSample[] = [...texts].map(([source, { text, hadBom }]) => ({ text, hadBom, selections: source.selections }));
  const selectionCount = samples.reduce((sum, sample) => sum + sample.selections.length, 0);
  // This tool writes the standard's reading; for its own packages the other readings are not guessed at.
  const ownExport = /^Markdown QDA\b/.test(project.origin ?? '');
  const ranked = chooseReading(samples, ownExport ? CANDIDATE_READINGS.slice(0, 1) : CANDIDATE_READINGS);
  const best = ranked[0];
  if (selectionCount > 0 && best) {
    report.reading = { description: `${describeReading(best.reading)}${ownExport ? ' (written by Markdown QDA)' : ''}`, selections: selectionCount, fits: best.fits, names: best.names, boundaries: best.boundaries };
    const rivals = ranked.slice(1).filter((score) => score.total === best.total && placesDiffer(samples, best.reading, score.reading));
    if (rivals.length > 0) {
      report.notes.push(`the selections fit ${rivals.map((score) => describeReading(score.reading)).join('; ')} equally well but land elsewhere: check a few excerpts (the standard's order decided)`);
    }
  }

  const takenIds = new Set<string>();
  const coders = new Set<string>();
  for (const [source, { text, hadBom }] of texts) {
    const id = sourceId(source.name, source.guid, takenIds);
    const attributes: Record<string, unknown> = { id };
    const plainName = (source.name ?? '').trim();
    if (plainName && plainName !== id) attributes.title = plainName;
    const cases = project.cases.filter((item) => item.sourceGuids.some((guid) => normaliseGuid(guid) === normaliseGuid(source.guid)));
    const addValues = (values: RefiVariableValue[], owner: string) => {
      for (const value of values) {
        const variable = variables.get(normaliseGuid(value.variableGuid));
        if (!variable) {
          skipped.push({ kind: 'VariableValue', guid: value.variableGuid, name: owner, reason: 'refers to a variable that is not defined' });
          continue;
        }
        const key = variable.name.trim();
        if (key === '' || key === 'id') {
          skipped.push({ kind: 'VariableValue', guid: variable.guid, name: owner, reason: `a variable named "${key}" cannot be a front-matter attribute` });
          continue;
        }
        if (key in attributes) continue;
        attributes[key] = key === 'coders' && typeof value.value === 'string' ? value.value.split(/\s*,\s*/).filter(Boolean) : value.value;
      }
    };
    addValues(source.variableValues, source.name ?? source.guid);
    for (const item of cases) addValues(item.variableValues, item.name ?? item.guid);
    const caseNames = cases.map((item) => item.name ?? normaliseGuid(item.guid)).filter((name) => name !== id);
    if (caseNames.length === 1 && !('case' in attributes)) attributes.case = caseNames[0];
    else if (caseNames.length > 1 && !('cases' in attributes)) attributes.cases = caseNames;
    if (source.description?.trim() && !('description' in attributes)) attributes.description = source.description.trim();
    const sets = setsOfSource.get(normaliseGuid(source.guid));
    if (sets && !('sets' in attributes)) attributes.sets = sets;

    const length = PlainTextMap.build(text, []).codePointLength;
    const convert = best ? positionConverter(text, hadBom, best.reading) : () => null;
    const codings: TranscriptCoding[] = [];
    for (const selection of source.selections) {
      const start = convert(selection.start);
      const end = convert(selection.end);
      if (start === null || end === null || end <= start) {
        const reason = start !== null && end !== null ? `positions ${selection.start}–${selection.end} are an empty or reversed range` : `positions ${selection.start}–${selection.end} do not fall on the text of ${id} (${length} code points) under the reading used`;
        skipped.push({ kind: 'PlainTextSelection', guid: selection.guid, name: selection.name, reason });
        continue;
      }
      const memoParts = selection.description?.trim() ? [selection.description.trim()] : [];
      // Notes referred to by NoteRef, or linked to the selection by a Link (as NVivo writes annotations).
      const linked = linksOf.get(normaliseGuid(selection.guid)) ?? [];
      for (const link of linked) usedLinks.add(link.guid);
      for (const noteGuid of [...selection.noteGuids, ...linked.map((link) => link.note)]) {
        const note = notes.get(normaliseGuid(noteGuid));
        const noteText = note?.content ?? (note?.plainTextPath ? (() => { const read = readTextFile(zip, note.plainTextPath as string); return 'text' in read ? read.text : null; })() : null);
        if (noteText?.trim()) {
          memoParts.push(noteText.trim());
          usedNotes.add(normaliseGuid(noteGuid));
        } else skipped.push({ kind: 'NoteRef', guid: noteGuid, name: selection.name, reason: 'the note it refers to is missing or empty' });
      }
      const byCoder = new Map<string | null, string[]>();
      for (const coding of selection.codings) {
        const codeId = coding.codeGuid ? codes.idByGuid.get(normaliseGuid(coding.codeGuid)) : undefined;
        if (!codeId) {
          skipped.push({ kind: 'Coding', guid: coding.guid, name: selection.name, reason: `CodeRef to a missing code ${coding.codeGuid ?? '(none)'} (selection ${selection.guid})` });
          continue;
        }
        const coder = coderFor(coding.creatingUser ?? selection.creatingUser);
        const list = byCoder.get(coder) ?? [];
        if (!list.includes(codeId)) list.push(codeId);
        byCoder.set(coder, list);
      }
      if (byCoder.size === 0) {
        skipped.push({ kind: 'PlainTextSelection', guid: selection.guid, name: selection.name, reason: `a selection without codes${memoParts.length ? ` (its memo: "${memoParts.join(' ').slice(0, 80)}")` : ''}` });
        continue;
      }
      let first = true;
      for (const [coder, codeIds] of byCoder) {
        if (coder) coders.add(coder);
        const request: CodingRequest = { start, end, codes: codeIds, coder, memo: first && memoParts.length ? memoParts.join('\n\n') : null };
        codings.push({ ...request, guid: selection.guid });
        first = false;
      }
    }
    const written = writeTranscript(text, attributes, codings, { pieceLength: options.pieceLength });
    for (const item of written.refused) skipped.push({ kind: 'PlainTextSelection', guid: item.guid, name: id, reason: item.reason });
    for (const item of written.trimmed) report.notes.push(`selection ${item.guid} in ${id}: white space at its ends left out (${item.from.join('–')} → ${item.to.join('–')}) so the markup can express it`);
    for (const problem of written.problems) report.notes.push(`${id}: ${problem}`);
    const file = `${id}.md`;
    files.push({ path: file, text: written.markdown });
    const entry: ImportedSource = { guid: source.guid, name: source.name, file, selections: source.selections.length, written: written.written.length };
    report.sources.push(entry);
  }
  for (const note of project.notes) {
    if (!usedNotes.has(normaliseGuid(note.guid))) skipped.push({ kind: 'Note', guid: note.guid, name: note.name, reason: 'a memo not attached to a selection is not imported' });
  }
  for (const link of project.links) {
    if (!usedLinks.has(link.guid)) skipped.push({ kind: 'Link', guid: link.guid || null, name: link.name, reason: 'links are only imported between a note and a text selection (as its memo)' });
  }
  report.coders = [...coders].sort();
  const header = `Codebook imported from ${options.fileName ?? 'a REFI-QDA project'}${project.name ? ` ("${project.name}")` : ''}${project.origin ? `, exported by ${project.origin}` : ''}.`;
  files.push({ path: 'codebook.yaml', text: renderCodebookYaml(codes.roots, header) });
  return files;
}
