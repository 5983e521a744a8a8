import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWorkshop } from '../../../src/core/analysis/workshop/parseWorkshop';
import { tallyWorkshop } from '../../../src/core/analysis/workshop/tallyWorkshop';

const IDS = ['A', 'B', 'C', 'D', 'E'];

/** A participant: some votes, and each card in the inner circle, the outer circle or neither. */
const participantArb = fc.record({
  votes: fc.subarray(IDS),
  places: fc.array(fc.constantFrom('inner', 'outer', 'none'), { minLength: IDS.length, maxLength: IDS.length }),
});

function yamlOf(participants: { votes: string[]; places: string[] }[]): string {
  const lines = ['candidates: [A, B, C, D, E]', 'participants:'];
  participants.forEach((p, index) => {
    lines.push(`  - id: p${index + 1}`, `    votes: [${p.votes.join(', ')}]`);
    lines.push(`    inner: [${IDS.filter((_, i) => p.places[i] === 'inner').join(', ')}]`);
    lines.push(`    outer: [${IDS.filter((_, i) => p.places[i] === 'outer').join(', ')}]`);
  });
  return lines.join('\n') + '\n';
}

describe('tallyWorkshop (property)', () => {
  it('accounts for every participant once per card and every vote once, for any valid workshop', () => {
    fc.assert(
      fc.property(fc.array(participantArb, { minLength: 1, maxLength: 8 }), (participants) => {
        const parsed = parseWorkshop(yamlOf(participants), 'w.yaml');
        assert.deepEqual(parsed.diagnostics, []);
        const { tally } = tallyWorkshop(parsed.workshop);
        for (const candidate of tally.candidates) {
          assert.equal(candidate.inner + candidate.outer + candidate.unplaced, participants.length);
          assert.deepEqual([...candidate.innerBy, ...candidate.outerBy, ...candidate.unplacedBy].sort(), tally.participants.map((p) => p.id).sort());
        }
        const votes = tally.candidates.reduce((sum, candidate) => sum + candidate.votes, 0);
        assert.equal(votes, participants.reduce((sum, p) => sum + p.votes.length, 0));
        const ranks = tally.candidates.map((candidate) => candidate.rank);
        assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
        assert.equal(ranks[0], 1);
      }),
      { numRuns: 200, verbose: true },
    );
  });
});
