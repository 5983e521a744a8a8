import type { ResourcePack } from './resourcePack';

/** Version of the JSON shape {@link renderPackJson} writes; bumped on any incompatible change. */
export const PACK_JSON_VERSION = 2;

/**
 * Renders a resource pack as JSON (docs/workshop.md gives the shape):
 * `{ version, title, group, step, by, columns, coders, sources, cards, notes }`,
 * each quote with the excerpt it comes from (`ref`: source, path, start, end,
 * line, id). Two-space indentation, ending with a newline.
 */
export function renderPackJson(pack: ResourcePack): string {
  return JSON.stringify({ version: PACK_JSON_VERSION, ...pack }, null, 2) + '\n';
}
