import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExistingTranscript } from '../../core/ingest/transcriptNames';
import { parseTranscript } from '../../core/syntax/parseTranscript';

/**
 * The Markdown transcripts directly in `folder` with their source ids (front
 * matter `id`, else the file name). A folder that does not exist has none;
 * a file that cannot be read counts by its file name.
 */
export async function existingTranscripts(folder: string): Promise<ExistingTranscript[]> {
  let names: string[];
  try {
    names = (await fs.readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name)).map((entry) => entry.name);
  } catch {
    return [];
  }
  const found: ExistingTranscript[] = [];
  for (const fileName of names) {
    let id = fileName.replace(/\.[^.]+$/, '');
    try {
      id = parseTranscript(await fs.readFile(path.join(folder, fileName), 'utf8'), { path: fileName }).id;
    } catch {
      // Unreadable: its file name still takes its id.
    }
    found.push({ id, fileName });
  }
  return found;
}
