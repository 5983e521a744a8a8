import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable, type ZipOptions } from 'fflate';
import { validateXML } from 'xmllint-wasm';

/** The repository root (this file is test/unit/refi/refiFixtures.ts). */
export const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The REFI-QDA reference fixtures kept in the repository (`test/fixtures/refi-qda`, see its
 * `SOURCE` notes): the official schemas and, under `samples/`, the vendor sample packages.
 */
export const refiFolder = path.join(repoRoot, 'test', 'fixtures', 'refi-qda');

/** A vendor sample package from `test/fixtures/refi-qda/samples/`. */
export function sample(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(refiFolder, 'samples', name)));
}

/** Validates XML against one of the official schemas with libxml2 (xmllint compiled to wasm): the list of errors, empty when valid. */
export async function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: schema, contents: fs.readFileSync(path.join(refiFolder, schema), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/** A zip built from the files given (text or bytes), with optional zip attributes per entry. */
export function makeZip(files: Record<string, string | Uint8Array | [string | Uint8Array, ZipOptions]>): Uint8Array {
  const tree: Zippable = {};
  const encode = (data: string | Uint8Array) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
  for (const [name, value] of Object.entries(files)) tree[name] = Array.isArray(value) ? [encode(value[0]), value[1]] : encode(value);
  return zipSync(tree);
}

/** A minimal project.qde around the given inner XML (users, codebook, sources…). */
export function projectXml(inner: string, attributes = 'name="crafted"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" ${attributes}>\n${inner}\n</Project>\n`;
}

/** GUIDs for crafted files: `guid(1)` → `00000000-0000-4000-8000-000000000001`. */
export function guid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
