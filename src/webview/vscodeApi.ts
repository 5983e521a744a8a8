/** What a webview page gets from VS Code: posting typed messages to the host and its saved state. */
export interface VsCodeApi<Message> {
  postMessage(message: Message): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi<never>;

/** The page's VS Code API, typed with the messages the page may post (call once per page). */
export function vscodeApi<Message>(): VsCodeApi<Message> {
  return acquireVsCodeApi() as VsCodeApi<Message>;
}
