import type { Citation, HistoryEntry, Origin } from '../model/codebook';

/** A name written in `extends:` or an id written in `drop:`, with where it was written. */
export interface Reference {
  value: string;
  origin: Origin;
}

/**
 * One code entry as written in one codebook file, before merging. A field is
 * `undefined` when the file does not set it, so an entry that overrides an
 * inherited code replaces only what it gives.
 */
export interface CodeEntry {
  id: string;
  name?: string;
  description?: string;
  /** Normalised to lower-case `#rrggbb`. */
  color?: string;
  /** The `parent:` key, when written (a nested entry's parent is `nestedIn`). */
  parent?: Reference;
  /** Id of the entry this one is nested in through `children:`, if any. */
  nestedIn?: string;
  group?: string;
  level?: string;
  aliases?: Reference[];
  example?: string;
  history: HistoryEntry[];
  /** Keys the format does not know, kept as YAML gave them. */
  extra: Record<string, unknown>;
  /** Where the entry starts. */
  origin: Origin;
  /** Where its `id` value is written. */
  idOrigin: Origin;
}

/** One codebook file after parsing; codes are flattened in document order (parents first). */
export interface CodebookFile {
  path: string;
  source: Citation | null;
  extends: Reference[];
  drop: Reference[];
  codes: CodeEntry[];
  history: HistoryEntry[];
  /** Top-level keys the format does not know, kept as YAML gave them. */
  extra: Record<string, unknown>;
}

/** Pattern of a code id (and of an alias). */
export const CODE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Pattern of a bundled preset name as written in `extends:` (anything else is a path). */
export const PRESET_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** History `action` values the format knows. */
export const HISTORY_ACTIONS: readonly string[] = [
  'add',
  'added',
  'rename',
  'merge',
  'split',
  'drop',
  'candidate',
  'recolour',
  'describe',
];
