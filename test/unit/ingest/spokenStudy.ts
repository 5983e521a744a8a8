import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A turn as it was spoken: who, when (seconds), and its pieces (cues or paragraphs), in order. */
export interface SpokenTurn {
  speaker: string;
  time: number;
  pieces: string[];
}

/**
 * An interview with non-ASCII names and text full of characters Markdown
 * would read as markup; no two consecutive turns share a speaker.
 */
export const STUDY: SpokenTurn[] = [
  { speaker: 'Interviewer', time: 3, pieces: ['Welcome, thank you for joining. How did the partnership start?'] },
  { speaker: 'Zoë Łukasz', time: 9, pieces: ['It started in 2019, really *slowly* at first.', 'We had 5 < 6 partners & a shared_drive [laughs] <inaudible>.'] },
  { speaker: 'Interviewer', time: 65, pieces: ['# Was that planned?', '1. Or did it just happen?'] },
  { speaker: 'Ana-María Núñez', time: 71, pieces: ['Ça dépend. //S02: yes // We met at 11:02 every week.', 'Remember: nobody paid for the room, Łódź 中文 too.'] },
  { speaker: 'Zoë Łukasz', time: 3725, pieces: ['> Quoting the board: “no”.', '- and that was it ~~really~~ `done` :code[x]{.A} &amp; \\ end.'] },
  { speaker: 'Interviewer', time: 3790, pieces: ['Thank you!'] },
];

/** A heading the Word fixtures start with. */
export const HEADING = 'Interview Łódź 3';

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (seconds: number, separator = '.') => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${separator}000`;
const short = (seconds: number) => (seconds >= 3600 ? `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` : `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`);
const escapeVtt = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cues of the study: each piece one cue of two seconds, starting at its turn's time. */
function cues(study: SpokenTurn[]): { turn: SpokenTurn; piece: string; index: number; start: number }[] {
  return study.flatMap((turn) => turn.pieces.map((piece, index) => ({ turn, piece, index, start: turn.time + index * 2 })));
}

/** Text fixtures by style name: file name and content. */
export function textFixtures(study: SpokenTurn[] = STUDY): { name: string; file: string; text: string; clockBase?: number; preamble?: string }[] {
  const all = cues(study);
  return [
    {
      name: 'WebVTT with voice tags (Teams)',
      file: 'teams.vtt',
      text: 'WEBVTT\n\n' + all.map((cue, at) => `id-${at}\n${clock(cue.start)} --> ${clock(cue.start + 2)}\n<v ${cue.turn.speaker}>${escapeVtt(cue.piece)}</v>\n`).join('\n'),
    },
    {
      name: 'WebVTT with a name on every cue (Zoom)',
      file: 'zoom.vtt',
      text: 'WEBVTT\n\n' + all.map((cue, at) => `${at + 1}\n${clock(cue.start)} --> ${clock(cue.start + 2)}\n${cue.turn.speaker}: ${cue.piece.replace(/&/g, '&amp;')}\n`).join('\n'),
    },
    {
      name: 'SubRip with the name on the first cue of a turn (podcast)',
      file: 'podcast.srt',
      text: all.map((cue, at) => `${at + 1}\n${clock(cue.start, ',')} --> ${clock(cue.start + 2, ',')}\n${cue.index === 0 ? `${cue.turn.speaker}: ` : ''}${cue.piece}\n`).join('\n'),
    },
    {
      name: 'text with [Name] 11:02:09 headers',
      file: 'bracket.txt',
      text: study.map((turn) => `[${turn.speaker}] ${clock(turn.time + 11 * 3600).slice(0, 8)}\n${turn.pieces.join('\n')}\n`).join('\n'),
      clockBase: 11 * 3600,
    },
    {
      name: 'text with Name (00:01:23): headers',
      file: 'paren.txt',
      text: study.map((turn) => `${turn.speaker} (${clock(turn.time).slice(0, 8)}): ${turn.pieces.join('\n\n')}\n`).join('\n'),
    },
    {
      name: 'text with Speaker  0:03 lines (Otter)',
      file: 'otter.txt',
      text: study.map((turn) => `${turn.speaker}  ${short(turn.time)}\n${turn.pieces.join(' ')}\n`).join('\n'),
    },
    {
      name: 'text with Name: paragraphs',
      file: 'colon.txt',
      preamble: 'Interview of 5 March 2024',
      text: 'Interview of 5 March 2024\n\n' + study.map((turn) => `${turn.speaker}: ${turn.pieces.join('\n\n')}\n`).join('\n'),
    },
  ];
}

/** Word fixtures by style name: a generated .docx each. */
export async function wordFixtures(study: SpokenTurn[] = STUDY): Promise<{ name: string; file: string; bytes: Uint8Array; heading: boolean }[]> {
  const bold = new Document({
    title: 'Interview Łódź',
    sections: [
      {
        children: [
          new Paragraph({ text: HEADING, heading: HeadingLevel.HEADING_1 }),
          ...study.flatMap((turn) =>
            turn.pieces.map((piece, index) => {
              const [first, ...rest] = piece.split(' ');
              const runs = [new TextRun({ text: first, italics: index === 1 }), new TextRun(rest.length > 0 ? ' ' + rest.join(' ') : '')];
              return new Paragraph({ children: index === 0 ? [new TextRun({ text: `${turn.speaker}:`, bold: true }), new TextRun(' '), ...runs] : runs });
            }),
          ),
        ],
      },
    ],
  });
  const cell = (texts: string[]) => new TableCell({ children: texts.map((text) => new Paragraph(text)) });
  const table = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: HEADING, heading: HeadingLevel.HEADING_2 }),
          new Table({ rows: [new TableRow({ children: [cell(['Speaker']), cell(['Text'])] }), ...study.map((turn) => new TableRow({ children: [cell([turn.speaker]), cell(turn.pieces)] }))] }),
        ],
      },
    ],
  });
  const timed = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: HEADING, heading: HeadingLevel.HEADING_1 }),
          new Table({ rows: study.map((turn) => new TableRow({ children: [cell([clock(turn.time).slice(0, 8)]), cell([turn.speaker]), cell(turn.pieces)] })) }),
        ],
      },
    ],
  });
  const teams = new Document({
    sections: [{ children: [new Paragraph({ text: HEADING, heading: HeadingLevel.HEADING_1 }), ...study.flatMap((turn) => [new Paragraph(`${turn.speaker}   ${short(turn.time)}`), ...turn.pieces.map((piece) => new Paragraph(piece))])] }],
  });
  const bytes = async (document: Document) => new Uint8Array(await Packer.toBuffer(document));
  return [
    { name: 'Word with bold Name: labels', file: 'bold.docx', bytes: await bytes(bold), heading: true },
    { name: 'Word with a speaker | text table', file: 'table.docx', bytes: await bytes(table), heading: true },
    { name: 'Word with a time | speaker | text table', file: 'timed.docx', bytes: await bytes(timed), heading: true },
    { name: 'Word with Name  0:03 lines (Teams)', file: 'teams.docx', bytes: await bytes(teams), heading: true },
  ];
}
