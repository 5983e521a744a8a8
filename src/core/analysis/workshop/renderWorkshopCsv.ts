import { escapeCsvField } from '../../render/renderCsv';
import type { WorkshopTally } from './tallyWorkshop';

/**
 * Renders the candidate tally of a workshop as CSV (RFC 4180, CRLF line
 * ends), one row per candidate in rank order: `rank, id, name, votes, inner,
 * outer, unplaced`, then who voted, placed it inner, outer, or not at all
 * (participant ids joined with `; `). Participants and codebook changes are
 * in the Markdown and JSON output only.
 */
export function renderWorkshopCsv(tally: WorkshopTally): string {
  const header = ['rank', 'id', 'name', 'votes', 'inner', 'outer', 'unplaced', 'voted_by', 'inner_by', 'outer_by', 'unplaced_by'];
  const rows = tally.candidates.map((row) => [
    String(row.rank),
    row.id,
    row.name,
    String(row.votes),
    String(row.inner),
    String(row.outer),
    String(row.unplaced),
    row.voters.join('; '),
    row.innerBy.join('; '),
    row.outerBy.join('; '),
    row.unplacedBy.join('; '),
  ]);
  return [header, ...rows].map((fields) => fields.map(escapeCsvField).join(',')).join('\r\n') + '\r\n';
}
