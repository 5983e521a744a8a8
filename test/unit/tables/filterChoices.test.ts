import assert from 'node:assert/strict';
import { filterChoices } from '../../../src/core/analysis/tables/filterChoices';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { makeCodebook } from './corpus';

function source(name: string, front: string, body = '**P1:** :code[text]{.A by=pg}\n'): ReturnType<typeof parseTranscript> {
  return parseTranscript(`---\n${front}\n---\n${body}`, { path: `${name}.md` });
}

describe('filterChoices', () => {
  it('offers the coders, groups, attribute values and steps a panel can filter by', () => {
    const sources = [
      source('a', 'title: One\npartnership: North\ndate: 2021-01-01\ncoders: [rk]'),
      source('b', 'title: Two\npartnership: South\ndate: 2021-02-01'),
      source('c', 'title: Three\npartnership: North\ndate: 2021-03-01', '**P1:** :code[text]{.A by=zz}\n'),
    ];
    const codebook = makeCodebook([{ id: 'A', group: 'tensions' }, { id: 'B', group: 'mechanisms' }]);
    const choices = filterChoices(sources, codebook);
    assert.deepEqual(choices.coders, ['pg', 'rk', 'zz']);
    assert.deepEqual(choices.groups, ['tensions', 'mechanisms']);
    // A title or a date names one source each: filtering by it is filtering by source.
    assert.deepEqual(choices.where, ['partnership=North', 'partnership=South']);
    assert.deepEqual(choices.steps, []);
  });
});
