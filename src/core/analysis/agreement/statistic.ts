/**
 * The value of an agreement statistic, or `null` with the reason it is
 * undefined for the data (no units, no variation…). Never NaN.
 */
export interface Statistic {
  value: number | null;
  reason: string | null;
}

/** A defined statistic. Programmer error (throws) if `value` is not finite. */
export function definedStatistic(value: number): Statistic {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Expected a finite statistic, received ${value}`);
  }
  return { value, reason: null };
}

/** An undefined statistic: `null` with the reason. */
export function undefinedStatistic(reason: string): Statistic {
  return { value: null, reason };
}
