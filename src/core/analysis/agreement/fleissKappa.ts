import { definedStatistic, undefinedStatistic, type Statistic } from './statistic';

/**
 * Fleiss' kappa (Fleiss 1971) for a fixed number of coders per unit.
 * `counts[u][j]` is how many coders put unit u in category j; every row must
 * sum to the same number of coders (a programmer error otherwise).
 * `weights[u]` (default 1) lets one row stand for that many identical units.
 * `null` with a reason for no units, fewer than two coders, or no variation
 * (expected agreement 1).
 */
export function fleissKappa(
  counts: readonly (readonly number[])[],
  weights?: readonly number[],
): Statistic {
  if (counts.length === 0) return undefinedStatistic('no units to compare');
  const categories = counts[0]!.length;
  const raters = counts[0]!.reduce((sum, count) => sum + count, 0);
  const categoryTotals = new Array<number>(categories).fill(0);
  let units = 0;
  let observedSum = 0;
  counts.forEach((row, u) => {
    const weight = weights ? weights[u]! : 1;
    let rowTotal = 0;
    let squares = 0;
    row.forEach((count, j) => {
      rowTotal += count;
      squares += count * count;
      categoryTotals[j]! += weight * count;
    });
    if (rowTotal !== raters || row.length !== categories) {
      throw new RangeError(
        `Expected every unit to have ${raters} ratings in ${categories} categories, received ${rowTotal} in ${row.length} at unit ${u}`,
      );
    }
    units += weight;
    if (raters > 1) observedSum += (weight * (squares - raters)) / (raters * (raters - 1));
  });
  if (units === 0) return undefinedStatistic('no units to compare');
  if (raters < 2) return undefinedStatistic('fewer than two coders per unit');
  const observed = observedSum / units;
  let expected = 0;
  for (const total of categoryTotals) {
    const proportion = total / (units * raters);
    expected += proportion * proportion;
  }
  if (expected >= 1 - 1e-12) {
    return undefinedStatistic('no variation: every coder gave every unit the same value, so expected agreement is 1');
  }
  return definedStatistic((observed - expected) / (1 - expected));
}
