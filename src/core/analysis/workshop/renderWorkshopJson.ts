import type { WorkshopTally } from './tallyWorkshop';

/** Version of the JSON shape {@link renderWorkshopJson} writes; bumped on any incompatible change. */
export const WORKSHOP_JSON_VERSION = 1;

/**
 * Renders a workshop tally as JSON (docs/workshop.md gives the shape):
 * `{ version, title, date, step, candidatesFrom, participants, candidates,
 * changes, notes, rules }`, two-space indentation, ending with a newline.
 */
export function renderWorkshopJson(tally: WorkshopTally): string {
  return JSON.stringify({ version: WORKSHOP_JSON_VERSION, ...tally }, null, 2) + '\n';
}
