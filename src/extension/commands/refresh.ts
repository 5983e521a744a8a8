import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * Makes the handler of `markdownQda.refresh`: re-reads the codebooks and transcripts now.
 * The handler resolves to the number of transcripts indexed (a failed load keeps the last good
 * index and is logged by the index).
 */
export function refresh(index: WorkspaceIndex): () => Promise<number> {
  return async () => (await index.reload()).sources.length;
}
