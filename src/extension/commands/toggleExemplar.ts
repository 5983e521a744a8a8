import { setExcerptAttributes } from '../../core/edit/setExcerptAttributes';
import { applyResult, editorTranscript } from '../editing/editorTranscript';
import { excerptUnderCursor } from '../editing/excerptUnderCursor';
import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * Makes the handler of `markdownQda.toggleExemplar`: marks the excerpt under the cursor as an
 * exemplar quote for the summary tables, or unmarks it. Resolves to whether the document changed.
 */
export function toggleExemplar(index: WorkspaceIndex): () => Promise<boolean> {
  return async () => {
    const transcript = await editorTranscript(index);
    const excerpt = transcript && excerptUnderCursor(transcript);
    if (!transcript || !excerpt) return false;
    return applyResult(transcript, setExcerptAttributes(transcript.text, transcript.parsed, excerpt, { exemplar: !excerpt.exemplar }));
  };
}
