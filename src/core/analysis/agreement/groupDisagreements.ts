import type { Disagreement } from './agreementReport';

/** The disagreements of one source, by code. */
export interface SourceDisagreements<T extends Disagreement = Disagreement> {
  source: string;
  path: string;
  codes: { code: string; disagreements: T[] }[];
}

/**
 * Groups disagreements by source (path order) and, within a source, by code
 * (in `codeOrder`, then other codes by id); each group in text order.
 */
export function groupDisagreements<T extends Disagreement>(disagreements: readonly T[], codeOrder: readonly string[] = []): SourceDisagreements<T>[] {
  const rank = new Map(codeOrder.map((code, index) => [code, index]));
  const bySource = new Map<string, SourceDisagreements<T>>();
  for (const disagreement of disagreements) {
    let group = bySource.get(disagreement.path);
    if (!group) {
      group = { source: disagreement.source, path: disagreement.path, codes: [] };
      bySource.set(disagreement.path, group);
    }
    let byCode = group.codes.find((entry) => entry.code === disagreement.code);
    if (!byCode) {
      byCode = { code: disagreement.code, disagreements: [] };
      group.codes.push(byCode);
    }
    byCode.disagreements.push(disagreement);
  }
  const order = (code: string) => rank.get(code) ?? Number.MAX_SAFE_INTEGER;
  const groups = [...bySource.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const group of groups) {
    group.codes.sort((a, b) => order(a.code) - order(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const entry of group.codes) entry.disagreements.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return groups;
}
