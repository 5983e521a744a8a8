/** Where a directive sits in the file: 1-based lines, columns in code points, UTF-16 offsets. */
export interface FileRange {
  startLine: number;
  startColumn: number;
  startOffset: number;
  endLine: number;
  endColumn: number;
  endOffset: number;
}

/** One `code` directive: a text directive or a container directive. */
export interface Fragment {
  kind: 'text' | 'container';
  /** Code-point offsets into the plain text, end exclusive. */
  start: number;
  end: number;
  /** The whole directive in the file, markup included. */
  range: FileRange;
  /**
   * What the directive codes, in UTF-16 offsets into the file text (without
   * BOM): the label of a text directive, the lines between the fences of a
   * container (without the terminator of its last line).
   */
  contentStartOffset: number;
  contentEndOffset: number;
}

/**
 * A coded stretch of a transcript: one directive, or several fragments that
 * share an `id=` attribute (a coding that crosses another, or spans blocks).
 */
export interface Excerpt {
  /** Source id and path (relative, `/`-separated). */
  sourceId: string;
  path: string;
  /** The `id=` attribute, when written. */
  id: string | null;
  /** Code ids (the directive classes), in written order, without duplicates. */
  codes: string[];
  coder: string | null;
  memo: string | null;
  exemplar: boolean;
  /** Attributes other than class, id, by, memo and exemplar, kept as written. */
  attributes: Record<string, string>;
  /** Fragments in plain-text order; at least one. */
  fragments: Fragment[];
  /** Code-point offsets into the plain text: first fragment start, last fragment end. */
  start: number;
  end: number;
  /** The plain text from `start` to `end`. */
  text: string;
  /** Speaker of the turn the excerpt starts in. */
  speaker: string | null;
  /** Heading texts from the top level down to the excerpt. */
  headings: string[];
  /** 1-based line of the excerpt's first directive in the file. */
  line: number;
}
