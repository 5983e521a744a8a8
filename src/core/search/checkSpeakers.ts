import type { Source } from '../model/source';

/**
 * A one-line message when a speaker asked for has no turn in the sources
 * (naming the speakers there are), or null when every one has.
 */
export function checkSpeakers(sources: readonly Source[], speakers: readonly string[]): string | null {
  const known = new Set(sources.flatMap((source) => source.turns.map((turn) => turn.speaker)));
  const unknown = speakers.filter((speaker) => !known.has(speaker));
  if (unknown.length === 0) return null;
  const names = [...known].sort();
  return `no speaker ${unknown.map((name) => `'${name}'`).join(', ')} in the sources searched; speakers: ${names.length > 0 ? names.join(', ') : '(none)'}`;
}
