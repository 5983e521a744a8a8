/**
 * Messages between the Coder Comparison panel (extension host, `src/extension/compare/comparePanel.ts`)
 * and its webview (`src/webview/compare/main.ts`). Each direction is a union keyed on `type`;
 * events are in the past tense. Everything is plain JSON: the core's `Comparison` crosses unchanged.
 */
import type { Comparison } from '../../core/analysis/agreement/describeComparison';
import type { Resolution } from '../../core/analysis/agreement/resolveDisagreement';

/** What the comparison view compares: coders of this workspace (`by=`), or this workspace with another copy. */
export type CompareSelection =
  | { kind: 'coders'; coders: string[] }
  | { kind: 'copies'; /** A folder (absolute, or relative to the workspace folder) or a git ref of the workspace repository. */ other: string };

/** Whether `value` is a {@link CompareSelection} (a restored panel's saved state is checked with it). */
export function isCompareSelection(value: unknown): value is CompareSelection {
  if (typeof value !== 'object' || value === null) return false;
  const selection = value as { kind?: unknown; coders?: unknown; other?: unknown };
  if (selection.kind === 'coders') return Array.isArray(selection.coders) && selection.coders.every((coder) => typeof coder === 'string');
  return selection.kind === 'copies' && typeof selection.other === 'string' && selection.other !== '';
}

/** Formats the comparison report exports to. */
export type CompareExportFormat = 'md' | 'csv' | 'html';

/** Host → webview. */
export type CompareHostMessage =
  | {
      /** The host compared the coders (null with problems when it could not). */
      type: 'didBuildComparison';
      /** What is compared, one line (coders, or the two copies). */
      title: string;
      /** The choice compared; the page keeps it as its state, to be compared again after a reload. */
      selection: CompareSelection;
      comparison: Comparison | null;
      problems: string[];
    }
  | { /** A line for the status area (a resolution written, an export, a refusal). */ type: 'didShowStatus'; text: string };

/** Webview → host. */
export type CompareWebviewMessage =
  | { /** The page's script is running and listening. */ type: 'didLoad' }
  | {
      /** The page rendered the comparison: the per-code table's cells as shown, and the list's counts. */
      type: 'didRender';
      rows: string[][];
      disagreements: number;
      resolved: number;
    }
  | { /** The user clicked a disagreement. */ type: 'didSelectDisagreement'; key: string }
  | { /** The user clicked a resolve action of a disagreement. */ type: 'didClickResolve'; key: string; resolution: Resolution }
  | { /** The user clicked an export button. */ type: 'didClickExport'; format: CompareExportFormat }
  | { /** The user asked to compare other coders or copies. */ type: 'didClickChoose' };

function isResolution(value: unknown): value is Resolution {
  if (typeof value !== 'object' || value === null) return false;
  const resolution = value as { kind?: unknown; coder?: unknown; memo?: unknown };
  if (resolution.kind === 'accept') return typeof resolution.coder === 'string';
  if (resolution.kind === 'discussed') return typeof resolution.memo === 'string';
  return resolution.kind === 'keepBoth';
}

/** Whether `value` is a {@link CompareWebviewMessage} (the host checks everything the page sends). */
export function isCompareWebviewMessage(value: unknown): value is CompareWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; [key: string]: unknown };
  switch (message.type) {
    case 'didLoad':
    case 'didClickChoose':
      return true;
    case 'didRender':
      return Array.isArray(message.rows) && typeof message.disagreements === 'number' && typeof message.resolved === 'number';
    case 'didSelectDisagreement':
      return typeof message.key === 'string';
    case 'didClickResolve':
      return typeof message.key === 'string' && isResolution(message.resolution);
    case 'didClickExport':
      return message.format === 'md' || message.format === 'csv' || message.format === 'html';
    default:
      return false;
  }
}
