import type { AgreementFigures } from './agreementFigures';
import type { AgreementReport } from './agreementReport';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(values: (string | number | null)[]): string {
  return values.map(field).join(',') + '\r\n';
}

/**
 * Renders the figures of a coder comparison as CSV (RFC 4180, CRLF): one row
 * per code, then `overall`, then one row per source and code (`scope`
 * column: `code`, `overall`, `source`, `source-overall`). Undefined
 * statistics are empty cells; their reasons are in the `reasons` column.
 */
export function renderAgreementCsv(report: AgreementReport): string {
  const coders = report.coders;
  let text = line([
    'scope', 'source', 'code', 'units', 'percentAgreement', 'kappa', 'alpha', 'fleiss',
    ...coders.map((coder) => `coded:${coder}`), 'reasons',
  ]);
  const row = (scope: string, source: string, code: string, figures: AgreementFigures) =>
    line([
      scope, source, code, figures.units, figures.percentAgreement, figures.kappa, figures.alpha,
      coders.length > 2 ? figures.fleiss : null,
      ...coders.map((coder) => figures.coded[coder] ?? 0),
      Object.entries(figures.reasons)
        .filter(([name]) => coders.length > 2 || name !== 'fleiss')
        .map(([name, reason]) => `${name}: ${reason}`)
        .join('; '),
    ]);
  for (const [code, figures] of Object.entries(report.codes)) text += row('code', '', code, figures);
  text += row('overall', '', '', report.overall);
  for (const source of report.perSource) {
    for (const [code, figures] of Object.entries(source.codes)) text += row('source', source.source, code, figures);
    text += row('source-overall', source.source, '', source.overall);
  }
  return text;
}

/**
 * Renders the disagreements of a coder comparison as CSV (RFC 4180, CRLF):
 * source, path, start, end, units, code, coders, others, speaker, text.
 */
export function renderDisagreementsCsv(report: AgreementReport): string {
  let text = line(['source', 'path', 'start', 'end', 'units', 'code', 'coders', 'others', 'speaker', 'text']);
  for (const d of report.disagreements) {
    text += line([d.source, d.path, d.start, d.end, d.units, d.code, d.coders.join(' '), d.others.join(' '), d.speaker, d.text]);
  }
  return text;
}
