import { strict as assert } from 'node:assert';
import { importProject } from '../../../src/core/refi/importProject';
import { generateProject } from './generatedProject';

function timeImport(bytes: Uint8Array): number {
  const started = performance.now();
  const result = importProject(bytes);
  const time = performance.now() - started;
  assert.equal(result.ok, true);
  return time;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

describe('REFI-QDA import speed', function () {
  this.timeout(300_000);
  it('imports a project where 7% of the selections cannot be written within twice the time of one where all can', () => {
    const placeable = generateProject({ size: 25_000, unplaceable: 0 });
    const refusing = generateProject({ size: 25_000, unplaceable: 0.07 });
    const refused = importProject(refusing.bytes);
    assert.equal(refused.report.sources[0].written, refusing.selections.filter((selection) => selection.placeable).length);
    timeImport(placeable.bytes);
    const times = { placeable: [] as number[], refusing: [] as number[] };
    for (let round = 0; round < 3; round++) {
      times.placeable.push(timeImport(placeable.bytes));
      times.refusing.push(timeImport(refusing.bytes));
    }
    const ratio = median(times.refusing) / median(times.placeable);
    assert.ok(ratio <= 2, `${median(times.refusing).toFixed(0)} ms against ${median(times.placeable).toFixed(0)} ms: ${ratio.toFixed(2)}×`);
  });
});
