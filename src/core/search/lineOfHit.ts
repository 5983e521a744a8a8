import type { LineIndex } from '../syntax/lineIndex';
import type { PlainTextMap } from '../syntax/plainTextMap';

/** What locating a plain-text offset in its file needs: the parse's map and line index. */
export interface HitLocator {
  map: PlainTextMap;
  lines: LineIndex;
}

/** The 1-based file line of a code-point offset into the plain text (offsets past the end give the last line). */
export function lineOfHit(locator: HitLocator, codePoint: number): number {
  const { map, lines } = locator;
  return lines.toLineColumn(map.plainToFile(map.fromCodePoint(codePoint))).line;
}
