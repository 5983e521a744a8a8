import { codebookSteps } from '../../codebook/codebookAsOf';
import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { buildCodeTree } from './codeTree';
import { attributeValues } from './filters';

/** What the filters of a table (`--coder`, `--group`, `--where`, `--as-of`) can be set to in a corpus. */
export interface FilterChoices {
  /** Coders named in `coders:` or `by=`, sorted. */
  coders: string[];
  /** Code groups of the codebook, in codebook order. */
  groups: string[];
  /** `attr=value` for each value of each source attribute, sorted; attributes that tell sources apart one by one (`title`) are left out. */
  where: string[];
  /** Steps of the codebook history, in order. */
  steps: string[];
}

/** Attributes never offered as a filter: they name one source each. */
const PER_SOURCE = new Set(['title', 'id', 'path', 'coders']);

/**
 * The values the table filters can take in this corpus, for a picker. An attribute whose values
 * are all different (one per source, like a date) is left out of `where` when there are more
 * than two sources: filtering by it is filtering by source.
 */
export function filterChoices(sources: readonly Source[], codebook: Codebook): FilterChoices {
  const coders = new Set<string>();
  const values = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const source of sources) {
    for (const coder of source.coders) coders.add(coder);
    for (const excerpt of source.excerpts) if (excerpt.coder !== null) coders.add(excerpt.coder);
    for (const attribute of Object.keys(source.attributes)) {
      if (PER_SOURCE.has(attribute)) continue;
      const found = attributeValues(source, attribute);
      if (found.length === 0) continue;
      let set = values.get(attribute);
      if (!set) values.set(attribute, (set = new Set()));
      for (const value of found) set.add(value);
      counts.set(attribute, (counts.get(attribute) ?? 0) + 1);
    }
  }
  const where: string[] = [];
  for (const [attribute, set] of values) {
    if (sources.length > 2 && set.size === counts.get(attribute)) continue;
    for (const value of set) where.push(`${attribute}=${value}`);
  }
  return {
    coders: [...coders].sort((a, b) => a.localeCompare(b)),
    groups: buildCodeTree(codebook).groups(),
    where: where.sort((a, b) => a.localeCompare(b)),
    steps: codebookSteps(codebook),
  };
}
