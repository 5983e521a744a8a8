import { strict as assert } from 'node:assert';
import path from 'node:path';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import { disagreementKey } from '../../../src/core/analysis/agreement/resolveDisagreement';
import { renderAgreementHtml } from '../../../src/core/render/renderAgreementHtml';
import { runCliInProcess } from '../cli/runCliInProcess';
import { makeSource } from './makeSource';

describe('agreement report as HTML', () => {
  const outcome = computeAgreement([
    makeSource({
      id: 's',
      text: 'a <b> & "c" d',
      codings: [
        { coder: 'pg', codes: ['T1'], fragments: [[0, 9]] },
        { coder: 'rk', codes: ['T1'], fragments: [[0, 5]] },
      ],
    }),
  ]);
  if (!outcome.ok) throw new Error(outcome.message);
  const report = outcome.report;

  it('is one standalone document: no script, the table, per source and the disagreements with the text escaped', () => {
    const html = renderAgreementHtml(report, { codeNames: { T1: 'Tension <one>' } });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes("default-src 'none'"));
    assert.ok(html.includes('T1 — Tension &lt;one&gt;'));
    assert.ok(html.includes('<tr class="overall"><th scope="row">Overall</th>'));
    assert.ok(html.includes('<h3>s.md</h3>'));
    assert.ok(html.includes('<blockquote> &amp; &quot;</blockquote>'), 'the disputed text, escaped');
    assert.ok(!html.includes('<b>'));
  });

  it('prints the figures as the Markdown report does', () => {
    const html = renderAgreementHtml(report);
    const kappa = report.codes.T1!.kappa;
    const agreement = report.codes.T1!.percentAgreement;
    assert.ok(html.includes(`<td class="num">${((agreement ?? 0) * 100).toFixed(1)}%</td>`));
    assert.ok(html.includes(kappa === null ? '—' : `<td class="num">${kappa.toFixed(3)}</td>`));
  });

  it('marks settled disagreements with their resolution', () => {
    const key = disagreementKey(report.disagreements[0]!);
    const html = renderAgreementHtml(report, { resolutions: { [key]: 'consensus: T1' } });
    assert.ok(html.includes('<span class="resolved">Resolved: consensus: T1</span>'));
  });

  it('is what mdqda agreement --format html prints', async () => {
    const study = path.join(__dirname, '..', '..', '..', 'examples', 'coproduction-study');
    const result = await runCliInProcess(['agreement', '--format', 'html', '--no-cache'], study);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^<!DOCTYPE html>/);
    assert.match(result.stdout, /<h1>Coder comparison: pg, rk<\/h1>/);
    assert.match(result.stdout, /<h2>Disagreements to discuss<\/h2>/);
  });
});
