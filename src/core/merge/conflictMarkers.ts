import { diffLines } from 'diff';

/** Labels written after `<<<<<<<` and `>>>>>>>` (defaults `ours`, `theirs`). */
export interface ConflictLabels {
  ours?: string;
  theirs?: string;
}

/**
 * Joins two versions of a text that differ only in a few places into one
 * text with standard conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`, each
 * seven characters and a label) around the lines that differ, and nothing
 * around the lines they share. Equal texts give the text unchanged. A side
 * whose last line has no terminator gets `eol` inside the markers.
 */
export function conflictMarkers(ours: string, theirs: string, labels: ConflictLabels = {}, eol: '\n' | '\r\n' = '\n'): string {
  const parts = diffLines(ours, theirs);
  const terminated = (lines: string) => (lines === '' || lines.endsWith('\n') ? lines : lines + eol);
  let result = '';
  for (let index = 0; index < parts.length; ) {
    if (!parts[index].added && !parts[index].removed) {
      result += parts[index].value;
      index++;
      continue;
    }
    let mine = '';
    let other = '';
    for (; index < parts.length && (parts[index].added || parts[index].removed); index++) {
      if (parts[index].removed) mine += parts[index].value;
      else other += parts[index].value;
    }
    result += `<<<<<<< ${labels.ours ?? 'ours'}${eol}${terminated(mine)}=======${eol}${terminated(other)}>>>>>>> ${labels.theirs ?? 'theirs'}${eol}`;
  }
  return result;
}
