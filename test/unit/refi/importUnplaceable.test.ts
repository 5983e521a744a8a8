import { strict as assert } from 'node:assert';
import { importProject } from '../../../src/core/refi/importProject';
import { generateProject } from './generatedProject';

// The speed of this import (refused selections cost no extra parse) is a figure of `npm run bench`
// ("REFI-QDA import, 100 KB text, 300 selections, 21 unplaceable", target ≤ 2× the all-placeable
// import), not a timed unit test: timings on a shared machine would make this test flaky.
describe('REFI-QDA import of a project where some selections cannot carry a coding', function () {
  this.timeout(120_000);
  it('writes every placeable selection and reports each unplaceable one by its GUID', () => {
    const refusing = generateProject({ size: 25_000, unplaceable: 0.07 });
    const result = importProject(refusing.bytes);
    assert.equal(result.ok, true);
    const placeable = refusing.selections.filter((selection) => selection.placeable);
    assert.ok(placeable.length < refusing.selections.length, 'the generated project has unplaceable selections');
    assert.equal(result.report.sources[0].written, placeable.length);
    const reported = new Set(result.report.skipped.map((item) => item.guid));
    for (const selection of refusing.selections) if (!selection.placeable) assert.ok(reported.has(selection.guid), selection.guid);
  });
});
