import type { IngestedTranscript } from './transcriptModel';

/** A parsed `--speakers` value: old name → new name, in the order given. */
export type SpeakerMap = Map<string, string>;

/**
 * Parses `Speaker 1=Interviewer,Speaker 2=P3` (names trimmed). Returns an
 * error for an entry without `=`, with an empty side, or a name given twice.
 */
export function parseSpeakerMap(text: string): { ok: true; map: SpeakerMap } | { ok: false; error: string } {
  const map: SpeakerMap = new Map();
  for (const entry of text.split(',')) {
    if (entry.trim().length === 0) continue;
    const equals = entry.indexOf('=');
    const from = equals < 0 ? '' : entry.slice(0, equals).trim();
    const to = equals < 0 ? '' : entry.slice(equals + 1).trim();
    if (!from || !to) return { ok: false, error: `--speakers: "${entry.trim()}" is not OLD=NEW` };
    if (map.has(from)) return { ok: false, error: `--speakers: "${from}" is given twice` };
    map.set(from, to);
  }
  if (map.size === 0) return { ok: false, error: '--speakers: no OLD=NEW pair given' };
  return { ok: true, map };
}

/**
 * The transcript with speakers renamed by `map` (names compared as written),
 * and the old names of `map` that occur in it.
 */
export function renameSpeakers(transcript: IngestedTranscript, map: SpeakerMap): { transcript: IngestedTranscript; used: Set<string> } {
  const used = new Set<string>();
  const blocks = transcript.blocks.map((block) => {
    if (block.kind !== 'turn' || block.speaker === null || !map.has(block.speaker)) return block;
    used.add(block.speaker);
    return { ...block, speaker: map.get(block.speaker) as string };
  });
  return { transcript: { ...transcript, blocks }, used };
}
