import type { RefiCode, SkippedItem } from './readProject';
import { codeIdFor, namesCarryIds } from './codeIdFor';

/** A code as imported: our id, name, description, colour, parent. */
export interface ImportedCode {
  id: string;
  guid: string;
  name: string;
  description: string | null;
  color: string | null;
  parent: string | null;
  /** The group, from the set of codes the code belongs to (see `groupCodesBySets`). */
  group: string | null;
  children: ImportedCode[];
}

/** The imported code tree, and the code id of every REFI GUID. */
export interface ImportedCodes {
  roots: ImportedCode[];
  idByGuid: Map<string, string>;
  count: number;
}

/** Lower-case `#rrggbb` for a REFI colour (`#RGB` or `#RRGGBB`), else null. */
export function normaliseColor(color: string | null): string | null {
  if (!color) return null;
  const match = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(color.trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((char) => char + char).join('') : match[1];
  return `#${hex.toLowerCase()}`;
}

/** A GUID in one spelling: lower case, without braces. */
export function normaliseGuid(guid: string | null | undefined): string {
  return (guid ?? '').trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/**
 * Turns REFI codes into codebook codes: ids from `codeIdFor` (names read as
 * `ID name` when `namesCarryIds` says the file's names do), colours in lower
 * case, and ATLAS.ti's `A::B` names read as code `B` under code `A` (an
 * existing root code named `A`, else a new one). Codes without a GUID or with
 * a GUID already used are skipped and reported.
 */
export function importCodes(refiCodes: RefiCode[], skipped: SkippedItem[]): ImportedCodes {
  const taken = new Set<string>();
  const idByGuid = new Map<string, string>();
  const names: string[] = [];
  const collect = (list: RefiCode[]) => {
    for (const code of list) {
      names.push(code.name.split('::').pop()?.trim() ?? code.name);
      collect(code.children);
    }
  };
  collect(refiCodes);
  const idPrefixes = namesCarryIds(names);
  let count = 0;
  const convert = (code: RefiCode, parent: string | null, name: string): ImportedCode | null => {
    const guid = normaliseGuid(code.guid);
    if (!guid || idByGuid.has(guid)) {
      skipped.push({ kind: 'Code', guid: code.guid || null, name: code.name, reason: guid ? 'a second code with the same GUID' : 'a code without a GUID' });
      return null;
    }
    const { id, name: ownName } = codeIdFor(guid, name, taken, idPrefixes);
    idByGuid.set(guid, id);
    count++;
    const imported: ImportedCode = { id, guid, name: ownName, description: code.description?.trim() || null, color: normaliseColor(code.color), parent, group: null, children: [] };
    for (const child of code.children) {
      const converted = convert(child, id, child.name);
      if (converted) imported.children.push(converted);
    }
    return imported;
  };
  const roots: ImportedCode[] = [];
  const deferred: RefiCode[] = [];
  for (const code of refiCodes) {
    if (code.name.includes('::')) {
      deferred.push(code);
      continue;
    }
    const converted = convert(code, null, code.name);
    if (converted) roots.push(converted);
  }
  for (const code of deferred) {
    const parts = code.name.split('::').map((part) => part.trim());
    let siblings = roots;
    let parent = null as ImportedCode | null;
    for (const part of parts.slice(0, -1)) {
      let found: ImportedCode | undefined = siblings.find((sibling) => sibling.name === part);
      if (!found) {
        const { id } = codeIdFor('', part, taken);
        found = { id, guid: '', name: part, description: null, color: null, parent: parent?.id ?? null, group: null, children: [] };
        count++;
        siblings.push(found);
      }
      parent = found;
      siblings = found.children;
    }
    const converted = convert(code, parent?.id ?? null, parts[parts.length - 1] || code.name);
    if (converted) siblings.push(converted);
  }
  return { roots, idByGuid, count };
}
