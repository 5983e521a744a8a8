import assert from 'node:assert/strict';
import * as ingestApi from '../../../src/core/ingest/index';

describe('transcript import module public API', () => {
  it('exports exactly the documented functions and values', () => {
    assert.deepEqual(Object.keys(ingestApi).sort(), [
      'WORD',
      'chooseTranscriptNames',
      'countWords',
      'escapeTranscriptText',
      'idFromFileName',
      'importTranscript',
      'normaliseSpace',
      'parseSpeakerMap',
      'pseudonymMapProblem',
      'pseudonymiseTranscript',
      'readTranscript',
      'renameSpeakers',
      'renderTranscriptMarkdown',
      'summariseTranscript',
      'transcriptFormatOf',
    ]);
  });
});
