import { promises as fs } from 'node:fs';
import path from 'node:path';
import { transcriptFormatOf } from '../../core/ingest/readTranscript';
import { describeSpecialFile } from '../readTranscriptFile';

/** Largest transcript file read (bytes): a Word file full of images is large, its text is not. */
export const MAX_TRANSCRIPT_BYTES = 200 * 1024 * 1024;

/** A transcript file to import: its path as given (for messages), and its bytes or why they cannot be read. */
export interface TranscriptInput {
  /** The path as the user would recognise it (relative to the working folder when inside it). */
  display: string;
  fileName: string;
  bytes: Uint8Array | null;
  error: string | null;
}

/** Names a folder yields: transcripts, and `.doc` files so that they are refused with advice. */
function isImportable(name: string): boolean {
  return !name.startsWith('.') && (transcriptFormatOf(name) !== null || /\.doc$/i.test(name));
}

/**
 * Lists and reads the transcript files named by `paths` (relative to `cwd`):
 * a file as it is, a folder's own `.docx`, `.vtt`, `.srt`, `.txt` (and `.doc`)
 * files in name order, not its subfolders. A path that does not exist, an
 * unreadable file, a special file (FIFO, device) or one larger than `MAX_TRANSCRIPT_BYTES` gives an input
 * with its `error`; a folder without transcripts gives `emptyFolders`.
 */
export async function readTranscriptInputs(paths: string[], cwd: string): Promise<{ inputs: TranscriptInput[]; emptyFolders: string[] }> {
  const inputs: TranscriptInput[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const read = async (absolute: string, display: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const input: TranscriptInput = { display, fileName: path.basename(absolute), bytes: null, error: null };
    try {
      const stat = await fs.stat(absolute);
      // A FIFO or device would block the read or never end: only regular files are read.
      if (!stat.isFile()) input.error = `not a regular file (${describeSpecialFile(stat)})`;
      else if (stat.size > MAX_TRANSCRIPT_BYTES) input.error = `larger than ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB (${Math.round(stat.size / 1024 / 1024)} MB)`;
      else input.bytes = new Uint8Array(await fs.readFile(absolute));
    } catch (error) {
      input.error = `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
    inputs.push(input);
  };
  for (const wanted of paths) {
    const absolute = path.resolve(cwd, wanted);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      inputs.push({ display: wanted, fileName: path.basename(wanted), bytes: null, error: 'no such file or folder' });
      continue;
    }
    if (!stat.isDirectory()) {
      await read(absolute, wanted);
      continue;
    }
    const names = (await fs.readdir(absolute, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && isImportable(entry.name))
      .map((entry) => entry.name)
      .sort();
    if (names.length === 0) emptyFolders.push(wanted);
    for (const name of names) await read(path.join(absolute, name), path.join(wanted, name));
  }
  return { inputs, emptyFolders };
}
