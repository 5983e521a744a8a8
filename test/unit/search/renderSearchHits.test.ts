import { strict as assert } from 'node:assert';
import { renderSearchHits } from '../../../src/core/render/renderSearchHits';
import type { SearchHit } from '../../../src/core/search/searchSources';

const hit: SearchHit = { sourceId: 's', path: 's.md', speaker: 'P1', line: 3, start: 4, end: 9, left: 'a | b', text: 'money', right: '<i>, "x"', codes: ['T1', 'T2'] };

describe('renderSearchHits', () => {
  it('escapes pipes and markup in a Markdown row and bolds the hit', () => {
    assert.equal(renderSearchHits([hit], 'md').split('\n')[2], '| s | P1 | 3 | a \\| b | **money** | &lt;i>, "x" | T1 T2 |');
  });

  it('quotes CSV fields that need it, with CRLF line ends', () => {
    assert.equal(renderSearchHits([hit], 'csv'), 'source,path,speaker,line,start,end,left,hit,right,codes\r\ns,s.md,P1,3,4,9,a | b,money,"<i>, ""x""",T1 T2\r\n');
  });

  it('escapes HTML in every cell', () => {
    assert.match(renderSearchHits([hit], 'html'), /<td>&lt;i&gt;, &quot;x&quot;<\/td>/);
  });

  it('says there are no hits rather than printing an empty table', () => {
    assert.equal(renderSearchHits([], 'md'), 'No hits.\n');
    assert.equal(renderSearchHits([], 'json'), '[]\n');
    assert.equal(renderSearchHits([], 'csv'), 'source,path,speaker,line,start,end,left,hit,right,codes\r\n');
  });
});
