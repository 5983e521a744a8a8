import type { Codebook } from '../model/codebook';
import { codeGuid, refiCodeName } from './codeIdFor';
import type { XmlNode } from './renderXml';

const COLOR = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

/**
 * The `Code` elements of a codebook, nested as its hierarchy (same shape in
 * `project.qde` and `.qdc`): GUIDs from the code ids, names `ID name`, every
 * code codable (any code id may be written as a class), colour and
 * description when set. `extraIds` (codes used in excerpts but missing from
 * the codebook) are added as root codes named by their id.
 */
export function codeNodes(codebook: Codebook, extraIds: string[] = []): XmlNode[] {
  const seen = new Set<string>();
  const node = (id: string): XmlNode | null => {
    const code = codebook.codes.get(id);
    if (!code || seen.has(id)) return null;
    seen.add(id);
    const children: XmlNode[] = [];
    if (code.description) children.push({ name: 'Description', text: code.description });
    for (const child of code.children) {
      const childNode = node(child);
      if (childNode) children.push(childNode);
    }
    return {
      name: 'Code',
      attributes: [
        ['guid', codeGuid(id)],
        ['name', refiCodeName(id, code.name)],
        ['isCodable', 'true'],
        ['color', code.color && COLOR.test(code.color) ? code.color : null],
      ],
      children,
    };
  };
  const nodes: XmlNode[] = [];
  for (const root of codebook.roots) {
    const rootNode = node(root);
    if (rootNode) nodes.push(rootNode);
  }
  // Codes not reachable from a root (a broken hierarchy) still go out, as roots.
  for (const id of codebook.codes.keys()) {
    const orphan = node(id);
    if (orphan) nodes.push(orphan);
  }
  for (const id of extraIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    nodes.push({ name: 'Code', attributes: [['guid', codeGuid(id)], ['name', id], ['isCodable', 'true']] });
  }
  return nodes;
}
