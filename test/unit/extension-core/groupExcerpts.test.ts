import * as assert from 'node:assert/strict';
import { codersOf, filterSources, groupExcerptsByCoder, groupExcerptsBySource, groupsOf } from '../../../src/core/index/groupExcerpts';
import { codebook, sources } from './fixtures';

describe('grouping excerpts for the sidebar', () => {
  it('groups by source in path order, excerpts in file order', () => {
    const groups = groupExcerptsBySource(sources());
    assert.deepEqual(groups.map((group) => group.source.path), ['a/lead-02.md', 'b/lead-01.md']);
    assert.deepEqual(groups[1].excerpts.map((excerpt) => excerpt.text), ['experts', 'funders', 'A whole paragraph.', 'old alias', 'nobody']);
  });

  it('groups by coder, sorted by name, excerpts without a coder last', () => {
    const groups = groupExcerptsByCoder(sources());
    assert.deepEqual(groups.map((group) => [group.coder, group.count]), [['pg', 2], ['rk', 3], [null, 1]]);
    assert.deepEqual(groups[1].sources.map((entry) => entry.source.id), ['lead-02', 'lead-01']);
  });

  it('filters by coder; the empty string picks excerpts without a coder', () => {
    const byRk = filterSources(sources(), codebook(), { coder: 'rk' });
    assert.deepEqual(byRk.flatMap((source) => source.excerpts.map((excerpt) => excerpt.text)), ['the university', 'funders', 'old alias']);
    const nobody = filterSources(sources(), codebook(), { coder: '' });
    assert.deepEqual(nobody.flatMap((source) => source.excerpts.map((excerpt) => excerpt.text)), ['nobody']);
  });

  it('filters by group, counting a child code and an alias for their code, and drops emptied sources unless asked', () => {
    const mechanisms = filterSources(sources(), codebook(), { group: 'mechanisms' });
    assert.deepEqual(mechanisms.map((source) => source.id), ['lead-01']);
    assert.deepEqual(mechanisms[0].excerpts.map((excerpt) => excerpt.text), ['experts']);
    const tensions = filterSources(sources(), codebook(), { group: 'tensions' });
    assert.deepEqual(tensions[1].excerpts.map((excerpt) => excerpt.text), ['experts', 'funders', 'A whole paragraph.', 'old alias']);
    assert.equal(filterSources(sources(), codebook(), { group: 'mechanisms' }, true).length, 2);
  });

  it('lists the coders and the groups to filter by', () => {
    assert.deepEqual(codersOf(sources()), ['pg', 'rk']);
    assert.deepEqual(groupsOf(codebook()), ['mechanisms', 'tensions']);
  });
});
