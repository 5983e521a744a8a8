import { importCodes } from './importCodes';
import { renderCodebookYaml } from './renderCodebookYaml';
import type { ImportReport } from './importReport';
import { readCodes, readSets } from './readProject';
import { groupCodesBySets } from './groupCodesBySets';
import { attributeNotes } from './attributeNotes';
import { childNamed, readXml } from './readXml';

/** Codebook namespaces read: the standard's, and the one ATLAS.ti 23.4 and later write. */
export const CODEBOOK_NAMESPACES = ['urn:QDA-XML:codebook:1.0', 'urn:QDA-XML:codebook:0:4'];

/**
 * Imports a REFI-QDA codebook file (`.qdc`, untrusted XML) as codebook YAML:
 * hierarchy, colours, descriptions; ATLAS.ti `A::B` names nested. Accepts
 * the namespaces in `CODEBOOK_NAMESPACES` (another one is read too, with a
 * note). Sets of codes become the codes' `group` (see `groupCodesBySets`). GUIDs
 * that are not GUIDs and codes without `isCodable` are imported with a note
 * naming them (see `attributeNotes`). Never throws.
 */
export function importCodebookFile(xml: string, fileName = 'codebook.qdc'): { ok: boolean; error?: string; yaml: string; report: ImportReport } {
  const report: ImportReport = { xml: fileName, project: null, origin: null, reading: null, sources: [], codes: 0, coders: [], skipped: [], notes: [] };
  const parsed = readXml(xml);
  report.notes.push(...parsed.problems);
  if (!parsed.root) return { ok: false, error: parsed.problems[parsed.problems.length - 1] ?? 'unreadable XML', yaml: '', report };
  if (parsed.root.name !== 'CodeBook') return { ok: false, error: `the root element is <${parsed.root.name}>, not <CodeBook>`, yaml: '', report };
  if (!parsed.namespace || !CODEBOOK_NAMESPACES.includes(parsed.namespace)) report.notes.push(`the namespace is ${parsed.namespace ?? 'missing'}, not ${CODEBOOK_NAMESPACES.join(' or ')}; read as a REFI-QDA codebook anyway`);
  report.origin = parsed.root.attributes.origin ?? null;
  report.notes.push(...attributeNotes(parsed.root));
  const codes = importCodes(readCodes(childNamed(parsed.root, 'Codes'), report.skipped), report.skipped);
  const sets = readSets(childNamed(parsed.root, 'Sets'));
  groupCodesBySets(codes, sets, report.skipped);
  for (const set of sets) if (set.codeGuids.length === 0) report.skipped.push({ kind: 'Set', guid: set.guid, name: set.name, reason: 'a set without codes' });
  report.codes = codes.count;
  const refiCodes = readCodes(childNamed(parsed.root, 'Codes'), []);
  const notCodable = (list: typeof refiCodes): number => list.reduce((sum, code) => sum + (code.isCodable ? 0 : 1) + notCodable(code.children), 0);
  const count = notCodable(refiCodes);
  if (count > 0) report.notes.push(`${count} code${count === 1 ? ' is' : 's are'} marked isCodable="false" in the file: in Markdown QDA every code can be applied`);
  const header = `Codebook imported from ${fileName}${report.origin ? `, exported by ${report.origin}` : ''}.`;
  return { ok: true, yaml: renderCodebookYaml(codes.roots, header), report };
}
