import { Document } from 'yaml';
import { speakerAt } from '../syntax/speakerTurns';
import { escapeTranscriptText, escapeTurnLabel, normaliseSpace } from './escapeTranscriptText';
import { formatTimestamp } from './timestamps';
import type { Inline, IngestedTranscript, TurnParagraph } from './transcriptModel';

/** Front matter and layout choices of `renderTranscriptMarkdown`. */
export interface RenderTranscriptOptions {
  /** Source id (front matter `id`). */
  id: string;
  /** Title when the file gives none. */
  title: string;
  /** Source type (default `interview`). */
  type?: string;
  /** The file name imported, written as `imported-from`. */
  importedFrom: string;
  /** Whether each turn starts with its first timestamp as `[hh:mm:ss]` (default true). */
  timestamps?: boolean;
}

/** Whether `char` (one UTF-16 unit or none) is white space or the edge of the text. */
function isSpaceOrEdge(char: string | undefined): boolean {
  return char === undefined || /\s/u.test(char);
}

/** Runs with equal emphasis joined (white space alone joins any run), white space normalised across runs. */
function mergeRuns(inlines: Inline[]): Inline[] {
  // Pieces are gathered first and joined once: a turn of many cues has thousands of runs.
  const groups: { pieces: string[]; bold: boolean; italic: boolean }[] = [];
  for (const inline of inlines) {
    if (inline.text.length === 0) continue;
    const last = groups[groups.length - 1];
    const plain = !/\S/u.test(inline.text);
    if (last && (plain || (last.bold === !!inline.bold && last.italic === !!inline.italic))) last.pieces.push(inline.text);
    else groups.push({ pieces: [inline.text], bold: !!inline.bold, italic: !!inline.italic });
  }
  const merged: Inline[] = groups.map((group) => ({ text: normaliseSpace(group.pieces.join(''), false), ...(group.bold ? { bold: true } : {}), ...(group.italic ? { italic: true } : {}) }));
  // One space between runs, not one on each side.
  for (let index = 1; index < merged.length; index++) {
    if (merged[index - 1].text.endsWith(' ') && merged[index].text.startsWith(' ')) merged[index].text = merged[index].text.slice(1);
  }
  if (merged.length > 0) {
    merged[0].text = merged[0].text.trimStart();
    merged[merged.length - 1].text = merged[merged.length - 1].text.trimEnd();
  }
  return merged.filter((inline) => inline.text.length > 0);
}

/**
 * The Markdown of one paragraph's runs. Bold and italic runs become `**…**`
 * and `*…*` when they stand between white space (or the paragraph's edges),
 * where every Markdown reads them the same; elsewhere (inside a word, say)
 * the emphasis is left out rather than risk stray asterisks.
 */
export function renderInlines(inlines: Inline[], lineStart: boolean): string {
  const runs = mergeRuns(inlines);
  let out = '';
  for (const [index, run] of runs.entries()) {
    const marker = (run.bold ? '**' : '') + (run.italic ? '*' : '');
    const leading = run.text.slice(0, run.text.length - run.text.trimStart().length);
    const trailing = run.text.slice(run.text.trimEnd().length);
    const core = run.text.slice(leading.length, run.text.length - trailing.length);
    const atStart = lineStart && out.length === 0 && leading.length === 0;
    const escaped = escapeTranscriptText(core, atStart && marker.length === 0);
    const before = leading.length > 0 ? leading : out.length === 0 ? undefined : out[out.length - 1];
    const after = trailing.length > 0 ? trailing[0] : runs[index + 1]?.text[0];
    const fits = marker.length > 0 && core.length > 0 && isSpaceOrEdge(before) && isSpaceOrEdge(after);
    out += leading + (fits ? marker + escaped + [...marker].reverse().join('') : escaped) + trailing;
  }
  return out;
}

/**
 * A paragraph that is no turn. If its emphasis would make a label of its
 * start (`*Remember:* …` reads as a turn of "Remember"), it is written
 * without emphasis, and a bare `Name:` at its start gets its colon escaped.
 */
function renderParagraph(paragraph: TurnParagraph): string {
  let body = renderInlines(paragraph.inlines, true);
  if (speakerAt(body) !== null) body = renderInlines(paragraph.inlines.map((inline) => ({ text: inline.text })), true);
  const text = escapeTurnLabel(body);
  if (!paragraph.list) return text;
  const indent = ' '.repeat(paragraph.list.depth * (paragraph.list.ordered ? 3 : 2));
  return `${indent}${paragraph.list.ordered ? '1.' : '-'} ${text}`;
}

/** The name as written inside `**Name:**`: one line, no asterisks (the label pattern cannot hold them). */
function labelName(speaker: string): string {
  return normaliseSpace(speaker, true).replace(/\*/g, '');
}

/**
 * Writes an ingested transcript as a Markdown transcript (SPEC §3, §7): YAML
 * front matter (`id`, `title`, `type`, `imported-from`, `date` when known,
 * `speakers` in order of first turn), then one block per turn: its first
 * paragraph as `**Name:** [hh:mm:ss] text` (label first, so the transcript
 * parser reads the speaker), its further paragraphs and list items after it,
 * headings as `#` lines. Text is escaped so that Markdown shows it as written.
 */
export function renderTranscriptMarkdown(transcript: IngestedTranscript, options: RenderTranscriptOptions): string {
  const timestamps = options.timestamps ?? true;
  const speakers: string[] = [];
  for (const block of transcript.blocks) {
    if (block.kind === 'turn' && block.speaker !== null && !speakers.includes(labelName(block.speaker))) speakers.push(labelName(block.speaker));
  }
  const attributes: Record<string, unknown> = {
    id: options.id,
    title: transcript.title ?? options.title,
    type: options.type ?? 'interview',
    'imported-from': options.importedFrom,
  };
  if (transcript.date) attributes.date = transcript.date;
  attributes.speakers = speakers;
  const document = new Document(attributes);
  const list = document.get('speakers', true) as { flow?: boolean } | undefined;
  if (list) list.flow = true;
  const parts: string[] = [`---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---`];
  for (const block of transcript.blocks) {
    if (block.kind === 'heading') {
      parts.push(`${'#'.repeat(block.depth)} ${renderInlines(block.inlines, false).replace(/#/g, '\\#')}`);
      continue;
    }
    const [first, ...rest] = block.paragraphs;
    const stamp = timestamps && block.time !== null ? `[${formatTimestamp(block.time)}]` : '';
    if (block.speaker !== null) {
      const body = first.list ? '' : renderInlines(first.inlines, false);
      parts.push([`**${labelName(block.speaker)}:**`, stamp, body].filter((part) => part.length > 0).join(' '));
      if (first.list) parts.push(renderParagraph(first));
    } else {
      const body = renderParagraph(first);
      parts.push(stamp && !first.list ? `${stamp} ${renderInlines(first.inlines, false)}` : stamp ? `${stamp}\n\n${body}` : body);
    }
    for (const paragraph of rest) parts.push(renderParagraph(paragraph));
  }
  return parts.join('\n\n') + '\n';
}
