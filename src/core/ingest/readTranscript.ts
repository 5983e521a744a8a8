import { decodeText } from '../refi/decodeText';
import { readCaptions } from './readCaptions';
import { readDocx } from './readDocx';
import { readPlainTranscript } from './readPlainTranscript';
import type { IngestedTranscript } from './transcriptModel';

/** The transcript formats `readTranscript` reads. */
export type TranscriptFormat = 'docx' | 'vtt' | 'srt' | 'txt';

/** A transcript read from a file, or a one-line reason why not. */
export type TranscriptReadResult = { ok: true; transcript: IngestedTranscript } | { ok: false; error: string };

/** The format of a file name by its extension (any case), or null when it is none of them. */
export function transcriptFormatOf(fileName: string): TranscriptFormat | null {
  const match = /\.(docx|vtt|srt|txt)$/i.exec(fileName);
  return match ? (match[1].toLowerCase() as TranscriptFormat) : null;
}

/** Whether decoded text looks like a binary file: NUL characters or many other control characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
  return controls > 8 && controls * 100 > sample.length;
}

/** Text of a caption or text file: UTF-8 (or UTF-16 with a BOM), else Windows-1252, noted in `notes`. */
function textOf(bytes: Uint8Array, notes: string[]): { ok: true; text: string } | { ok: false; error: string } {
  const decoded = decodeText(bytes);
  let text = decoded.text;
  if (decoded.replaced) {
    text = new TextDecoder('windows-1252').decode(bytes);
    notes.push('not valid UTF-8: read as Windows-1252');
  }
  if (looksBinary(text)) return { ok: false, error: 'not a text file (it contains binary data)' };
  return { ok: true, text };
}

/**
 * Reads a transcript file's bytes by the format its name says: Word `.docx`,
 * WebVTT `.vtt`, SubRip `.srt` or plain text `.txt`. A `.doc`, another
 * extension, a damaged or protected Word file, a binary file, a caption file
 * without a readable cue, are errors with a one-line reason. Never throws.
 */
export async function readTranscript(bytes: Uint8Array, fileName: string): Promise<TranscriptReadResult> {
  if (/\.doc$/i.test(fileName)) return { ok: false, error: 'an old binary Word file (.doc): open it in Word or LibreOffice and save it as .docx' };
  const format = transcriptFormatOf(fileName);
  if (format === null) return { ok: false, error: 'not a transcript file (.docx, .vtt, .srt or .txt)' };
  try {
    if (format === 'docx') return await readDocx(bytes);
    const notes: string[] = [];
    const text = textOf(bytes, notes);
    if (!text.ok) return text;
    if (format === 'txt') {
      const transcript = readPlainTranscript(text.text);
      if (transcript.blocks.length === 0) return { ok: false, error: 'the file has no text' };
      return { ok: true, transcript: { ...transcript, skipped: [...notes, ...transcript.skipped] } };
    }
    const result = await readCaptions(text.text, format);
    return result.ok ? { ok: true, transcript: { ...result.transcript, skipped: [...notes, ...result.transcript.skipped] } } : result;
  } catch (error) {
    // The readers contain their own failures; this guards the libraries underneath.
    return { ok: false, error: `cannot be read (${(error as Error).message.split('\n')[0]})` };
  }
}
