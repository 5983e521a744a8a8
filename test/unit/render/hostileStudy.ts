import { tensionTable } from '../../../src/core/analysis/tables/tensionTable';
import type { Table } from '../../../src/core/analysis/tables/table';
import { makeCodebook, makeSource } from '../tables/corpus';

/** A transcript whose text, attribute values and code names hold markup, quotes, pipes and line breaks. */
export const HOSTILE_QUOTE = 'We said <script>alert("x")</script> & "quoted" | piped, then\nwent on.';

/** A tension table built over {@link HOSTILE_QUOTE}, by partnership. */
export function hostileTable(): Table {
  const codebook = makeCodebook([
    { id: 'T1', name: 'Power & <b>status</b> | rank', group: 'tensions', color: '#1f77b4' },
    { id: 'T1a', name: 'Sub, with comma', parent: 'T1', group: 'tensions', color: 'red; background: url(x)' },
  ]);
  const text = `P1: ${HOSTILE_QUOTE}`;
  const sources = [
    makeSource('S1', text, [{ phrase: HOSTILE_QUOTE, codes: ['T1a'], speaker: 'P1', exemplar: true }], { partnership: 'Yorkshire & Humber' }),
    makeSource('S2', 'P2: nothing here', [], { partnership: 'North "East"' }),
  ];
  const result = tensionTable(sources, codebook, { by: 'partnership', quoteLength: 500 });
  if (!result.table) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.table;
}
