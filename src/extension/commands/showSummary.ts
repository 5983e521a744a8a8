import type { SummaryRequest } from '../../webview/protocol';
import type { SummaryPanel } from '../views/summaryPanel';

/**
 * Makes the handler of `markdownQda.showSummary`: opens the Summary panel with the table asked
 * for (`{ table, by }`, default the one shown last, at first the code frequencies).
 */
export function showSummary(panel: SummaryPanel): (request?: unknown) => Promise<void> {
  return (request) => panel.show(isRequest(request) ? request : undefined);
}

function isRequest(value: unknown): value is SummaryRequest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { table?: unknown; by?: unknown };
  return typeof candidate.table === 'string' && (candidate.by === undefined || typeof candidate.by === 'string');
}
