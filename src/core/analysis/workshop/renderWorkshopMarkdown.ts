import { escapeMarkdownCell } from '../../render/renderMarkdown';
import type { CodebookChange } from './workshopChanges';
import type { WorkshopTally } from './tallyWorkshop';

function list(ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.join(', ');
}

function cell(text: string): string {
  return escapeMarkdownCell(text);
}

/** One line describing a codebook change: `merge: A, B → C (date). Note`. */
export function describeChange(change: CodebookChange): string {
  const from = change.fromLabels.join(', ');
  const to = change.toLabels.join(', ');
  const arrow = from !== '' && to !== '' ? `${from} → ${to}` : from !== '' ? from : to;
  const date = change.date ? ` (${change.date})` : '';
  const note = change.note ? `. ${change.note}` : '';
  return `${change.action}: ${arrow}${date}${note}`;
}

/**
 * Renders a workshop tally as GitHub-flavoured Markdown: a heading with the
 * title, step and date; the candidates in rank order with votes, inner,
 * outer and unplaced counts and who placed them; each participant with the
 * cards they left unplaced; the codebook changes recorded for the step; the
 * rules. All text from the file is escaped. Ends with a newline.
 */
export function renderWorkshopMarkdown(tally: WorkshopTally): string {
  const lines: string[] = [];
  const about = [tally.step, tally.date].filter((part): part is string => part !== null).join(', ');
  lines.push(`# ${cell(tally.title ?? 'Workshop results')}${about ? ` (${cell(about)})` : ''}`, '');
  const from = tally.candidatesFrom ? ` from the codebook as it stood after ${cell(tally.candidatesFrom)}` : '';
  const people = tally.participants.length;
  const cards = tally.candidates.length;
  lines.push(`${people} participant${people === 1 ? '' : 's'}, ${cards} candidate card${cards === 1 ? '' : 's'}${from}.`, '');
  lines.push('## Candidates', '');
  lines.push('| Rank | Candidate | Votes | Inner | Outer | Unplaced | Voted by | Inner circle | Outer circle | Not placed by |');
  lines.push('|---:|---|---:|---:|---:|---:|---|---|---|---|');
  for (const row of tally.candidates) {
    const label = row.name === row.id ? row.id : `${row.id} ${row.name}`;
    lines.push(
      `| ${row.rank} | ${cell(label)}${row.known ? '' : ' (unknown)'} | ${row.votes} | ${row.inner} | ${row.outer} | ${row.unplaced} | ${cell(list(row.voters))} | ${cell(list(row.innerBy))} | ${cell(list(row.outerBy))} | ${cell(list(row.unplacedBy))} |`,
    );
  }
  lines.push('', '## Participants', '');
  lines.push('| Participant | Votes | Inner circle | Outer circle | Not placed | Notes |');
  lines.push('|---|---|---|---|---|---|');
  for (const p of tally.participants) {
    const who = p.name ? `${p.id} (${p.name})` : p.id;
    lines.push(`| ${cell(who)} | ${cell(list(p.votes))} | ${cell(list(p.inner))} | ${cell(list(p.outer))} | ${cell(list(p.unplaced))} | ${cell(p.notes ?? '')} |`);
  }
  lines.push('', `## Codebook changes${tally.step ? ` recorded for ${cell(tally.step)}` : ''}`, '');
  if (tally.changes.length === 0) lines.push('None recorded in the codebook history.');
  for (const change of tally.changes) lines.push(`- ${cell(describeChange(change))}`);
  if (tally.notes) lines.push('', `Notes: ${cell(tally.notes)}`);
  lines.push('', `*Note.* ${tally.rules.map(cell).join(' ')}`);
  return lines.join('\n') + '\n';
}
