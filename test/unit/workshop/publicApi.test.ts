import assert from 'node:assert/strict';
import * as workshopApi from '../../../src/core/analysis/workshop/index';

describe('workshop module public API', () => {
  it('exports exactly the documented functions and values', () => {
    assert.deepEqual(Object.keys(workshopApi).sort(), [
      'CURRENT_CODEBOOK',
      'DEFAULT_PACK_GROUP',
      'DEFAULT_PACK_QUOTES',
      'DEFAULT_PACK_QUOTE_LENGTH',
      'PACK_JSON_VERSION',
      'WORKSHOP_JSON_VERSION',
      'buildPack',
      'defaultPackStep',
      'parseWorkshop',
      'renderPackHtml',
      'renderPackJson',
      'renderPackMarkdown',
      'renderWorkshopCsv',
      'renderWorkshopJson',
      'renderWorkshopMarkdown',
      'stepLineage',
      'tallyWorkshop',
      'workshopChanges',
    ]);
  });
});
