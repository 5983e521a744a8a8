import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readSimpleYaml } from '../../../src/core/syntax/simpleYaml';

/** Scalars of the kinds front matter holds, and some that must go to the full reader. */
const scalar = fc.oneof(
  fc.constantFrom('lead', 'Yorkshire & Humber', 'int-07', '2021-05-12', '42', '-3', '+7', '007', '2.5', '-.5', '1e3', '0x1F', '0o17', 'true', 'False', 'null', '~', 'yes', 'http://x.org/a', 'a: b', 'x #y', '#c', '&a', '*b', '!t', '- item', '[a, b]', '"quoted"', "'single'", '"es\\"c"', "'it''s'", '.inf', '99999999999999999999', 'Zoë Ångström', 'P3 (lead)', '', 'a,b', '{x: 1}'),
  fc.string({ maxLength: 12 }).filter((text) => !text.includes('\n') && !text.includes('\r')),
);
const line = fc.oneof(
  fc.tuple(fc.constantFrom('id', 'title', 'partnership', 'role', 'date', 'type', 'coders', 'age', 'x_y', 'a-b'), scalar).map(([key, value]) => `${key}: ${value}`),
  fc.tuple(fc.constantFrom('coders', 'tags'), fc.array(scalar, { maxLength: 4 })).map(([key, items]) => `${key}: [${items.join(', ')}]`),
  fc.constantFrom('# a comment', '', '  nested: x', 'list:', '  - a', 'bad line', 'k:v'),
);

describe('the fast front matter reader', () => {
  it('gives what the yaml package gives, or leaves the text to it', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        const simple = readSimpleYaml(text);
        if (simple === null) return;
        read++;
        let expected: unknown;
        try {
          expected = parse(text, { uniqueKeys: true }) ?? {};
        } catch (error) {
          assert.fail(`the fast reader read text the yaml package rejects: ${JSON.stringify(text)} (${(error as Error).message})`);
        }
        assert.deepEqual(simple, expected, JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
    assert.ok(read > 300, `only ${read} texts were read fast`);
  });

  it('reads the example study front matter fast', () => {
    assert.deepEqual(readSimpleYaml('id: HS-P1\ntitle: Interview with the involvement lead\npartnership: Harbourside\ndate: 2021-03-04\ntype: interview\ncoders: [pg, rk]\n'), {
      id: 'HS-P1',
      title: 'Interview with the involvement lead',
      partnership: 'Harbourside',
      date: '2021-03-04',
      type: 'interview',
      coders: ['pg', 'rk'],
    });
  });
});
