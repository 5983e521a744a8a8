import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import type { Codebook } from '../../../src/core/model/codebook';
import type { Source } from '../../../src/core/model/source';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/** A small codebook: T1 (tensions) with child T1a, T2 (tensions), M3 and M9 (mechanisms). */
export const codebookText = [
  'codes:',
  '  - id: T1',
  '    name: Meaning of co-production',
  '    group: tensions',
  '    children:',
  '      - id: T1a',
  '        name: Imposed by the funder',
  '  - id: T2',
  '    name: Whose knowledge counts',
  '    group: tensions',
  '    aliases: [T2old]',
  '  - id: M3',
  '    name: Shared decision making',
  '    group: mechanisms',
  '  - id: M9',
  '    name: Unused mechanism',
  '    group: mechanisms',
  '',
].join('\n');

/** The compiled {@link codebookText}. */
export function codebook(text = codebookText): Codebook {
  return compileCodebook([{ text, path: 'codebook.yaml' }]).codebook;
}

/** Two transcripts coded by pg and rk, one excerpt without coder and one unknown code (X9). */
export function sources(): Source[] {
  return [
    parseTranscript(
      [
        '**P1:** :code[experts]{.T2 .M3 by=pg} talk, :code[funders]{.T1a by=rk} decide.',
        '',
        ':::code{.T1 by=pg}',
        'A whole paragraph.',
        ':::',
        '',
        'Then :code[old alias]{.T2old by=rk} and :code[nobody]{.X9}.',
        '',
      ].join('\n'),
      { path: 'b/lead-01.md' },
    ),
    parseTranscript('**P2:** :code[the university]{.T2 by=rk} sets it.\n', { path: 'a/lead-02.md' }),
  ];
}
