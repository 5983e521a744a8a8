import type { Codebook } from '../model/codebook';
import type { Source } from '../model/source';
import { exportProject, type ExportOptions } from './exportProject';
import { writeZip } from './writeZip';

/**
 * A `.qdpx` package (REFI-QDA §8): `project.qde` and the flat `sources/`
 * folder of UTF-8 plain texts, zipped with fixed times, so the same project
 * gives byte-identical packages. Returns the bytes and the export notes.
 */
export function exportQdpx(sources: Source[], codebook: Codebook, options: ExportOptions = {}): { bytes: Uint8Array; notes: string[] } {
  const project = exportProject(sources, codebook, options);
  const encoder = new TextEncoder();
  const bytes = writeZip([{ path: 'project.qde', data: encoder.encode(project.xml) }, ...project.texts.map((text) => ({ path: text.path, data: encoder.encode(text.text) }))]);
  return { bytes, notes: project.notes };
}
