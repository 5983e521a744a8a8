import * as vscode from 'vscode';
import type { BlindMode } from '../blindMode';
import { commandIds } from '../commandIds';
import { readCoder } from '../readSettings';

/**
 * Command handler: turns "Show Only My Codings" on or off (`on` a boolean sets it; anything else
 * toggles). Turning it on with no coder set first asks to set one, and stays off when none is
 * set. Resolves to whether the mode is on afterwards.
 */
export function toggleOnlyMyCodings(blind: BlindMode): (on?: unknown) => Promise<boolean> {
  return async (on) => {
    const wanted = typeof on === 'boolean' ? on : !blind.on;
    if (wanted && readCoder() === null) {
      const choice = await vscode.window.showWarningMessage(
        'Markdown QDA: set your coder identity first, so that only your codings (by=…) are shown.',
        'Set Coder',
      );
      if (choice !== 'Set Coder' || (await vscode.commands.executeCommand<string | undefined>(commandIds.setCoder)) === undefined) return blind.on;
    }
    await blind.set(wanted);
    return blind.on;
  };
}
