/** Where something was written: file, 1-based line and column (code points). */
export interface Origin {
  path: string;
  line: number;
  column: number;
}

/** One change in the life of a codebook (SPEC §2: the evolution is itself data). */
export interface HistoryEntry {
  /** `add`, `rename`, `merge`, `split`, `drop`, `candidate`, `recolour`, `describe`… */
  action: string;
  /** Code ids the change came from (for `merge`, several). */
  from: string[];
  /** Code id(s) the change led to. */
  to: string[];
  /** ISO date (YYYY-MM-DD) when known. */
  date: string | null;
  /** Analysis step label (`step1`, `step2`, `step3`) when known. */
  step: string | null;
  note: string | null;
  origin?: Origin;
}

/** A code of the codebook. */
export interface Code {
  /** Short stable id, e.g. `T2`, `M5`; the class written in the markup. */
  id: string;
  name: string;
  description: string | null;
  /** `#rrggbb` colour, when set. */
  color: string | null;
  /** Id of the parent code, or null for a root. */
  parent: string | null;
  /** Ids of child codes, in codebook order. */
  children: string[];
  /** Group such as `tensions`, `mechanisms`, `facilitators`, `impact`. Inherited from the parent when unset. */
  group: string | null;
  /** Level such as `micro`, `meso`, `macro`, `paradigmatic`. */
  level: string | null;
  aliases: string[];
  /** An invented example of the talk the code covers. */
  example: string | null;
  history: HistoryEntry[];
  /** Name of the preset the code came from, if any. */
  preset: string | null;
  /** Any other keys written for the code, kept as they were. */
  extra: Record<string, unknown>;
  origin: Origin | null;
  /**
   * Where the code was first defined, when a later codebook file overrides it
   * (`origin` is then the override); absent for a code no file overrides.
   */
  inheritedFrom?: Origin;
}

/** A bibliographic citation, carried by presets in their `source:` block. */
export interface Citation {
  authors: string;
  year: number | string;
  title: string;
  journal?: string;
  doi?: string;
  [key: string]: unknown;
}

/** The merged codebook of a workspace. */
export interface Codebook {
  /** Every code by id, in codebook order (Map keeps insertion order). */
  codes: Map<string, Code>;
  /** Ids of root codes, in codebook order. */
  roots: string[];
  /** Codebook-level history entries, in file order. */
  history: HistoryEntry[];
  /** Citations of the presets and codebooks merged in. */
  citations: Citation[];
  /** Files merged, in order. */
  files: string[];
}
