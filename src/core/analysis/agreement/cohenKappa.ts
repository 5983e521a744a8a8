import { definedStatistic, undefinedStatistic, type Statistic } from './statistic';

/**
 * Cohen's kappa (Cohen 1960) of two coders from their k×k contingency table
 * (`table[i][j]`: units the first coder put in category i and the second in
 * category j): (po − pe) / (1 − pe), with pe from the two coders' marginal
 * proportions. `null` with a reason when there are no units or when chance
 * agreement is 1 (both coders used one and the same category for every unit).
 */
export function cohenKappa(table: readonly (readonly number[])[]): Statistic {
  const size = table.length;
  const rows = new Array<number>(size).fill(0);
  const columns = new Array<number>(size).fill(0);
  let total = 0;
  let agreed = 0;
  for (let i = 0; i < size; i++) {
    const row = table[i]!;
    if (row.length !== size) {
      throw new RangeError(`Expected a square table, received row ${i} of length ${row.length} in a table of ${size} rows`);
    }
    for (let j = 0; j < size; j++) {
      const count = row[j]!;
      rows[i]! += count;
      columns[j]! += count;
      total += count;
      if (i === j) agreed += count;
    }
  }
  if (total === 0) return undefinedStatistic('no units to compare');
  let chance = 0;
  for (let i = 0; i < size; i++) chance += (rows[i]! / total) * (columns[i]! / total);
  const observed = agreed / total;
  if (chance >= 1 - 1e-12) {
    return undefinedStatistic('no variation: both coders gave every unit the same value, so chance agreement is 1');
  }
  return definedStatistic((observed - chance) / (1 - chance));
}
