import * as vscode from 'vscode';
import { settingsSection } from '../readSettings';

/** How coded text is shown: `tint` (background), `stripes` (gutter and overview ruler), `both`, or `off`. */
export type DecorationStyle = 'tint' | 'stripes' | 'both' | 'off';

/** Name of the setting, under `markdownQda`. */
export const decorationSetting = 'decorations';

const STYLES: readonly DecorationStyle[] = ['tint', 'stripes', 'both', 'off'];

/** The `markdownQda.decorations` setting; anything else than its four values reads as `both`. */
export function readDecorationStyle(): DecorationStyle {
  const value = vscode.workspace.getConfiguration(settingsSection).get<unknown>(decorationSetting);
  return STYLES.includes(value as DecorationStyle) ? (value as DecorationStyle) : 'both';
}
