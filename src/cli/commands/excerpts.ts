import type { Command } from '../command';
import type { Excerpt } from '../../core/model/excerpt';
import type { Source } from '../../core/model/source';
import { formatOf, workspaceFromArgs } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';

/** The JSON shape of an excerpt promised by SPEC §6. */
export interface ExcerptRecord {
  source: string;
  path: string;
  codes: string[];
  coder: string | null;
  memo: string | null;
  exemplar: boolean;
  speaker: string | null;
  headings: string[];
  start: number;
  end: number;
  line: number;
  text: string;
  attributes: Record<string, string>;
  id?: string;
  fragments?: [number, number][];
}

/** An excerpt as its §6 JSON record. */
export function toExcerptRecord(excerpt: Excerpt): ExcerptRecord {
  const record: ExcerptRecord = {
    source: excerpt.sourceId,
    path: excerpt.path,
    codes: excerpt.codes,
    coder: excerpt.coder,
    memo: excerpt.memo,
    exemplar: excerpt.exemplar,
    speaker: excerpt.speaker,
    headings: excerpt.headings,
    start: excerpt.start,
    end: excerpt.end,
    line: excerpt.line,
    text: excerpt.text,
    attributes: excerpt.attributes,
  };
  if (excerpt.id !== null) record.id = excerpt.id;
  if (excerpt.fragments.length > 1) record.fragments = excerpt.fragments.map((fragment) => [fragment.start, fragment.end]);
  return record;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = [...flat];
  return points.length <= limit ? flat : points.slice(0, limit - 1).join('') + '…';
}

function renderText(sources: Source[]): string {
  const lines: string[] = [];
  for (const source of sources) {
    if (source.excerpts.length === 0) continue;
    lines.push(`${source.path} (${source.id})`);
    for (const excerpt of source.excerpts) {
      const who = [excerpt.coder ? `by ${excerpt.coder}` : null, excerpt.speaker ? `speaker ${excerpt.speaker}` : null, excerpt.exemplar ? 'exemplar' : null].filter(Boolean).join(', ');
      lines.push(`  ${String(excerpt.line).padStart(4)}  ${excerpt.codes.join(' ')}  [${excerpt.start}–${excerpt.end}]${who ? `  (${who})` : ''}`);
      lines.push(`        “${shorten(excerpt.text, 100)}”`);
      if (excerpt.memo) lines.push(`        memo: ${shorten(excerpt.memo, 100)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function renderCsv(records: ExcerptRecord[]): string {
  const header = ['source', 'path', 'line', 'start', 'end', 'codes', 'coder', 'speaker', 'exemplar', 'memo', 'headings', 'text'];
  const rows = records.map((record) =>
    [record.source, record.path, String(record.line), String(record.start), String(record.end), record.codes.join(' '), record.coder ?? '', record.speaker ?? '', record.exemplar ? 'true' : 'false', record.memo ?? '', record.headings.join(' > '), record.text].map(csvField).join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

export const excerptsCommand: Command = {
  name: 'excerpts',
  summary: 'list every coded excerpt',
  usage: [
    'Usage: mdqda excerpts [paths…] [--codebook FILE] [--format md|json|csv] [--code ID] [--coder NAME] [-o FILE]',
    '',
    'Offsets (start, end) are Unicode code points into the plain text, end exclusive; line is 1-based.',
  ].join('\n'),
  options: { code: { type: 'string', multiple: true }, coder: { type: 'string', multiple: true } },
  async run(args, io) {
    const format = formatOf(args, ['md', 'json', 'csv']);
    const workspace = await workspaceFromArgs(args, io);
    const codes = args.values.code as string[] | undefined;
    const coders = args.values.coder as string[] | undefined;
    const keep = (excerpt: Excerpt) =>
      (!codes || excerpt.codes.some((code) => codes.includes(code))) && (!coders || (excerpt.coder !== null && coders.includes(excerpt.coder)));
    const sources = workspace.sources.map((source) => ({ ...source, excerpts: source.excerpts.filter(keep) }));
    const records = sources.flatMap((source) => source.excerpts.map(toExcerptRecord));
    const text = format === 'json' ? JSON.stringify(records, null, 2) + '\n' : format === 'csv' ? renderCsv(records) : renderText(sources);
    await writeOutput(args, io, text);
    return 0;
  },
};
