import type { SkippedItem } from './readProject';

/** One transcript written by an import. */
export interface ImportedSource {
  guid: string;
  name: string | null;
  /** File written, relative to the output folder. */
  file: string;
  /** Selections in the file, and how many became excerpts. */
  selections: number;
  written: number;
}

/** What an import did, and everything it left out, with why. */
export interface ImportReport {
  /** Name of the XML file read in the package (or the codebook file). */
  xml: string | null;
  project: string | null;
  origin: string | null;
  /** The position reading used for selections, in words, with how well it fit; null without selections. */
  reading: { description: string; selections: number; fits: number; names: number; boundaries: number } | null;
  sources: ImportedSource[];
  codes: number;
  coders: string[];
  skipped: SkippedItem[];
  /** Notes on the package or the XML that are not tied to one element. */
  notes: string[];
}
