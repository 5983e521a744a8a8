import type { Diagnostic } from './diagnostic';
import type { Excerpt } from './excerpt';

/** A speaker turn: from its start to the start of the next turn. */
export interface Turn {
  speaker: string;
  /** Code-point offset into the plain text where the turn starts. */
  start: number;
  /** 1-based line in the file. */
  line: number;
}

/** A heading, with its depth (1–6) and its plain text. */
export interface Heading {
  depth: number;
  text: string;
  /** Code-point offset into the plain text where the heading line starts. */
  start: number;
  line: number;
}

/** A transcript (interview, observation note, document…) after parsing. */
export interface Source {
  /** Source id: front matter `id`, else the file name without extension. */
  id: string;
  /** Path relative to the workspace root, with `/` separators. */
  path: string;
  /** Front matter attributes (everything but `id`), as YAML gave them. */
  attributes: Record<string, unknown>;
  /** Coders listed in the front matter `coders:` (they read the whole source). */
  coders: string[];
  /** The plain text (SPEC §3). */
  plainText: string;
  /** Length of the plain text in Unicode code points. */
  length: number;
  excerpts: Excerpt[];
  turns: Turn[];
  headings: Heading[];
  diagnostics: Diagnostic[];
  /** Line terminator that dominates the file. */
  eol: '\n' | '\r\n';
  /** Whether the file starts with a UTF-8 byte order mark. */
  bom: boolean;
  /**
   * False when the tool must not write this file (invalid UTF-8, binary,
   * too large): an edit would not reproduce its bytes.
   */
  writable: boolean;
  /** Content hash of the file bytes (hex). */
  hash: string;
}
