import * as vscode from 'vscode';
import { DEFAULT_CONSENSUS_CODER } from '../../core/analysis/agreement/resolveDisagreement';
import { settingsSection } from '../readSettings';

/** The `by=` of consensus codings: the `markdownQda.consensusCoder` setting, `consensus` when unset or blank. */
export function readConsensusCoder(): string {
  const value = vscode.workspace.getConfiguration(settingsSection).get<unknown>('consensusCoder');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_CONSENSUS_CODER;
}
