import type { Codebook } from '../model/codebook';
import { codeNodes } from './codeNodes';
import { codeSetNodes } from './codeSetNodes';
import { renderXml } from './renderXml';

/** The namespace of REFI-QDA codebook files (`.qdc`). */
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/**
 * A REFI-QDA codebook (`.qdc`, valid against `Codebook.xsd`): the code tree
 * with deterministic GUIDs, names, colours and descriptions, and one Set per
 * code group. The schema
 * wants at least one code: for an empty codebook `ok` is false.
 */
export function exportCodebook(codebook: Codebook): { ok: boolean; xml: string } {
  const codes = codeNodes(codebook);
  const sets = codeSetNodes(codebook, 'guid');
  const xml = renderXml({
    name: 'CodeBook',
    attributes: [['xmlns', CODEBOOK_NAMESPACE], ['origin', 'Markdown QDA']],
    children: [{ name: 'Codes', children: codes }, ...(sets.length > 0 ? [{ name: 'Sets', children: sets }] : [])],
  });
  return { ok: codes.length > 0, xml };
}
