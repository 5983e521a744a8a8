import { guidFor } from './guidFor';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The GUID an export gives the code with this id (see `exportProject`). */
export function codeGuid(id: string): string {
  return guidFor('code', id);
}

/** The REFI code name an export writes: `ID name`, or the id alone when the name is the id. */
export function refiCodeName(id: string, name: string): string {
  return name === id || name === '' ? id : `${id} ${name}`;
}

/**
 * The code id and name to use for a REFI code. A code this tool exported
 * (its GUID is the one `codeGuid` gives its leading id) gets its id and name
 * back; any other gets an id made from its name: letters without accents,
 * digits, `_` and `-`, starting with a letter (`C` is put in front when
 * needed), at most 40 characters, made unique against `taken` with `-2`, `-3`…
 * The chosen id is added to `taken`.
 */
export function codeIdFor(guid: string, name: string, taken: Set<string>): { id: string; name: string } {
  const space = name.indexOf(' ');
  const head = space < 0 ? name : name.slice(0, space);
  if (ID.test(head) && guid.toLowerCase().replace(/[{}]/g, '') === codeGuid(head) && !taken.has(head)) {
    taken.add(head);
    return { id: head, name: space < 0 ? head : name.slice(space + 1) };
  }
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (!/^[A-Za-z]/.test(base)) base = `C${base}`;
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  taken.add(id);
  return { id, name: name.trim() === '' ? id : name };
}
