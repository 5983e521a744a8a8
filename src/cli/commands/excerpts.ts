import type { Command } from '../command';
import type { Excerpt } from '../../core/model/excerpt';
import type { Source } from '../../core/model/source';
import { formatOf, workspaceFromArgs } from '../workspaceArgs';
import { UsageError } from '../command';
import { queryExcerpts } from '../../core/index/queryExcerpts';
import { unknownSpeakerMessage } from '../../core/analysis/tables/turnSpans';
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
    'Usage: mdqda excerpts [paths…] [--codebook FILE] [--format md|json|csv] [-o FILE]',
    '                      [--code ID]… [--no-descendants] [--group G]… [--coder NAME]… [--source ID]… [--where ATTR=VALUE]…',
    '                      (--where speaker=NAME: excerpts that start in a turn of NAME)',
    '',
    'Offsets (start, end) are Unicode code points into the plain text, end exclusive; line is 1-based.',
    'A --code also finds its descendants in the codebook unless --no-descendants.',
  ].join('\n'),
  options: {
    code: { type: 'string', multiple: true },
    'no-descendants': { type: 'boolean' },
    group: { type: 'string', multiple: true },
    coder: { type: 'string', multiple: true },
    source: { type: 'string', multiple: true },
    where: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const format = formatOf(args, ['md', 'json', 'csv']);
    const where: Record<string, string> = {};
    for (const condition of (args.values.where as string[] | undefined) ?? []) {
      const equals = condition.indexOf('=');
      if (equals <= 0) throw new UsageError(`--where takes ATTR=VALUE, got '${condition}'`);
      where[condition.slice(0, equals)] = condition.slice(equals + 1);
    }
    const workspace = await workspaceFromArgs(args, io);
    const unknownSpeaker = where.speaker !== undefined ? unknownSpeakerMessage(workspace.sources, [where.speaker]) : null;
    if (unknownSpeaker) throw new UsageError(unknownSpeaker);
    const hits = queryExcerpts(workspace.sources, workspace.codebook, {
      codes: args.values.code as string[] | undefined,
      descendants: args.values['no-descendants'] !== true,
      groups: args.values.group as string[] | undefined,
      coders: args.values.coder as string[] | undefined,
      sources: args.values.source as string[] | undefined,
      where: Object.keys(where).length > 0 ? where : undefined,
    });
    const kept = new Set(hits.map((hit) => hit.excerpt));
    const sources = workspace.sources.map((source) => ({ ...source, excerpts: source.excerpts.filter((excerpt) => kept.has(excerpt)) }));
    const records = sources.flatMap((source) => source.excerpts.map(toExcerptRecord));
    const text = format === 'json' ? JSON.stringify(records, null, 2) + '\n' : format === 'csv' ? renderCsv(records) : renderText(sources);
    await writeOutput(args, io, text);
    return 0;
  },
};
