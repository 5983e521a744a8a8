import assert from 'node:assert/strict';
import * as refiApi from '../../../src/core/refi/index';

describe('REFI-QDA module public API', () => {
  it('exports exactly the documented functions and values', () => {
    assert.deepEqual(Object.keys(refiApi).sort(), [
      'CANDIDATE_READINGS',
      'CODEBOOK_NAMESPACE',
      'CODEBOOK_NAMESPACES',
      'PROJECT_NAMESPACE',
      'chooseReading',
      'describeReading',
      'exportCodebook',
      'exportProject',
      'exportQdpx',
      'guidFor',
      'importCodebookFile',
      'importProject',
      'positionConverter',
      'readXml',
      'readZip',
      'renderExcerptCsv',
      'renderImportReport',
    ]);
  });
});
