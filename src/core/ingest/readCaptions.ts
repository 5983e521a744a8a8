import { assembleTurns, type TranscriptUnit } from './assembleTurns';
import { readCueText } from './cueText';
import { findDate } from './findDate';
import type { IngestedTranscript } from './transcriptModel';
import { readTurnHeader } from './turnHeader';

/** A transcript read from captions, or why none could be read. */
export type CaptionsReadResult = { ok: true; transcript: IngestedTranscript } | { ok: false; error: string };

/** The units of one cue: a voice span or a `Name:` line starts a unit, other lines continue it. */
function cueUnits(raw: string, time: number, decode: boolean): TranscriptUnit[] {
  const units: TranscriptUnit[] = [];
  for (const segment of readCueText(raw, decode)) {
    for (const line of segment.text.split(/\r\n?|\n/)) {
      if (line.trim().length === 0) continue;
      const header = segment.voice ? null : readTurnHeader(line);
      const first = units.length === 0;
      const startsUnit = first || segment.voice !== null || header !== null;
      if (!startsUnit) {
        const last = units[units.length - 1];
        last.inlines.push({ text: ' ' + line });
        continue;
      }
      const unit: TranscriptUnit = { kind: 'unit', inlines: [{ text: line }], join: 'inline', time: first ? time : null };
      if (segment.voice) unit.speaker = segment.voice;
      else if (header?.strength === 'weak' && header.speaker) unit.weakLabel = { speaker: header.speaker, length: header.length };
      else if (header?.speaker) {
        unit.speaker = header.speaker;
        unit.inlines = [{ text: line.slice(header.length) }];
      }
      // A voice span that continues on the next segment of the same cue keeps one unit.
      const previous = units[units.length - 1];
      if (previous && segment.voice && previous.speaker === segment.voice) {
        previous.inlines.push({ text: ' ' }, ...unit.inlines);
        continue;
      }
      units.push(unit);
    }
  }
  return units;
}

/**
 * Reads a WebVTT (`vtt`) or SubRip (`srt`) file with media-captions, leniently:
 * cues with bad timings or settings are left out and listed in `skipped` with
 * their line; the rest become turns (voice tags `<v Name>` and `Name:` at the
 * start of a cue name the speaker). A file without a single readable cue is an
 * error. The date is the first date written before the first cue.
 */
export async function readCaptions(text: string, type: 'vtt' | 'srt'): Promise<CaptionsReadResult> {
  const skipped: string[] = [];
  // Loaded on first use, like mammoth: most commands never read captions.
  const { parseText } = await import('media-captions');
  const parsed = await parseText(text, { type, strict: false, errors: true });
  const problems = parsed.errors.filter((error) => error.code !== 1 || type === 'vtt');
  for (const error of problems) skipped.push(`line ${error.line}: ${error.message.replace(/ on line \d+$/, '')}`);
  if (parsed.cues.length === 0) {
    return { ok: false, error: `no cues could be read${problems.length > 0 ? ` (${problems[0].message})` : ''}` };
  }
  const units = parsed.cues.flatMap((cue) => cueUnits(cue.text, cue.startTime, type === 'vtt'));
  const firstTiming = text.search(/-->/);
  const date = findDate(firstTiming < 0 ? text : text.slice(0, firstTiming));
  return { ok: true, transcript: { title: null, date, blocks: assembleTurns(units), skipped } };
}
