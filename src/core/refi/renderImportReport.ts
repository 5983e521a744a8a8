import { escapeControl } from './escapeControl';
import type { ImportReport } from './importReport';

/**
 * The report for people: what was imported, the reading used, then each
 * skipped element with its GUID and reason. Control characters from the
 * package (names, entry names) are escaped, one item per line.
 */
export function renderImportReport(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(`Imported ${report.project ? `"${report.project}"` : 'project'}${report.origin ? ` (from ${report.origin})` : ''}${report.xml ? `, read from ${report.xml}` : ''}.`);
  lines.push(`  ${report.sources.length} transcript${report.sources.length === 1 ? '' : 's'}, ${report.codes} code${report.codes === 1 ? '' : 's'}, coders: ${report.coders.length > 0 ? report.coders.join(', ') : 'none'}`);
  if (report.reading) {
    const reading = report.reading;
    lines.push(`  positions read as ${reading.description}: ${reading.fits} of ${reading.selections} selections fall on the text (${reading.names} named by the text they cover, ${reading.boundaries} ends at word boundaries)`);
  }
  for (const source of report.sources) {
    lines.push(`  ${source.file}: ${source.written} of ${source.selections} selection${source.selections === 1 ? '' : 's'} written${source.name ? ` (${source.name})` : ''}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  if (report.skipped.length > 0) {
    lines.push('', `Not imported (${report.skipped.length}):`);
    for (const item of report.skipped) {
      lines.push(`  ${item.kind}${item.guid ? ` ${item.guid}` : ''}${item.name ? ` "${item.name.length > 60 ? `${item.name.slice(0, 59)}…` : item.name}"` : ''}: ${item.reason}`);
    }
  }
  return lines.map(escapeControl).join('\n') + '\n';
}
