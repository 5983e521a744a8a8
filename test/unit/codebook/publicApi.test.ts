import assert from 'node:assert/strict';
import * as codebookApi from '../../../src/core/codebook/index';

describe('codebook module public API', () => {
  it('exports exactly the documented functions and values', () => {
    assert.deepEqual(Object.keys(codebookApi).sort(), [
      'CODE_ID_PATTERN',
      'CodebookState',
      'HISTORY_ACTIONS',
      'MERGED_SEPARATOR',
      'PRESET_NAME_PATTERN',
      'ancestorsOf',
      'codebookAsOf',
      'codebookSteps',
      'codesInGroup',
      'codesSeenFrom',
      'compileCodebook',
      'descendantsOf',
      'describeStepView',
      'emptyCodebook',
      'groupOf',
      'mergeCodebooks',
      'nearestCodeIds',
      'parseCodebook',
      'resolveCodeId',
      'stepLineage',
      'stepView',
    ]);
  });
});
