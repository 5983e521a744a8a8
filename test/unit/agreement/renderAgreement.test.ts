import { strict as assert } from 'node:assert';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import { renderAgreementCsv, renderDisagreementsCsv } from '../../../src/core/analysis/agreement/renderAgreementCsv';
import { renderAgreementMarkdown } from '../../../src/core/analysis/agreement/renderAgreementMarkdown';
import { makeSource } from './makeSource';

function reportOf(text: string, codings: Parameters<typeof makeSource>[0]['codings']): AgreementReport {
  const outcome = computeAgreement([makeSource({ id: 's', text, codings })]);
  if (!outcome.ok) assert.fail(outcome.message);
  return outcome.report;
}

describe('agreement renderers', () => {
  const everyUnit = reportOf('abc', [
    { coder: 'a', codes: ['T1'], fragments: [[0, 3]] },
    { coder: 'b', codes: ['T1'], fragments: [[0, 3]] },
  ]);

  it('shows an undefined statistic as a dash in Markdown with its reason under the table', () => {
    const markdown = renderAgreementMarkdown(everyUnit);
    assert.match(markdown, /^\| T1 \| 3 \| 100\.0% \| — \| — \| 3 \| 3 \|$/m);
    assert.match(markdown, /^- T1, kappa: undefined \(no variation/m);
  });

  it('leaves an undefined statistic empty in CSV and gives its reason', () => {
    const rows = renderAgreementCsv(everyUnit).split('\r\n');
    assert.equal(rows[0], 'scope,source,code,units,percentAgreement,kappa,alpha,fleiss,coded:a,coded:b,reasons');
    const cells = rows[1]!.split(',');
    assert.deepEqual(cells.slice(0, 8), ['code', '', 'T1', '3', '1', '', '', '']);
    assert.match(rows[1]!, /kappa: no variation/);
  });

  it('quotes disagreement text with commas, quotes and line breaks in CSV', () => {
    const report = reportOf('he said "no, never"\nthen left', [
      { coder: 'a', codes: ['T1'], fragments: [[0, 24]] },
      { coder: 'b', codes: ['T2'], fragments: [[0, 2]] },
    ]);
    const csv = renderDisagreementsCsv(report);
    assert.ok(csv.includes('"he said ""no, never""\nthen"'));
  });

  it('keeps every line of a multi-line disagreement inside its Markdown quote', () => {
    const report = reportOf('first | line\nsecond line', [
      { coder: 'a', codes: ['T1'], fragments: [[0, 24]] },
      { coder: 'b', codes: ['T2'], fragments: [[0, 2]] },
    ]);
    const markdown = renderAgreementMarkdown(report, { disagreementsOnly: true });
    assert.match(markdown, /^ {3}> first \| line$/m);
    assert.match(markdown, /^ {3}> second line$/m);
  });
});
