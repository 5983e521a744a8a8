/// <reference lib="dom" />
/** The Summary page's controls: table, columns and rows pickers, filters and export buttons. */
import { element } from './dom';
import { EVERY_CODE, type ExportFormat, type HostMessage, type SummaryRequest, type WebviewMessage } from './protocol';

/** The message that carries a table and the choices of the controls. */
export type BuildMessage = Extract<HostMessage, { type: 'didBuildTable' }>;

/** A labelled select; `choices` are [value, label] pairs. */
function picker(id: string, label: string, choices: [string, string][], selected: string | undefined): HTMLLabelElement {
  const wrapper = element('label', `${label} `);
  const select = element('select');
  select.id = id;
  for (const [value, text] of choices) {
    const option = element('option', text);
    option.value = value;
    option.selected = value === (selected ?? '');
    select.append(option);
  }
  wrapper.append(select);
  return wrapper;
}

function valueOf(id: string): string | undefined {
  const select = document.getElementById(id) as HTMLSelectElement | null;
  return select && !select.closest('label')?.hidden && select.value !== '' ? select.value : undefined;
}

/** The request the controls describe now (`overrides` replace some of it). */
export function requestFromControls(message: BuildMessage, overrides: Partial<SummaryRequest> = {}): SummaryRequest {
  const table = valueOf('table') ?? message.request.table;
  const takesBy = message.tables.find((choice) => choice.name === table)?.takesBy ?? false;
  const next: SummaryRequest = { table };
  const fields: [keyof SummaryRequest, string | undefined][] = [
    ['by', takesBy ? valueOf('by') : undefined],
    ['coder', valueOf('coder')],
    ['group', valueOf('group')],
    ['where', valueOf('where')],
    ['asOf', valueOf('asOf')],
    ['rows', table === 'cooccurrence' ? valueOf('rows') : undefined],
    ['cols', table === 'cooccurrence' && valueOf('rows') ? valueOf('cols') : undefined],
  ];
  for (const [key, value] of fields) if (value !== undefined) next[key] = value;
  for (const [key, value] of Object.entries(overrides) as [keyof SummaryRequest, string | undefined][]) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

export function renderControls(message: BuildMessage, post: (message: WebviewMessage) => void): HTMLElement {
  const { tables, attributes, request, filters } = message;
  const bar = element('div', undefined, 'controls');
  const takesBy = tables.find((choice) => choice.name === request.table)?.takesBy ?? false;
  const groups = filters.groups.map((group): [string, string] => [group, group]);
  const by = picker('by', 'Columns', [['', 'one per source'], ...attributes.map((name): [string, string] => [name, name])], request.by);
  by.hidden = !takesBy;
  const rows = picker('rows', 'Rows', [['', 'code groups'], ...groups, [EVERY_CODE, 'every code']], request.rows);
  const cols = picker('cols', 'Columns', [['', 'as the rows'], ...groups, [EVERY_CODE, 'every code']], request.cols);
  rows.hidden = request.table !== 'cooccurrence';
  cols.hidden = request.table !== 'cooccurrence' || request.rows === undefined;
  const asOf = picker('asOf', 'As of', [['', 'the current codebook'], ...filters.steps.map((step): [string, string] => [step, step])], request.asOf);
  asOf.hidden = filters.steps.length === 0;
  bar.append(
    picker('table', 'Table', tables.map((choice): [string, string] => [choice.name, choice.label]), request.table),
    by,
    rows,
    cols,
  );
  const filterBar = element('div', undefined, 'controls filters');
  filterBar.append(
    picker('coder', 'Coder', [['', 'every coder'], ...filters.coders.map((coder): [string, string] => [coder, coder])], request.coder),
    picker('group', 'Code group', [['', 'every group'], ...groups], request.group),
    picker('where', 'Sources', [['', 'every source'], ...filters.where.map((pair): [string, string] => [pair, pair.replace('=', ' = ')])], request.where),
    asOf,
  );
  for (const select of [...Array.from(bar.querySelectorAll('select')), ...Array.from(filterBar.querySelectorAll('select'))]) {
    select.addEventListener('change', () => post({ type: 'didChooseTable', request: requestFromControls(message) }));
  }
  const exports = element('span', undefined, 'exports');
  for (const [format, label] of [['md', 'Export Markdown'], ['csv', 'Export CSV'], ['html', 'Export HTML']] as [ExportFormat, string][]) {
    const button = element('button', label);
    button.type = 'button';
    button.dataset.format = format;
    button.addEventListener('click', () => post({ type: 'didClickExport', format }));
    exports.append(button);
  }
  bar.append(exports);
  const wrapper = element('div');
  wrapper.append(bar, filterBar);
  return wrapper;
}
