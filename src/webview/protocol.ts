/**
 * Messages between the Summary panel (extension host, `src/extension/views/summaryPanel.ts`) and
 * its webview (`src/webview/main.ts`). Each direction is a union keyed on `type`; events are in
 * the past tense. Everything is plain JSON: a `Table` of the core crosses the boundary unchanged.
 */
import type { Table } from '../core/analysis/tables/table';

/** Formats the panel exports. */
export type ExportFormat = 'md' | 'csv' | 'html';

/** What the panel shows: a table of SPEC §5 and, for the tables that take one, a source attribute for the columns. */
export interface SummaryRequest {
  table: string;
  /** Source attribute for the columns (`--by`); undefined: one column per source. */
  by?: string;
}

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
  | { /** The user clicked an export button. */ type: 'didClickExport'; format: ExportFormat };

/** Whether `value` is a {@link WebviewMessage} (the host checks everything the page sends). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; [key: string]: unknown };
  switch (message.type) {
    case 'didLoad':
      return true;
    case 'didRender':
      return typeof message.table === 'string' && typeof message.rows === 'number' && typeof message.columns === 'number' && typeof message.heatCells === 'number';
    case 'didChooseTable': {
      const request = message.request as { table?: unknown; by?: unknown } | undefined;
      return typeof request?.table === 'string' && (request.by === undefined || typeof request.by === 'string');
    }
    case 'didClickExport':
      return message.format === 'md' || message.format === 'csv' || message.format === 'html';
    default:
      return false;
  }
}
