import fs from 'node:fs';
import path from 'node:path';

/** A small deterministic pseudo-random generator (mulberry32), so every run writes the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'we the partnership funding team research practice people work time because really think know meeting ' +
  'evidence community staff university trust patients public lead project money role service change ' +
  'together partners academic clinical questions culture share skills power decisions involvement care ' +
  'local commissioners report data outcome impact learning relationship value honest difficult'
).split(' ');
const ACCENTED = ['café', 'naïve', 'Zoë', 'façade', 'Åsa', 'Łódź', 'Müller', '“quoted”', '—', '😀', '中文', 'ĳ'];
const CODES = ['T1', 'T1a', 'T1b', 'T2', 'T2a', 'T3', 'T3a', 'T4', 'T4b', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9'];
const CODERS = ['pg', 'rk', 'sm'];
const PARTNERSHIPS = ['Harbourside', 'Pennine Valleys', 'Northgate', 'Midshire', 'Eastern Fens'];

/** Options of `generateTranscript`. */
export interface TranscriptShape {
  /** Approximate size in characters. */
  size: number;
  crlf: boolean;
  nonAscii: boolean;
  /** Characters between codings, on average. */
  codingEvery: number;
}

/**
 * Writes one realistic coded interview transcript: front matter, topic
 * headings, interviewer and participant turns, text directives about every
 * `codingEvery` characters (some nested, some with memos, exemplars, crossing
 * fragments), and a container around a turn now and then.
 */
export function generateTranscript(index: number, shape: TranscriptShape, next: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const sentence = (min: number, max: number) => {
    const count = min + Math.floor(next() * (max - min));
    const words: string[] = [];
    for (let word = 0; word < count; word++) words.push(shape.nonAscii && next() < 0.04 ? pick(ACCENTED) : pick(WORDS));
    const text = words.join(' ');
    return text[0].toUpperCase() + text.slice(1) + pick(['.', '.', '?', '!']);
  };
  const attributes = (extra = '') => {
    // T1 rides along on about a third of the codings, so the bench can rename a code used ~10,000 times.
    const codes = [pick(CODES), ...(next() < 0.3 ? ['T1'] : [])];
    const memo = next() < 0.15 ? ` memo="${sentence(3, 9).replace(/"/g, '')}"` : '';
    const exemplar = next() < 0.05 ? ' exemplar' : '';
    return `{${[...new Set(codes)].map((code) => `.${code}`).join(' ')} by=${pick(CODERS)}${memo}${exemplar}${extra}}`;
  };
  const participant = `P${(index % 40) + 1}`;
  const lines: string[] = [
    '---',
    `id: int-${String(index).padStart(4, '0')}`,
    `title: Interview ${index}`,
    `partnership: ${pick(PARTNERSHIPS)}`,
    `role: ${pick(['academic lead', 'practice lead', 'public contributor', 'manager'])}`,
    `date: 2021-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    'type: interview',
    `coders: [${CODERS.join(', ')}]`,
    '---',
    '',
    `# Interview ${index}`,
    '',
  ];
  let size = lines.join('\n').length;
  let sinceCoding = 0;
  let fragmentId = 0;
  let section = 0;
  while (size < shape.size) {
    if (next() < 0.08 || section === 0) {
      section++;
      lines.push(`## ${sentence(2, 5).slice(0, -1)}`, '');
    }
    lines.push(`**Interviewer:** ${sentence(8, 20)}`, '');
    const parts: string[] = [];
    const sentences = 3 + Math.floor(next() * 6);
    for (let count = 0; count < sentences; count++) {
      const text = sentence(8, 22);
      sinceCoding += text.length;
      if (sinceCoding >= shape.codingEvery * (0.5 + next())) {
        sinceCoding = 0;
        const roll = next();
        if (roll < 0.12) {
          const words = text.split(' ');
          const middle = Math.max(1, Math.floor(words.length / 2));
          parts.push(`:code[${words.slice(0, middle).join(' ')} :code[${words.slice(middle).join(' ')}]${attributes()}]${attributes()}`);
        } else if (roll < 0.18) {
          fragmentId++;
          const words = text.split(' ');
          const middle = Math.max(1, Math.floor(words.length / 2));
          const shared = attributes(` id=f${fragmentId}`);
          parts.push(`:code[${words.slice(0, middle).join(' ')}]${shared} :code[${words.slice(middle).join(' ')}]${shared}`);
        } else {
          parts.push(`:code[${text}]${attributes()}`);
        }
      } else {
        parts.push(text);
      }
    }
    const turn = `**${participant}:** ${parts.join(' ')}`;
    if (next() < 0.06) {
      lines.push(`:::code${attributes()}`, turn, ':::', '');
    } else {
      lines.push(turn, '');
    }
    size += turn.length + 60;
  }
  const text = lines.join('\n');
  return shape.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Writes `count` transcripts of about `size` characters into `folder` and returns their total bytes. */
export function generateCorpus(folder: string, count: number, size: number, seed = 42): number {
  const next = random(seed);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const text = generateTranscript(index, { size, crlf: index % 10 === 3, nonAscii: index % 4 === 1, codingEvery: 300 }, next);
    const file = path.join(folder, `interview-${String(index).padStart(4, '0')}.md`);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
