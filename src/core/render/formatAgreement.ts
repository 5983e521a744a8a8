/** How agreement figures are printed everywhere (Markdown, HTML, the comparison view): one source of truth. */

/** An undefined statistic. */
export const UNDEFINED_FIGURE = '—';

/** A statistic (κ, α) with three decimals, or "—" when undefined. */
export function formatStatistic(value: number | null): string {
  return value === null ? UNDEFINED_FIGURE : value.toFixed(3);
}

/** A proportion (0–1) as a percentage with one decimal, or "—" when undefined. */
export function formatPercent(value: number | null): string {
  return value === null ? UNDEFINED_FIGURE : `${(value * 100).toFixed(1)}%`;
}
