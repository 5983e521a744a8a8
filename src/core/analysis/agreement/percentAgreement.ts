import { definedStatistic, undefinedStatistic, type Statistic } from './statistic';

/**
 * Percent agreement of two coders from their k×k contingency table
 * (`table[i][j]`: units the first coder put in category i and the second in
 * category j): the diagonal over the total, as a proportion in [0, 1].
 * An empty table (no units) yields `null` with a reason.
 */
export function percentAgreement(table: readonly (readonly number[])[]): Statistic {
  let total = 0;
  let agreed = 0;
  table.forEach((row, i) => {
    row.forEach((count, j) => {
      total += count;
      if (i === j) agreed += count;
    });
  });
  if (total === 0) return undefinedStatistic('no units to compare');
  return definedStatistic(agreed / total);
}
