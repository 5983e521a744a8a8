/** A block the scanner read, with the start of the innermost container directive it sits in (-1: the file). */
export interface ScannedBlock {
  start: number;
  end: number;
  container: number;
}

/** An inline construct a coding boundary must respect, as the edit engine's layout lists them. */
export interface ScannedHazard {
  start: number;
  end: number;
  inner: { start: number; end: number } | null;
  what: string;
}

/**
 * What the transcript scanner saw of a file's blocks and inline constructs,
 * with the positions the Markdown parser (mdast) gives them: what the edit
 * engine's layout needs (see `readTranscriptLayout`). The scanner fills it
 * only when asked (`scanBlocks`); reading facts never pays for it.
 */
export class BlockRecorder {
  /** Every block of every level (paragraphs, headings, code, breaks, directives, container labels). */
  readonly blocks: ScannedBlock[] = [];
  /** The inline content of paragraphs, headings and container labels. */
  readonly textBlocks: { start: number; end: number }[] = [];
  readonly hazards: ScannedHazard[] = [];
  /** Fenced and indented code. */
  readonly codeBlocks: { start: number; end: number }[] = [];
  /** Every container directive and the colons of its opening fence. */
  readonly fences: { start: number; end: number; colons: number }[] = [];
  /** Where the directives and code spans of the inline content being read end: whitespace trimmed as no text stops there. */
  private constructEnds = new Set<number>();
  /** Where the last of them ends, or -1. */
  constructEnd = -1;
  /** Ranges of the paragraph being read in which a line ending is no text (code spans, attribute blocks), flat. */
  private opaque: number[] = [];

  /** A directive or code span of inline content ends at `end`. */
  constructRead(end: number): void {
    this.constructEnds.add(end);
    if (end > this.constructEnd) this.constructEnd = end;
  }

  /** A code span or attribute block of inline content: no line break is read in it. */
  opaqueRange(start: number, end: number): void {
    this.opaque.push(start, end);
  }

  /**
   * Inline content `[start, end)` was read: its hard line breaks (two or more
   * spaces, or an unescaped backslash, before a line ending inside it) are hazards.
   */
  inlineRead(text: string, start: number, end: number): void {
    for (let newline = text.indexOf('\n', start); newline !== -1 && newline < end; newline = text.indexOf('\n', newline + 1)) {
      if (this.isOpaque(newline)) continue;
      const contentEnd = newline > start && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
      let run = contentEnd;
      let tabs = false;
      while (run > start && !this.constructEnds.has(run) && (text.charCodeAt(run - 1) === 0x20 || text.charCodeAt(run - 1) === 0x09)) {
        if (text.charCodeAt(run - 1) === 0x09) tabs = true;
        run--;
      }
      if (run < contentEnd) {
        // micromark: a tab anywhere in the trailing run makes it a line suffix, not a break.
        if (!tabs && contentEnd - run >= 2) this.hazards.push({ start: run, end: newline + 1, inner: null, what: 'a line break' });
        continue;
      }
      let slashes = 0;
      while (contentEnd - slashes - 1 >= start && text.charCodeAt(contentEnd - slashes - 1) === 0x5c) slashes++;
      if (slashes % 2 === 1) this.hazards.push({ start: contentEnd - 1, end: newline + 1, inner: null, what: 'a line break' });
    }
    this.opaque = [];
    this.constructEnds.clear();
    this.constructEnd = -1;
  }

  private isOpaque(offset: number): boolean {
    for (let index = 0; index < this.opaque.length; index += 2) if (offset >= this.opaque[index] && offset < this.opaque[index + 1]) return true;
    return false;
  }
}
