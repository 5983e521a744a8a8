import { strict as assert } from 'node:assert';
import { cohenKappa } from '../../../src/core/analysis/agreement/cohenKappa';
import { fleissKappa } from '../../../src/core/analysis/agreement/fleissKappa';
import { krippendorffAlpha } from '../../../src/core/analysis/agreement/krippendorffAlpha';
import { percentAgreement } from '../../../src/core/analysis/agreement/percentAgreement';

function to3(value: number | null): string {
  assert.notEqual(value, null, 'statistic should be defined');
  return (value as number).toFixed(3);
}

/** Turns rows of category labels (one row per unit, one column per coder) into Fleiss count rows. */
function countsPerUnit(rows: number[][], categories: number[]): number[][] {
  return rows.map((row) => categories.map((category) => row.filter((value) => value === category).length));
}

describe('agreement statistics against published worked examples', () => {
  describe("Krippendorff's alpha (nominal)", () => {
    it('gives 0.095 for the binary two-observer example of Krippendorff (2011), "Computing Krippendorff\'s Alpha-Reliability", section A', () => {
      const data = [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
      ];
      assert.equal(to3(krippendorffAlpha(data).value), '0.095');
    });

    it('gives 0.692 for the nominal two-observer example of Krippendorff (2011), section B', () => {
      const data = ['aabbdcccedda'.split(''), 'babbbccceddd'.split('')];
      assert.equal(to3(krippendorffAlpha(data).value), '0.692');
    });

    it('gives 0.743 for the four-observer example with missing data of Krippendorff (2011), section C', () => {
      const data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
      ];
      assert.equal(to3(krippendorffAlpha(data).value), '0.743');
    });

    it("gives 0.691 for the three-coder example with missing data of Wikipedia's \"Krippendorff's alpha\" article", () => {
      const row = (text: string) => text.split(/\s+/).map((value) => (value === '*' ? null : Number(value)));
      const data = [
        row('* * * * * 3 4 1 2 1 1 3 3 * 3'),
        row('1 * 2 1 3 3 4 3 * * * * * * *'),
        row('* * 2 1 3 4 4 * 2 1 1 3 3 * 4'),
      ];
      assert.equal(to3(krippendorffAlpha(data).value), '0.691');
    });
  });

  describe("Cohen's kappa", () => {
    it("gives po 0.700 and kappa 0.400 for the 50 grant proposals of Wikipedia's \"Cohen's kappa\" simple example", () => {
      const table = [
        [20, 5],
        [10, 15],
      ];
      assert.equal(to3(percentAgreement(table).value), '0.700');
      assert.equal(to3(cohenKappa(table).value), '0.400');
    });

    it('gives 0.492 for the three-category example of Cohen (1960), Table 1 (po .70, pc .41)', () => {
      // Cohen's table is in proportions of 200 subjects.
      const table = [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ];
      assert.equal(to3(percentAgreement(table).value), '0.700');
      assert.equal(to3(cohenKappa(table).value), '0.492');
    });

    it('gives 0.484 for the 3×3 example of the SAS PROC FREQ documentation (simple kappa 0.4842)', () => {
      const table = [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ];
      assert.equal(to3(cohenKappa(table).value), '0.484');
    });
  });

  describe("Fleiss' kappa", () => {
    it('gives 0.430 for the 30 patients and 6 psychiatrists of Fleiss (1971), Table 1 (as in R irr::diagnoses)', () => {
      const diagnoses = [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
      ];
      const counts = countsPerUnit(diagnoses, [1, 2, 3, 4, 5]);
      // Fleiss reports the category totals 26, 26, 30, 55, 43.
      assert.deepEqual([0, 1, 2, 3, 4].map((j) => counts.reduce((sum, row) => sum + row[j]!, 0)), [26, 26, 30, 55, 43]);
      assert.equal(to3(fleissKappa(counts).value), '0.430');
    });

    it("gives 0.210 for the 10 subjects and 14 raters of Wikipedia's \"Fleiss' kappa\" worked example", () => {
      const counts = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
      ];
      assert.equal(to3(fleissKappa(counts).value), '0.210');
    });

    it('gives the same value when identical units are merged into one weighted row', () => {
      const rows = [[4, 0], [4, 0], [0, 4], [3, 1], [3, 1], [3, 1]];
      const merged = fleissKappa([[4, 0], [0, 4], [3, 1]], [2, 1, 3]);
      const direct = fleissKappa(rows);
      assert.ok(direct.value !== null && Math.abs(direct.value) > 0.1);
      assert.ok(Math.abs(merged.value! - direct.value) < 1e-12);
    });
  });
});
