import type { ImportedCodes, ImportedCode } from './importCodes';
import { normaliseGuid } from './importCodes';
import type { RefiSet, SkippedItem } from './readProject';

/**
 * Turns sets of codes (ATLAS.ti code groups) into the codes' `group`: each
 * member code gets the name of the first set it is in; a code also in later
 * sets keeps its first group, and each extra membership is reported. Members
 * that name no code are reported. Sets without member codes are left to the
 * caller. Changes the codes in place.
 */
export function groupCodesBySets(codes: ImportedCodes, sets: RefiSet[], skipped: SkippedItem[]): void {
  const byId = new Map<string, ImportedCode>();
  const walk = (list: ImportedCode[]) => {
    for (const code of list) {
      byId.set(code.id, code);
      walk(code.children);
    }
  };
  walk(codes.roots);
  for (const set of sets) {
    if (set.codeGuids.length === 0 || set.name === '') continue;
    for (const guid of set.codeGuids) {
      const id = codes.idByGuid.get(normaliseGuid(guid));
      const code = id ? byId.get(id) : undefined;
      if (!code) {
        skipped.push({ kind: 'MemberCode', guid, name: set.name, reason: 'a member of the set that names no code' });
      } else if (code.group === null) {
        code.group = set.name;
      } else if (code.group !== set.name) {
        skipped.push({ kind: 'MemberCode', guid, name: set.name, reason: `code ${code.id} is already in the group "${code.group}": a code has one group here` });
      }
    }
  }
}
