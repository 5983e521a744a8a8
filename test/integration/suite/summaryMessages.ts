import type { MarkdownQdaApi } from '../../../src/extension/api';
import type { WebviewMessage } from '../../../src/webview/protocol';
import { nextPageMessage } from './helpers';

/** Resolves to the next message of `type` the Summary page posts (rejects after `timeoutMs`). */
export function nextMessage<T extends WebviewMessage['type']>(
  api: MarkdownQdaApi,
  type: T,
  accept: (message: Extract<WebviewMessage, { type: T }>) => boolean = () => true,
  timeoutMs = 15000,
): Promise<Extract<WebviewMessage, { type: T }>> {
  return nextPageMessage(api.summary.onDidReceiveMessage, 'Summary', type, accept, timeoutMs);
}
