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
 * back, and so does any code when `idPrefixes` says the names of the file
 * carry ids (see `namesCarryIds`: GUIDs do not survive every tool); any other
 * gets an id made from its name: letters without accents,
 * digits, `_` and `-`, starting with a letter (`C` is put in front when
 * needed), at most 40 characters, made unique against `taken` with `-2`, `-3`…
 * The chosen id is added to `taken`.
 */
export function codeIdFor(guid: string, name: string, taken: Set<string>, idPrefixes = false): { id: string; name: string } {
  const space = name.indexOf(' ');
  const head = space < 0 ? name : name.slice(0, space);
  const ours = guid.toLowerCase().replace(/[{}]/g, '') === codeGuid(head);
  if (ID.test(head) && (ours || idPrefixes) && !taken.has(head)) {
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

const PREFIXED = /^([A-Za-z][A-Za-z0-9_-]*) \S/;

/**
 * Whether a file's code names look like this tool's `ID name`: at least 80%
 * of them (and two or more) start with an id-like word followed by more text,
 * those words are all different, and at least half of them hold a digit
 * (`T1`, `M3`, `FI4`). Natural code names ("waste of time") do not pass.
 */
export function namesCarryIds(names: string[]): boolean {
  const heads = names.map((name) => PREFIXED.exec(name)?.[1]).filter((head): head is string => head !== undefined);
  if (heads.length < 2 || heads.length < 0.8 * names.length) return false;
  if (new Set(heads).size !== heads.length) return false;
  return heads.filter((head) => /\d/.test(head)).length >= 0.5 * heads.length;
}
