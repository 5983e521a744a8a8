import { definedStatistic, undefinedStatistic, type Statistic } from './statistic';

/** A value in a reliability data matrix; `null` or `undefined` is a missing value. */
export type NominalValue = string | number | null | undefined;

/**
 * Krippendorff's alpha for nominal data from a coincidence matrix
 * (`coincidences[c][k]`, symmetric, values paired within units, each unit's
 * pairs weighted 1/(m_u − 1)), as in Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability": α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 * `null` with a reason when no value is pairable or all pairable values are one value.
 */
export function nominalAlphaFromCoincidences(coincidences: readonly (readonly number[])[]): Statistic {
  const size = coincidences.length;
  const marginals = coincidences.map((row) => row.reduce((sum, count) => sum + count, 0));
  const total = marginals.reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefinedStatistic('no pairable values: no unit was coded by two or more coders');
  let disagreeing = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) if (c !== k) disagreeing += coincidences[c]![k]!;
  }
  let expectedPairs = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) if (c !== k) expectedPairs += marginals[c]! * marginals[k]!;
  }
  if (expectedPairs === 0) {
    return undefinedStatistic('no variation: every pairable value is the same, so expected disagreement is 0');
  }
  return definedStatistic(1 - ((total - 1) * disagreeing) / expectedPairs);
}

/**
 * Krippendorff's alpha (nominal) from a reliability data matrix:
 * `data[coder][unit]`, missing values as `null`/`undefined`. Units with fewer
 * than two values are not pairable and drop out. See
 * {@link nominalAlphaFromCoincidences} for undefined cases.
 */
export function krippendorffAlpha(data: readonly (readonly NominalValue[])[]): Statistic {
  const categories = new Map<string | number, number>();
  const unitCount = data.reduce((max, row) => Math.max(max, row.length), 0);
  const perUnit: number[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const values: number[] = [];
    for (const row of data) {
      const value = row[u];
      if (value === null || value === undefined) continue;
      let index = categories.get(value);
      if (index === undefined) {
        index = categories.size;
        categories.set(value, index);
      }
      values.push(index);
    }
    perUnit.push(values);
  }
  const size = categories.size;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of perUnit) {
    if (values.length < 2) continue;
    const weight = 1 / (values.length - 1);
    for (let a = 0; a < values.length; a++) {
      for (let b = 0; b < values.length; b++) {
        if (a !== b) coincidences[values[a]!]![values[b]!]! += weight;
      }
    }
  }
  return nominalAlphaFromCoincidences(coincidences);
}
