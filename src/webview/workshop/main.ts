/// <reference lib="dom" />
/**
 * Script of the Workshop panel (runs in the webview, bundled to media/webview/workshop.js). It
 * shows the tally of a workshop file the host posts: the candidates in rank order with votes,
 * inner and outer circle placements (bars drawn through the CSSOM, who placed a card on hover),
 * each participant's choices, and the decisions (the codebook changes recorded for the step).
 * Text by `textContent` only.
 */
import { describeChange } from '../../core/analysis/workshop/renderWorkshopMarkdown';
import type { WorkshopTally } from '../../core/analysis/workshop/tallyWorkshop';
import { button, element, showStatus } from '../dom';
import { vscodeApi } from '../vscodeApi';
import type { WorkshopHostMessage, WorkshopPageState, WorkshopWebviewMessage } from './protocol';

const vscode = vscodeApi<WorkshopWebviewMessage>();
const post = (message: WorkshopWebviewMessage): void => vscode.postMessage(message);

function list(ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.join(', ');
}

function table(headers: string[], numeric: number[]): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const node = element('table');
  const head = element('tr');
  headers.forEach((header, index) => {
    const th = element('th', header, numeric.includes(index) ? 'num' : undefined);
    th.scope = 'col';
    head.append(th);
  });
  const thead = element('thead');
  thead.append(head);
  const body = element('tbody');
  node.append(thead, body);
  return { table: node, body };
}

/** A count cell with a bar as long as its share of the participants, and who on hover. */
function countCell(count: number, of: number, who: readonly string[], kind: string): HTMLTableCellElement {
  const td = element('td', undefined, `num ${kind}`);
  const bar = element('span', undefined, 'bar');
  bar.style.width = `${of > 0 ? Math.round((count / of) * 100) : 0}%`;
  td.append(bar, element('span', String(count), 'value'));
  td.title = who.length > 0 ? who.join(', ') : 'nobody';
  return td;
}

function renderTally(tally: WorkshopTally): HTMLElement[] {
  const people = tally.participants.length;
  const header = element('header');
  const about = [tally.step, tally.date].filter((part): part is string => part !== null).join(', ');
  header.append(element('h1', `${tally.title ?? 'Workshop results'}${about ? ` (${about})` : ''}`));
  const from = tally.candidatesFrom ? ` from the codebook as it stood after ${tally.candidatesFrom}` : '';
  header.append(element('p', `${people} participant${people === 1 ? '' : 's'}, ${tally.candidates.length} candidate card${tally.candidates.length === 1 ? '' : 's'}${from}.`, 'caption'));

  const candidates = element('section');
  candidates.append(element('h2', 'Candidates'));
  const ranking = table(['Rank', 'Candidate', 'Votes', 'Inner circle', 'Outer circle', 'Unplaced'], [0, 2, 3, 4, 5]);
  ranking.table.id = 'candidates';
  for (const row of tally.candidates) {
    const tr = element('tr');
    tr.dataset.code = row.id;
    const name = element('th');
    name.scope = 'row';
    name.append(element('span', row.id, 'id'), document.createTextNode(row.name === row.id ? '' : ` ${row.name}`));
    if (!row.known) name.append(element('span', 'unknown', 'flag'));
    tr.append(element('td', String(row.rank), 'num rank'), name,
      countCell(row.votes, people, row.voters, 'votes'),
      countCell(row.inner, people, row.innerBy, 'inner'),
      countCell(row.outer, people, row.outerBy, 'outer'),
      countCell(row.unplaced, people, row.unplacedBy, 'unplaced'));
    ranking.body.append(tr);
  }
  candidates.append(ranking.table);

  const participants = element('section');
  participants.append(element('h2', 'Participants'));
  const grid = table(['Participant', 'Votes', 'Inner circle', 'Outer circle', 'Not placed', 'Notes'], []);
  grid.table.id = 'participants';
  for (const p of tally.participants) {
    const tr = element('tr');
    const who = element('th', p.id);
    who.scope = 'row';
    if (p.name) who.append(element('span', p.name, 'name'));
    tr.append(who, element('td', list(p.votes)), element('td', list(p.inner)), element('td', list(p.outer)), element('td', list(p.unplaced)), element('td', p.notes ?? ''));
    grid.body.append(tr);
  }
  participants.append(grid.table);

  const decisions = element('section');
  decisions.id = 'decisions';
  decisions.append(element('h2', `Decisions: codebook changes${tally.step ? ` recorded for ${tally.step}` : ''}`));
  if (tally.changes.length === 0) decisions.append(element('p', 'None recorded in the codebook history.'));
  else {
    const changes = element('ul');
    for (const change of tally.changes) changes.append(element('li', describeChange(change)));
    decisions.append(changes);
  }
  if (tally.notes) decisions.append(element('p', tally.notes, 'notes'));
  const rules = element('p', tally.rules.join(' '), 'rules');
  return [header, candidates, participants, decisions, rules];
}

function show(message: Extract<WorkshopHostMessage, { type: 'didTally' }>): void {
  vscode.setState({ uri: message.uri } satisfies WorkshopPageState); // the file the host shows again after a window reload
  const root = document.getElementById('root');
  if (!root) return;
  const bar = element('div', undefined, 'controls');
  bar.append(
    element('span', message.file, 'file'),
    button('Edit File', 'open', () => post({ type: 'didClickOpenFile' })),
    button('Export Markdown', 'export-md', () => post({ type: 'didClickExport', format: 'md' })),
    button('Export CSV', 'export-csv', () => post({ type: 'didClickExport', format: 'csv' })),
  );
  root.replaceChildren(bar);
  if (message.problems.length > 0) {
    const problems = element('ul', undefined, 'problems');
    for (const problem of message.problems) problems.append(element('li', problem, / error: /.test(problem) ? 'error' : 'warning'));
    root.append(problems);
  }
  if (message.tally) root.append(...renderTally(message.tally));
  else root.append(element('p', 'The file has errors (see the Problems panel); the tally shows once they are fixed.', 'empty'));
  const tally = message.tally;
  post({
    type: 'didRender',
    candidates: (tally?.candidates ?? []).map(({ id, rank, votes, inner, outer, unplaced }) => ({ id, rank, votes, inner, outer, unplaced })),
    participants: tally?.participants.length ?? 0,
    changes: tally?.changes.length ?? 0,
    problems: message.problems.length,
  });
}

/** Says how to show a tally when the host has no workshop file. */
function showNoFile(): void {
  document.getElementById('root')?.replaceChildren(element('p', 'No workshop file to tally: open one and click Show Workshop Tally in its editor\'s title bar.', 'empty'));
  post({ type: 'didRender', candidates: [], participants: 0, changes: 0, problems: 0 });
}

window.addEventListener('message', (event: MessageEvent<WorkshopHostMessage>) => {
  const message = event.data;
  if (message.type === 'didTally') show(message);
  else if (message.type === 'didFindNoFile') showNoFile();
  else if (message.type === 'didExport') showStatus(`Exported ${message.format.toUpperCase()} to ${message.path}`);
});

post({ type: 'didLoad' });
