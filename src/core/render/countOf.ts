/**
 * A count with its noun in the right number, for messages: `countOf(1, 'transcript')` is
 * `1 transcript`, `countOf(3, 'transcript')` is `3 transcripts`, `countOf(2, 'copy', 'copies')`
 * is `2 copies`. Only exactly 1 is singular (0, 1.5 and −1 take the plural); the number is written
 * as given, without separators.
 */
export function countOf(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
