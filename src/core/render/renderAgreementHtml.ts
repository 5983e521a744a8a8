import type { Codebook } from '../model/codebook';
import type { AgreementFigures } from '../analysis/agreement/agreementFigures';
import type { AgreementReport } from '../analysis/agreement/agreementReport';
import { groupDisagreements } from '../analysis/agreement/groupDisagreements';
import { disagreementKey } from '../analysis/agreement/resolveDisagreement';
import { countOf } from './countOf';
import { formatPercent, formatStatistic } from './formatAgreement';
import { REPORT_STYLE, escapeHtml, standaloneHtml } from './renderHtml';

/** Options of {@link renderAgreementHtml}. */
export interface AgreementHtmlOptions {
  /** Lines describing where the codings came from (e.g. compared copies), printed under the title. */
  notes?: string[];
  /** Code names by id, shown beside the ids; default none. */
  codeNames?: Record<string, string>;
  /** How each disagreement was settled, by `disagreementKey`; shown in the list. */
  resolutions?: Record<string, string>;
}

/** Code names by id from a codebook, for {@link AgreementHtmlOptions.codeNames}. */
export function codeNamesOf(codebook: Codebook): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, code] of codebook.codes) names[id] = code.name;
  return names;
}


const EXTRA_STYLE = `
tr.overall th, tr.overall td { font-weight: 600; border-top: 2px solid #888; }
.disagreements h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.disagreements h4 { font-size: .95rem; margin: .5rem 0 .25rem; }
.disagreement { margin: 0 0 .6rem; }
.disagreement blockquote { margin: .2rem 0 0 1rem; padding-left: .6rem; border-left: 3px solid #c9c9c9; white-space: pre-wrap; }
.resolved { color: #2d6a2d; }
`;

function figuresCells(figures: AgreementFigures, coders: readonly string[], fleiss: boolean): string {
  const cells = [
    String(figures.units),
    formatPercent(figures.percentAgreement),
    formatStatistic(figures.kappa),
    formatStatistic(figures.alpha),
    ...(fleiss ? [formatStatistic(figures.fleiss)] : []),
    ...coders.map((coder) => String(figures.coded[coder] ?? 0)),
  ];
  return cells.map((cell) => `<td class="num">${escapeHtml(cell)}</td>`).join('');
}

function codeLabel(code: string, names: Record<string, string>): string {
  const name = names[code];
  return name ? `${escapeHtml(code)} — ${escapeHtml(name)}` : escapeHtml(code);
}

/**
 * Renders a coder comparison as one standalone HTML document (inline style,
 * no script, every text escaped): the unit, the per-code table with the
 * overall row, the per-source breakdown, and the disagreements grouped by
 * source and code. Figures print as in the Markdown report ("—" when undefined).
 */
export function renderAgreementHtml(report: AgreementReport, options: AgreementHtmlOptions = {}): string {
  const { coders } = report;
  const fleiss = coders.length > 2;
  const names = options.codeNames ?? {};
  const title = `Coder comparison: ${coders.join(', ')}`;
  const header = [
    'Code', 'Units', 'Agreement', fleiss ? 'Mean Cohen κ' : "Cohen's κ", "Krippendorff's α",
    ...(fleiss ? ["Fleiss' κ"] : []), ...coders.map((coder) => `Coded by ${coder}`),
  ];
  const head = header.map((label, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(label)}</th>`).join('');
  const rows = Object.entries(report.codes).map(
    ([code, figures]) => `<tr><th scope="row">${codeLabel(code, names)}</th>${figuresCells(figures, coders, fleiss)}</tr>`,
  );
  rows.push(`<tr class="overall"><th scope="row">Overall</th>${figuresCells(report.overall, coders, fleiss)}</tr>`);
  const perSource = report.perSource.map(
    (source) =>
      `<tr><th scope="row">${escapeHtml(source.path)}</th><td class="num">${source.units}</td><td class="num">${formatPercent(source.overall.percentAgreement)}</td>` +
      `<td class="num">${formatStatistic(source.overall.kappa)}</td><td class="num">${formatStatistic(source.overall.alpha)}</td></tr>`,
  );
  const groups = groupDisagreements(report.disagreements, Object.keys(report.codes));
  const list = groups.map((group) => {
    const codes = group.codes.map((entry) => {
      const items = entry.disagreements.map((d) => {
        const resolution = options.resolutions?.[disagreementKey(d)];
        const settled = resolution ? ` <span class="resolved">Resolved: ${escapeHtml(resolution)}</span>` : '';
        return `<li class="disagreement">${d.speaker ? `${escapeHtml(d.speaker)}, ` : ''}${d.start}–${d.end} (${d.units} units): coded by ${escapeHtml(d.coders.join(', '))}; not by ${escapeHtml(d.others.join(', '))}.${settled}<blockquote>${escapeHtml(d.text)}</blockquote></li>`;
      });
      return `<h4>${codeLabel(entry.code, names)}</h4><ol>${items.join('')}</ol>`;
    });
    return `<h3>${escapeHtml(group.path)}</h3>${codes.join('')}`;
  });
  const notes = (options.notes ?? []).map((note) => `<p class="caption">${escapeHtml(note.replace(/`/g, ''))}</p>`).join('\n');
  const unit = `Unit: one Unicode code point of plain text${report.ignoreWhitespace ? ', whitespace excluded' : ''}, in the ${countOf(report.compared.sources, 'source')} every compared coder coded (${countOf(report.compared.codePoints, 'unit')} per code). A code's descendants ${report.rollup ? 'count' : 'do not count'} for it. Overall pools the tables of all codes.`;
  const main = `<h1>${escapeHtml(title)}</h1>
${notes}
<p class="caption">${escapeHtml(unit)}</p>
<table class="agreement">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>Per source</h2>
<table class="per-source">
<thead><tr><th scope="col">Source</th><th scope="col" class="num">Units</th><th scope="col" class="num">Agreement</th><th scope="col" class="num">Cohen's κ</th><th scope="col" class="num">Krippendorff's α</th></tr></thead>
<tbody>
${perSource.join('\n')}
</tbody>
</table>
<section class="disagreements">
<h2>Disagreements to discuss</h2>
${report.disagreements.length === 0 ? '<p>None: the coders coded the same text with the same codes.</p>' : list.join('\n')}
</section>`;
  return standaloneHtml(title, `${REPORT_STYLE}${EXTRA_STYLE}`, main);
}
