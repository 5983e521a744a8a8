import type { Codebook } from '../model/codebook';
import { codeGuid } from './codeIdFor';
import { guidFor } from './guidFor';
import type { XmlNode } from './renderXml';

/**
 * One `Set` per code group (tensions, mechanisms…), in the order groups first
 * appear in the codebook, with a `MemberCode` for every code of the group
 * (groups are inherited, so sub-codes are members too). Project files name a
 * member by `targetGUID`, codebook files by `guid`. No groups, no sets.
 */
export function codeSetNodes(codebook: Codebook, memberAttribute: 'targetGUID' | 'guid'): XmlNode[] {
  const members = new Map<string, string[]>();
  for (const [id, code] of codebook.codes) {
    if (!code.group) continue;
    members.set(code.group, [...(members.get(code.group) ?? []), id]);
  }
  return [...members].map(([group, ids]) => ({
    name: 'Set',
    attributes: [['guid', guidFor('set', group)], ['name', group]],
    children: ids.map((id) => ({ name: 'MemberCode', attributes: [[memberAttribute, codeGuid(id)]] })),
  }));
}
