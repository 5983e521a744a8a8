/**
 * Messages between the Summary panel (extension host, `src/extension/views/summaryPanel.ts`) and
 * its webview (`src/webview/main.ts`). Each direction is a union keyed on `type`; events are in
 * the past tense. Everything is plain JSON: a `Table` of the core crosses the boundary unchanged.
 */
import type { CellExcerpt } from '../core/analysis/tables/cellExcerpts';
import type { FilterChoices } from '../core/analysis/tables/filterChoices';
import type { Table } from '../core/analysis/tables/table';

export type { CellExcerpt, FilterChoices };

/** Formats the panel exports. */
export type ExportFormat = 'md' | 'csv' | 'html';

/** What the panel shows: a table of SPEC §5, its columns and the filters applied (as `mdqda summary` takes them). */
export interface SummaryRequest {
  table: string;
  /** Source attribute for the columns (`--by`); undefined: one column per source. */
  by?: string;
  /** Only the excerpts of this coder (`--coder`). */
  coder?: string;
  /** Code group (`--group`): the rows of the tension, facilitator and impact tables, a filter elsewhere. */
  group?: string;
  /** Only the sources whose attribute has this value, written `attr=value` (`--where`). */
  where?: string;
  /** The codebook as it stood after this step of its history (`--as-of`). */
  asOf?: string;
  /**
   * Co-occurrence rows (`--rows`): a code group, {@link EVERY_CODE} for one row per code;
   * undefined: one row and column per code group (`--by-group`), which fits a panel.
   */
  rows?: string;
  /** Co-occurrence columns (`--cols`): a code group or {@link EVERY_CODE}; undefined: as the rows. */
  cols?: string;
}

/** `rows`/`cols` value for one row or column per code. */
export const EVERY_CODE = '*';

/** One table offered in the panel's picker. */
export interface TableChoice {
  name: string;
  label: string;
  /** Whether the table takes a `by` attribute. */
  takesBy: boolean;
}

/** Host → webview. */
export type HostMessage =
  | {
      /** The host built the table asked for (null with problems when it could not). */
      type: 'didBuildTable';
      request: SummaryRequest;
      table: Table | null;
      /** Problems found while building (errors and warnings), one line each. */
      problems: string[];
      tables: TableChoice[];
      /** Source attributes that can be columns. */
      attributes: string[];
      filters: FilterChoices;
      /** A sentence shown above the table (a mode that changes what is counted), or null. */
      notice: string | null;
    }
  | {
      /** The excerpts behind the cell or quote the user clicked (`title` says which). */
      type: 'didDrillDown';
      title: string;
      /** What the cell counts, or null for a measure or a quote. */
      count: number | null;
      items: CellExcerpt[];
      /** References that matched no excerpt (the files changed since). */
      missing: number;
    }
  | {
      /** The host wrote an export. */
      type: 'didExport';
      format: ExportFormat;
      /** Where, as shown to the user (workspace-relative when inside it). */
      path: string;
    };

/** Webview → host. */
export type WebviewMessage =
  | { /** The page's script is running and listening. */ type: 'didLoad' }
  | {
      /** The page rendered a table: what it shows, for the host (and tests) to check. */
      type: 'didRender';
      table: string;
      rows: number;
      columns: number;
      /** Cells coloured as a heatmap. */
      heatCells: number;
    }
  | { /** The user picked another table or attribute. */ type: 'didChooseTable'; request: SummaryRequest }
  | { /** The user clicked an export button. */ type: 'didClickExport'; format: ExportFormat }
  | {
      /** The user clicked a count (or the quote at `quote`) in the cell of row `row`, column `column` (their keys). */
      type: 'didClickCell';
      row: string;
      column: string;
      quote?: number;
    }
  | { /** The page shows the drill-down list: how many entries. */ type: 'didRenderExcerpts'; items: number }
  | { /** The user clicked entry `index` of the drill-down list. */ type: 'didClickExcerpt'; index: number };

/** Whether `value` is a {@link WebviewMessage} (the host checks everything the page sends). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; [key: string]: unknown };
  switch (message.type) {
    case 'didLoad':
      return true;
    case 'didRender':
      return typeof message.table === 'string' && typeof message.rows === 'number' && typeof message.columns === 'number' && typeof message.heatCells === 'number';
    case 'didChooseTable':
      return isSummaryRequest(message.request);
    case 'didClickExport':
      return message.format === 'md' || message.format === 'csv' || message.format === 'html';
    case 'didClickCell':
      return typeof message.row === 'string' && typeof message.column === 'string'
        && (message.quote === undefined || (Number.isInteger(message.quote) && (message.quote as number) >= 0));
    case 'didRenderExcerpts':
      return typeof message.items === 'number';
    case 'didClickExcerpt':
      return Number.isInteger(message.index) && (message.index as number) >= 0;
    default:
      return false;
  }
}

const OPTIONAL_FIELDS = ['by', 'coder', 'group', 'where', 'asOf', 'rows', 'cols'] as const;

/** Whether `value` is a {@link SummaryRequest}: a table name and optional string fields. */
export function isSummaryRequest(value: unknown): value is SummaryRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return typeof request.table === 'string' && OPTIONAL_FIELDS.every((key) => request[key] === undefined || typeof request[key] === 'string');
}

/** The request with its empty and unknown fields dropped. */
export function cleanRequest(request: SummaryRequest): SummaryRequest {
  const clean: SummaryRequest = { table: request.table };
  for (const key of OPTIONAL_FIELDS) {
    const value = request[key];
    if (typeof value === 'string' && value !== '') clean[key] = value;
  }
  return clean;
}
