import { assembleTurns, type TranscriptUnit } from './assembleTurns';
import { findDate } from './findDate';
import type { IngestedTranscript } from './transcriptModel';
import { readTurnHeader } from './turnHeader';

/** How many lines at the top may carry the interview's date. */
const PREAMBLE_LINES = 20;

/**
 * Reads a plain-text transcript. Each line that starts with a speaker header
 * (`[Name] 11:02:09`, `Name (00:01:23):`, `Speaker 1  0:03` on its own line,
 * `[00:01:23] Name:` or a recurring bare `Name:`) starts a unit; the lines
 * after it, up to a blank line or the next header, continue it; a paragraph
 * after a blank line continues the current turn as a paragraph of its own.
 * The date is the first date written in the first lines, before the first header. Never fails:
 * a text without any header is one unlabelled turn per paragraph.
 */
export function readPlainTranscript(text: string): IngestedTranscript {
  const units: TranscriptUnit[] = [];
  let open: TranscriptUnit | null = null;
  let preamble = '';
  let headerSeen = false;
  for (const [index, line] of text.split(/\r\n?|\n/).entries()) {
    if (line.trim().length === 0) {
      open = null;
      continue;
    }
    const header = readTurnHeader(line);
    if (!headerSeen && index < PREAMBLE_LINES) preamble += line + '\n';
    if (header && (header.speaker !== null || header.length < line.length || header.time !== null)) {
      headerSeen = headerSeen || header.strength === 'strong';
      const unit: TranscriptUnit = { kind: 'unit', inlines: [], join: 'paragraph', time: header.time };
      if (header.strength === 'weak' && header.speaker) {
        unit.inlines = [{ text: line.trimStart() }];
        unit.weakLabel = { speaker: header.speaker, length: header.length - (line.length - line.trimStart().length) };
      } else {
        unit.speaker = header.speaker;
        unit.inlines = [{ text: line.slice(header.length) }];
      }
      units.push(unit);
      open = unit;
      continue;
    }
    if (open) {
      open.inlines.push({ text: ' ' + line });
    } else {
      open = { kind: 'unit', inlines: [{ text: line }], join: 'paragraph' };
      units.push(open);
    }
  }
  return { title: null, date: findDate(preamble), blocks: assembleTurns(units), skipped: [] };
}
