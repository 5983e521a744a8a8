import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codeSpeakerTurns } from './codeSpeakerTurns';
import { findAndCode } from './findAndCode';

/** Registers Find and Code… and Code Speaker's Turns…; the disposables go into `context.subscriptions`. */
export function registerAutocodeCommands(context: vscode.ExtensionContext, index: WorkspaceIndex): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(commandIds.findAndCode, findAndCode(index, context.workspaceState)),
    vscode.commands.registerCommand(commandIds.codeSpeakerTurns, codeSpeakerTurns(index, context.workspaceState)),
  );
}
