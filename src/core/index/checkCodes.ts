import type { Codebook } from '../model/codebook';
import type { Diagnostic } from '../model/diagnostic';
import type { Source } from '../model/source';
import { nearestCodeIds } from '../codebook/nearestCodeIds';
import { diagnosticAt } from '../syntax/fileRanges';

/**
 * Diagnostics for codes used in transcripts but missing from the codebook
 * (`unknown-code`, a warning at each fragment that uses one, with the nearest
 * known ids as a hint). Aliases count as known. With an empty codebook there
 * is nothing to check against, and nothing is reported.
 */
export function checkCodes(sources: Source[], codebook: Codebook): Diagnostic[] {
  if (codebook.codes.size === 0) return [];
  const known = new Set<string>(codebook.codes.keys());
  for (const code of codebook.codes.values()) for (const alias of code.aliases) known.add(alias);
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    for (const excerpt of source.excerpts) {
      for (const code of excerpt.codes) {
        if (known.has(code)) continue;
        const range = excerpt.fragments[0].range;
        const nearest = nearestCodeIds(codebook, code);
        const hint = nearest.length > 0 ? ` (did you mean ${nearest.map((id) => `\`${id}\``).join(', ')}?)` : '';
        diagnostics.push(diagnosticAt(source.path, range, 'warning', `unknown code \`${code}\`: it is not in the codebook${hint}`, 'unknown-code'));
      }
    }
  }
  return diagnostics;
}
