import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';

/** The parts of package.json the tests read. */
export interface Manifest {
  name: string;
  publisher: string;
  contributes: {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string; name: string }[]>;
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
  };
}

/** The extension under test (publisher.name from package.json); fails when it is not loaded. */
export function getExtension(): vscode.Extension<MarkdownQdaApi> {
  const extension = vscode.extensions.getExtension<MarkdownQdaApi>('markdown-qda.markdown-qda');
  if (!extension) throw new Error('the extension markdown-qda.markdown-qda is not loaded');
  return extension;
}

/** The extension's package.json as VS Code read it. */
export function manifest(): Manifest {
  return getExtension().packageJSON as Manifest;
}

/** The workspace folder the runner opened (a fresh copy of test/integration/workspace). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

/** Polls `condition` every 20 ms for up to `timeoutMs`; rejects when it stays false. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Line the runner (test/integration/run.js) watches for: it then saves a screenshot. */
export const screenshotMarker = '[mdqda:screenshot]';

/**
 * Asks the runner for a screenshot of the workbench as it is now, and gives it time to take one
 * (the runner sees the marker through the workbench's log relay).
 */
export async function requestScreenshot(settleMs = 1500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  console.log(screenshotMarker);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/**
 * Resolves to the next message of `type` (that `accept` takes) a panel's page posts through
 * `event` (a panel's `onDidReceiveMessage`); rejects after `timeoutMs`, naming `page`.
 */
export function nextPageMessage<M extends { type: string }, T extends M['type']>(
  event: vscode.Event<M>,
  page: string,
  type: T,
  accept: (message: Extract<M, { type: T }>) => boolean = () => true,
  timeoutMs = 15000,
): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no '${type}' message from the ${page} page within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = event((message) => {
      if (message.type !== type || !accept(message as Extract<M, { type: T }>)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message as Extract<M, { type: T }>);
    });
  });
}
