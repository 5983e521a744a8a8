import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { coderTable } from './coderTable';
import { cooccurrenceTable } from './cooccurrenceTable';
import { facilitatorTable } from './facilitatorTable';
import { frequencyTable } from './frequencyTable';
import { impactTable } from './impactTable';
import { sourceMatrix } from './sourceMatrix';
import { speakerTable } from './speakerTable';
import { TABLE_NAMES, type TableName, type TableResult } from './table';
import type { TableOptions } from './tableOptions';
import { tensionTable } from './tensionTable';
import { wordTable } from './wordTable';

const BUILDERS: Record<TableName, (sources: readonly Source[], codebook: Codebook, options: TableOptions) => TableResult> = {
  tensions: tensionTable,
  frequencies: frequencyTable,
  sources: sourceMatrix,
  cooccurrence: cooccurrenceTable,
  facilitators: facilitatorTable,
  impact: impactTable,
  coders: coderTable,
  speakers: speakerTable,
  words: wordTable,
};

/** Whether `name` is one of {@link TABLE_NAMES}. */
export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

/**
 * Builds the table called `name` over a corpus. An unknown name is an
 * `unknown-table` error listing the names, not an exception; the table
 * builders' own problems (unknown attribute, group, code…) come back as data.
 */
export function buildTable(name: string, sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  if (!isTableName(name)) {
    return {
      table: null,
      problems: [{ severity: 'error', ruleId: 'unknown-table', message: `unknown table '${name}' (tables: ${TABLE_NAMES.join(', ')})` }],
    };
  }
  return BUILDERS[name](sources, codebook, options);
}
