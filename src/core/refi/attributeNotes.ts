import type { XmlElement } from './readXml';

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const GUID_ATTRIBUTES = ['guid', 'targetGUID', 'originGUID', 'creatingUser', 'modifyingUser'];
/** Elements named in one note before the rest are counted. */
const LISTED = 10;

function describe(element: XmlElement): string {
  return element.attributes.name !== undefined ? `<${element.name} name="${element.attributes.name}">` : `<${element.name}>`;
}

function listed(items: string[]): string {
  const shown = items.slice(0, LISTED);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Warnings on attributes the REFI-QDA schemas require but a file got wrong,
 * each naming the element: a GUID attribute (`guid`, `targetGUID`,
 * `originGUID`, `creatingUser`, `modifyingUser`) whose value is not a GUID,
 * and `Code` elements without `isCodable` (read as codable). The file is
 * imported anyway; the notes say what to check. Never throws.
 */
export function attributeNotes(root: XmlElement): string[] {
  const notes: string[] = [];
  const badGuids: string[] = [];
  const withoutCodable: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const element = stack.pop() as XmlElement;
    for (const attribute of GUID_ATTRIBUTES) {
      const value = element.attributes[attribute];
      if (value !== undefined && !GUID.test(value.trim())) badGuids.push(`${describe(element)} has ${attribute}="${value}", which is not a GUID`);
    }
    if (element.name === 'Code' && element.attributes.isCodable === undefined) withoutCodable.push(describe(element));
    for (let index = element.children.length - 1; index >= 0; index--) stack.push(element.children[index]);
  }
  if (badGuids.length > 0) notes.push(`${listed(badGuids)}: imported anyway, matched by their text`);
  if (withoutCodable.length > 0) notes.push(`${listed(withoutCodable)} ${withoutCodable.length === 1 ? 'has' : 'have'} no isCodable attribute (the schema requires it): read as codable`);
  return notes;
}
