import { isSummaryRequest } from '../../webview/protocol';
import type { SummaryPanel } from '../views/summaryPanel';

/**
 * Makes the handler of `markdownQda.showSummary`: opens the Summary panel with the table asked
 * for (`{ table, by, coder, group, where, asOf, rows, cols }`, default the one shown last, at first the code frequencies).
 */
export function showSummary(panel: SummaryPanel): (request?: unknown) => Promise<void> {
  return (request) => panel.show(isSummaryRequest(request) ? request : undefined);
}
