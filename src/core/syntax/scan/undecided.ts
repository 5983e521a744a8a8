/**
 * Thrown by the transcript scanner where it cannot decide how CommonMark
 * reads a construct (a list, a block quote, HTML, a link…): the caller then
 * reads that file with micromark instead.
 */
export class Undecided extends Error {
  constructor(readonly construct: string) {
    super(`the scanner leaves ${construct} to micromark`);
  }
}
