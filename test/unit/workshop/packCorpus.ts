import type { Codebook, HistoryEntry } from '../../../src/core/model/codebook';
import type { Source } from '../../../src/core/model/source';
import { makeCodebook, makeSource } from '../tables/corpus';

/** A history entry as the codebook parser returns it. */
export function entry(action: string, from: string[], to: string[], step: string | null, note: string | null = null): HistoryEntry {
  return { action, from, to, date: null, step, note };
}

/**
 * A small study whose codebook changed: after step1 the candidates of group
 * `g` were A (with sub-code A1), B, C1 and C2; in step2 C1 and C2 were merged
 * into M, which has a sub-code M1 created with it. Two sources, two
 * partnerships, two coders; the transcripts carry today's codes.
 */
export function mergedStudy(): { sources: Source[]; codebook: Codebook } {
  const codebook = makeCodebook([
    { id: 'A', name: 'Alpha', group: 'g', description: 'Talk about alpha.' },
    { id: 'A1', name: 'Alpha detail', parent: 'A', group: 'g' },
    { id: 'B', name: 'Beta', group: 'g', color: '#123456' },
    { id: 'M', name: 'Merged', group: 'g' },
    { id: 'M1', name: 'Merged detail', parent: 'M', group: 'g' },
    { id: 'X', name: 'Other', group: 'other' },
  ]);
  codebook.history = [
    entry('candidate', [], ['A'], 'step1', 'Alpha'),
    entry('candidate', [], ['B'], 'step1', 'Beta'),
    entry('candidate', [], ['C1'], 'step1', 'Gamma one'),
    entry('candidate', [], ['C2'], 'step1', 'Gamma two'),
    entry('merge', ['C1', 'C2'], ['M'], 'step2', 'Workshop: one theme'),
  ];
  const sources = [
    makeSource(
      'S1',
      'P1: Alpha one. Beta two shares text. Merged three.',
      [
        { phrase: 'Alpha one.', codes: ['A'], coder: 'ann', speaker: 'P1', exemplar: true },
        { phrase: 'Beta two shares text.', codes: ['B'], coder: 'ann', speaker: 'P1' },
        { phrase: 'two shares', codes: ['M'], coder: 'bob', speaker: 'P1' },
        { phrase: 'Merged three.', codes: ['M1', 'X'], coder: 'ann', speaker: 'P1' },
      ],
      { partnership: 'North' },
      ['ann', 'bob'],
    ),
    makeSource(
      'S2',
      'P2: Alpha sub here. Beta again.',
      [
        { phrase: 'Alpha sub here.', codes: ['A1'], coder: 'bob', speaker: 'P2' },
        { phrase: 'Beta again.', codes: ['B'], coder: 'bob', speaker: 'P2' },
        { phrase: 'Alpha sub', codes: ['A'], coder: 'ann', speaker: 'P2' },
      ],
      { partnership: 'South' },
      ['ann', 'bob'],
    ),
  ];
  return { sources, codebook };
}
