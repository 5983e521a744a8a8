/**
 * Messages between the Resource Pack panel (extension host, `src/extension/workshop/packPanel.ts`)
 * and its webview (`src/webview/pack/main.ts`). Each direction is a union keyed on `type`; events
 * are in the past tense. The core's `ResourcePack` crosses the boundary unchanged.
 */
import type { ResourcePack } from '../../core/analysis/workshop/resourcePack';

/**
 * The group of the candidates and the step whose codebook gives them (`current`: today's), as
 * `mdqda pack --group --as-of`. The page saves the choice shown as its state, from which the host
 * restores the panel after a window reload.
 */
export interface PackChoice {
  group: string;
  asOf: string;
}

/** Whether `value` is a {@link PackChoice} (a message's, or the state a restored page saved). */
export function isPackChoice(value: unknown): value is PackChoice {
  const choice = value as { group?: unknown; asOf?: unknown } | null | undefined;
  return typeof choice?.group === 'string' && typeof choice.asOf === 'string';
}

/** Host → webview. */
export type PackHostMessage =
  | {
      /** The host built the pack (null with problems when it could not). */
      type: 'didBuildPack';
      pack: ResourcePack | null;
      /** Problems found while building (errors and warnings), one line each. */
      problems: string[];
      /** The pack's options now, and what they can be: code groups, and steps of the codebook history (`current` last). */
      choice: PackChoice;
      groups: string[];
      steps: string[];
    }
  | { /** The host wrote the printable HTML page and opened it to print. */ type: 'didPrint'; path: string }
  | { /** The host wrote the HTML export. */ type: 'didExport'; path: string };

/** Webview → host. */
export type PackWebviewMessage =
  | { /** The page's script is running and listening. */ type: 'didLoad' }
  | {
      /** The page rendered a pack: the card ids in order and the quotes shown, for the host (and tests). */
      type: 'didRender';
      cards: string[];
      quotes: number;
    }
  | { /** The user chose another group or step. */ type: 'didChoose'; choice: PackChoice }
  | { /** The user clicked Print. */ type: 'didClickPrint' }
  | { /** The user clicked Export HTML. */ type: 'didClickExport' };

/** Whether `value` is a {@link PackWebviewMessage} (the host checks everything the page sends). */
export function isPackWebviewMessage(value: unknown): value is PackWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; [key: string]: unknown };
  switch (message.type) {
    case 'didLoad':
    case 'didClickPrint':
    case 'didClickExport':
      return true;
    case 'didChoose':
      return isPackChoice(message.choice);
    case 'didRender':
      return Array.isArray(message.cards) && message.cards.every((card) => typeof card === 'string') && typeof message.quotes === 'number';
    default:
      return false;
  }
}
