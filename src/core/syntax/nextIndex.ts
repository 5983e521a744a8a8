/**
 * Where one character next occurs in a text, remembering the last answer: a
 * search from any offset between the last one's start and what it found
 * gives the same answer without searching, so a reader that asks from
 * increasing offsets searches the text about once, however often it asks.
 */
export class NextIndex {
  private searchedFrom = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly character: string,
  ) {}

  /** Offset of the first occurrence at or after `offset`, or the text length when there is none. */
  from(offset: number): number {
    if (offset >= this.searchedFrom && offset <= this.found) return this.found;
    const found = this.text.indexOf(this.character, offset);
    this.searchedFrom = offset;
    this.found = found === -1 ? this.text.length : found;
    return this.found;
  }
}
