import type { AgreementFigures } from './agreementFigures';
import type { AgreementReport, Disagreement } from './agreementReport';
import { formatPercent, formatStatistic } from '../../render/formatAgreement';

/** Options of {@link renderAgreementMarkdown}. */
export interface AgreementMarkdownOptions {
  /** Print only the disagreements list; default false. */
  disagreementsOnly?: boolean;
  /** Lines describing where the codings came from (e.g. compared copies), printed under the title. */
  notes?: string[];
}

const number = formatStatistic;
const percent = formatPercent;

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

function figuresRow(label: string, figures: AgreementFigures, coders: readonly string[], fleiss: boolean): string {
  const cells = [
    label,
    String(figures.units),
    percent(figures.percentAgreement),
    number(figures.kappa),
    number(figures.alpha),
    ...(fleiss ? [number(figures.fleiss)] : []),
    ...coders.map((coder) => String(figures.coded[coder] ?? 0)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function reasonsOf(label: string, figures: AgreementFigures, fleiss: boolean): string[] {
  return Object.entries(figures.reasons)
    .filter(([name]) => fleiss || name !== 'fleiss')
    .map(([name, reason]) => `- ${label}, ${name}: undefined (${reason}).`);
}

function quote(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

function disagreementBlock(disagreement: Disagreement, index: number): string {
  const speaker = disagreement.speaker ? `, ${disagreement.speaker}` : '';
  return [
    `${index + 1}. **${disagreement.code}** in \`${disagreement.path}\`${speaker} (${disagreement.start}–${disagreement.end}, ${plural(disagreement.units, 'unit')}): coded by ${disagreement.coders.join(', ')}; not by ${disagreement.others.join(', ')}`,
    '',
    quote(disagreement.text)
      .split('\n')
      .map((line) => `   ${line}`)
      .join('\n'),
  ].join('\n');
}

function disagreementsSection(report: AgreementReport): string[] {
  const lines = ['## Disagreements to discuss', ''];
  if (report.disagreements.length === 0) {
    lines.push('None: the coders coded the same text with the same codes.', '');
    return lines;
  }
  lines.push(
    `${plural(report.disagreements.length, 'stretch', 'stretches')} coded with a code by some coders and not by others, longest first.`,
    '',
  );
  report.disagreements.forEach((disagreement, index) => lines.push(disagreementBlock(disagreement, index), ''));
  return lines;
}

/**
 * Renders a coder comparison as Markdown for the joint-analysis meeting: the
 * definition of the unit, a table per code with the overall row, pairwise
 * kappas for more than two coders, the per-source breakdown, then the
 * disagreements list. Undefined statistics show as "—" with their reasons.
 */
export function renderAgreementMarkdown(report: AgreementReport, options: AgreementMarkdownOptions = {}): string {
  if (options.disagreementsOnly) return disagreementsSection(report).join('\n');
  const { coders } = report;
  const fleiss = coders.length > 2;
  const lines: string[] = [`# Coder comparison: ${coders.join(', ')}`, ''];
  for (const note of options.notes ?? []) lines.push(note, '');
  lines.push(
    `Unit: one Unicode code point of plain text${report.ignoreWhitespace ? ', whitespace excluded' : ''}, in the ${plural(report.compared.sources, 'source')} every compared coder coded (${plural(report.compared.codePoints, 'unit')} per code). ` +
      `A code's descendants ${report.rollup ? 'count' : 'do not count'} for it. Overall pools the tables of all codes.`,
    '',
  );
  if (report.compared.skipped.length > 0) {
    lines.push(
      `Not compared (not coded by every coder): ${report.compared.skipped
        .map((skipped) => `\`${skipped.path}\` (no ${skipped.missing.join(', ')})`)
        .join(', ')}.`,
      '',
    );
  }
  if (report.unattributedExcerpts > 0) {
    lines.push(`${report.unattributedExcerpts} excerpts without a coder (no \`by=\`) were not compared.`, '');
  }
  const header = [
    'Code',
    'Units',
    'Agreement',
    coders.length > 2 ? 'Mean Cohen κ' : "Cohen's κ",
    "Krippendorff's α",
    ...(fleiss ? ["Fleiss' κ"] : []),
    ...coders.map((coder) => `Coded by ${coder}`),
  ];
  lines.push(`| ${header.map(cell).join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  const reasons: string[] = [];
  for (const [code, figures] of Object.entries(report.codes)) {
    lines.push(figuresRow(cell(code), figures, coders, fleiss));
    reasons.push(...reasonsOf(code, figures, fleiss));
  }
  lines.push(figuresRow('**Overall**', report.overall, coders, fleiss), '');
  reasons.push(...reasonsOf('Overall', report.overall, fleiss));
  if (reasons.length > 0) lines.push(...reasons, '');

  if (coders.length > 2) {
    const pairs = report.overall.pairwise.map((pair) => pair.coders.join(' – '));
    lines.push("### Cohen's κ for each pair of coders", '', `| Code | ${pairs.map(cell).join(' | ')} |`);
    lines.push(`| --- |${pairs.map(() => ' ---: ').join('|')}|`);
    const rows: [string, AgreementFigures][] = [...Object.entries(report.codes), ['**Overall**', report.overall]];
    for (const [code, figures] of rows) {
      lines.push(`| ${cell(code)} | ${figures.pairwise.map((pair) => number(pair.kappa)).join(' | ')} |`);
    }
    lines.push('');
  }

  if (report.perSource.length > 0) {
    lines.push('## Per source', '', "| Source | Units | Agreement | Cohen's κ | Krippendorff's α |", '| --- | ---: | ---: | ---: | ---: |');
    for (const source of report.perSource) {
      const overall = source.overall;
      lines.push(
        `| ${cell(source.path)} | ${source.units} | ${percent(overall.percentAgreement)} | ${number(overall.kappa)} | ${number(overall.alpha)} |`,
      );
    }
    lines.push('');
  }
  lines.push(...disagreementsSection(report));
  return lines.join('\n');
}
