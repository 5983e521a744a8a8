/**
 * Messages between the Workshop panel (extension host, `src/extension/workshop/workshopPanel.ts`)
 * and its webview (`src/webview/workshop/main.ts`). Each direction is a union keyed on `type`;
 * events are in the past tense. The core's `WorkshopTally` crosses the boundary unchanged.
 */
import type { WorkshopTally } from '../../core/analysis/workshop/tallyWorkshop';

/** Formats the workshop tally exports (`mdqda workshop --format`). */
export type WorkshopExportFormat = 'md' | 'csv';

/** Host → webview. */
export type WorkshopHostMessage =
  | {
      /** The host read and tallied the workshop file (tally null when the file has errors). */
      type: 'didTally';
      /** The file, as shown to the user. */
      file: string;
      /** The file's URI, which the page saves as its {@link WorkshopPageState}. */
      uri: string;
      tally: WorkshopTally | null;
      /** Its problems, one line each (`line:col: severity: message [rule]`). */
      problems: string[];
    }
  | { /** The host has no workshop file to tally (a panel restored with none saved). */ type: 'didFindNoFile' }
  | { /** The host wrote an export. */ type: 'didExport'; format: WorkshopExportFormat; path: string };

/** What the page saves as its state: the URI of the workshop file shown, from which the host restores the panel after a window reload. */
export interface WorkshopPageState {
  uri: string;
}

/** Whether `value` is a {@link WorkshopPageState} (the state a restored page saved). */
export function isWorkshopPageState(value: unknown): value is WorkshopPageState {
  const state = value as { uri?: unknown } | null | undefined;
  return typeof state?.uri === 'string' && state.uri !== '';
}

/** Webview → host. */
export type WorkshopWebviewMessage =
  | { /** The page's script is running and listening. */ type: 'didLoad' }
  | {
      /** The page rendered a tally: what it shows, for the host (and tests) to check. */
      type: 'didRender';
      /** Per candidate in the order shown: id, rank, votes, inner, outer, unplaced. */
      candidates: { id: string; rank: number; votes: number; inner: number; outer: number; unplaced: number }[];
      participants: number;
      changes: number;
      problems: number;
    }
  | { /** The user clicked an export button. */ type: 'didClickExport'; format: WorkshopExportFormat }
  | { /** The user asked to edit the workshop file. */ type: 'didClickOpenFile' };

/** Whether `value` is a {@link WorkshopWebviewMessage} (the host checks everything the page sends). */
export function isWorkshopWebviewMessage(value: unknown): value is WorkshopWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; [key: string]: unknown };
  switch (message.type) {
    case 'didLoad':
    case 'didClickOpenFile':
      return true;
    case 'didRender':
      return Array.isArray(message.candidates) && typeof message.participants === 'number' && typeof message.changes === 'number' && typeof message.problems === 'number';
    case 'didClickExport':
      return message.format === 'md' || message.format === 'csv';
    default:
      return false;
  }
}
