import { zipSync } from 'fflate';
import { random } from '../../bench/generateCorpus';

/** A selection of a generated project, with whether the markup can carry a coding there. */
export interface GeneratedSelection {
  guid: string;
  /** Code-point offsets into the text, end exclusive. */
  start: number;
  end: number;
  placeable: boolean;
}

/** A `.qdpx` built in memory, with the text and selections it holds. */
export interface GeneratedProject {
  bytes: Uint8Array;
  text: string;
  selections: GeneratedSelection[];
}

/** Options of `generateProject`. */
export interface ProjectShape {
  /** How many selections (default 300). */
  selections?: number;
  /** Share of selections that start where no coding can be written: in an HTML block or on a list marker (default 0.07). */
  unplaceable?: number;
  /** Approximate size of the text in characters (default 300 000). */
  size?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
}

const WORDS = 'we the partnership funding team research practice people work time because really think know meeting evidence community staff university trust patients public lead project money role service change together'.split(' ');

function guidOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/**
 * A one-source REFI-QDA project of the shape an NVivo 12 export of a long
 * interview has: a long text of paragraphs with HTML blocks and bullet lists
 * between them, and `selections` coded selections, of which a share
 * (`unplaceable`) start inside an HTML block or on a list marker, where the
 * markup cannot carry a coding; the rest run over words of one paragraph.
 * Deterministic for a seed. The text is ASCII, so every position reading
 * places the selections alike.
 */
export function generateProject(shape: ProjectShape = {}): GeneratedProject {
  const next = random(shape.seed ?? 1);
  const size = shape.size ?? 300_000;
  const count = shape.selections ?? 300;
  const unplaceable = Math.round(count * (shape.unplaceable ?? 0.07));
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const sentence = () => Array.from({ length: 6 + Math.floor(next() * 12) }, () => pick(WORDS)).join(' ') + '.';
  // Paragraph word ranges (placeable) and HTML-block / list-marker offsets (unplaceable).
  const words: [number, number][][] = [];
  const blocked: number[] = [];
  let text = '';
  while (text.length < size) {
    const roll = next();
    if (roll < 0.08) {
      text += '<div class="note">\n';
      blocked.push(text.length + 2);
      text += `${sentence()}\n</div>\n\n`;
    } else if (roll < 0.16) {
      for (let item = 0; item < 3; item++) {
        blocked.push(text.length);
        text += `- ${sentence()}\n`;
      }
      text += '\n';
    } else {
      const paragraph: [number, number][] = [];
      const body = `P${Math.floor(next() * 40)}: ${Array.from({ length: 3 + Math.floor(next() * 5) }, sentence).join(' ')}`;
      for (const match of body.matchAll(/[a-z]+/g)) paragraph.push([text.length + (match.index ?? 0), text.length + (match.index ?? 0) + match[0].length]);
      words.push(paragraph);
      text += `${body}\n\n`;
    }
  }
  const selections: GeneratedSelection[] = [];
  for (let index = 0; index < count; index++) {
    const guid = guidOf(100 + index);
    if (index % Math.max(1, Math.floor(count / Math.max(1, unplaceable))) === 0 && selections.filter((item) => !item.placeable).length < unplaceable) {
      const start = pick(blocked);
      selections.push({ guid, start, end: start + 6, placeable: false });
      continue;
    }
    const paragraph = pick(words);
    const first = Math.floor(next() * paragraph.length);
    const last = Math.min(paragraph.length - 1, first + Math.floor(next() * 8));
    selections.push({ guid, start: paragraph[first][0], end: paragraph[last][1], placeable: true });
  }
  const selectionXml = selections
    .map((item, index) => `<PlainTextSelection guid="${item.guid}" startPosition="${item.start}" endPosition="${item.end}" creatingUser="${guidOf(1)}"><Coding guid="${guidOf(10_000 + index)}" creatingUser="${guidOf(1)}"><CodeRef targetGUID="${guidOf(10 + (index % 5))}"/></Coding></PlainTextSelection>`)
    .join('');
  const codes = Array.from({ length: 5 }, (_, index) => `<Code guid="${guidOf(10 + index)}" name="Code ${index}" isCodable="true"/>`).join('');
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="generated" origin="NVivo 12"><Users><User guid="${guidOf(1)}" name="pg"/></Users><CodeBook><Codes>${codes}</Codes></CodeBook><Sources><TextSource guid="${guidOf(2)}" name="Interview.txt" plainTextPath="internal://${guidOf(2)}.txt">${selectionXml}</TextSource></Sources></Project>\n`;
  const encoder = new TextEncoder();
  const bytes = zipSync({ 'project.qde': encoder.encode(xml), [`sources/${guidOf(2)}.txt`]: encoder.encode(text) });
  return { bytes, text, selections };
}
