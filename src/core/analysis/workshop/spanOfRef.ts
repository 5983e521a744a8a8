import type { IdRef } from './workshop';

/**
 * Where a diagnostic about a place in a workshop file goes: the line and
 * column of its origin and, for an {@link IdRef}, the end of the id on the
 * same line (columns in code points), so an editor can underline the id.
 */
export function spanOfRef(ref: { origin: { line: number; column: number } } | IdRef): { line: number; column: number; endLine?: number; endColumn?: number } {
  const { line, column } = ref.origin;
  if (!('id' in ref) || 'votes' in ref) return { line, column };
  return { line, column, endLine: line, endColumn: column + [...ref.id].length };
}
