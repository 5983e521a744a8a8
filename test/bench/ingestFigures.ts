/**
 * Benchmark figures of transcript import (`npm run bench`): 100 generated
 * Word transcripts of about 50 KB against the bare mammoth conversion of the
 * same files in the same run, and 100 WebVTT files of about 60 KB in all.
 */
import mammoth from 'mammoth';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { importTranscript } from '../../src/core/ingest/importTranscript';
import type { Figure } from './figure';
import { random } from './generateCorpus';


const WORDS = 'we the partnership funding team research practice people work time because really think know meeting evidence community staff university trust café Zoë Łódź “quoted” [laughs] 5* rating_scale'.split(' ');
const SPEAKERS = ['Interviewer', 'Zoë Łukasz', 'Ana-María Núñez'];

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 18);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return words.join(' ').replace(/^./, (first) => first.toUpperCase()) + '.';
}

function paragraphText(next: () => number): string {
  return Array.from({ length: 1 + Math.floor(next() * 4) }, () => sentence(next)).join(' ');
}

/** A Word interview of about `size` characters of text: a heading per topic, bold labels, italics. */
async function wordTranscript(seed: number, size: number): Promise<Uint8Array> {
  const next = random(seed);
  const children: Paragraph[] = [];
  let length = 0;
  let turn = 0;
  while (length < size) {
    if (turn % 12 === 0) children.push(new Paragraph({ text: `Topic ${turn / 12 + 1}`, heading: HeadingLevel.HEADING_2 }));
    const speaker = turn % 2 === 0 ? SPEAKERS[0] : SPEAKERS[1 + Math.floor(next() * 2)];
    const text = paragraphText(next);
    const cut = text.indexOf(' ', text.length / 2);
    children.push(new Paragraph({ children: [new TextRun({ text: `${speaker}:`, bold: true }), new TextRun(' ' + text.slice(0, cut)), new TextRun({ text: text.slice(cut), italics: next() < 0.2 })] }));
    if (next() < 0.3) children.push(new Paragraph(paragraphText(next)));
    length += text.length + speaker.length;
    turn++;
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ title: `Interview ${seed}`, sections: [{ children }] })));
}

/** A Teams-style WebVTT file of about `size` characters: voice tags, cues of a few seconds. */
function vttTranscript(seed: number, size: number): string {
  const next = random(seed);
  const stamp = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 23);
  let text = 'WEBVTT\n\n';
  let time = 0;
  let speaker = SPEAKERS[0];
  for (let cue = 1; text.length < size; cue++) {
    if (next() < 0.3) speaker = SPEAKERS[Math.floor(next() * SPEAKERS.length)];
    const duration = 2 + next() * 4;
    text += `${seed}-${cue}\n${stamp(time)} --> ${stamp(time + duration)}\n<v ${speaker}>${sentence(next).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</v>\n\n`;
    time += duration;
  }
  return text;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Measures the transcript import figures and hands each to `report`. */
export async function measureTranscriptImport(report: (figure: Figure) => void, log: (line: string) => void): Promise<void> {
  const words: Uint8Array[] = [];
  for (let index = 0; index < 100; index++) words.push(await wordTranscript(1000 + index, 50_000));
  const wordBytes = words.reduce((sum, bytes) => sum + bytes.length, 0);
  log(`transcripts in: 100 generated Word transcripts (~50 KB of text each, ${(wordBytes / 1e6).toFixed(1)} MB of .docx)`);
  const bare = async () => {
    for (const bytes of words) await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  };
  const full = async () => {
    for (const [index, bytes] of words.entries()) {
      const result = await importTranscript(bytes, `interview-${index}.docx`, { id: `interview-${index}` });
      if (!result.ok) throw new Error(`import of a generated Word file failed: ${result.error}`);
    }
  };
  await bare();
  await full();
  const bareTimes: number[] = [];
  const importTimes: number[] = [];
  // Interleaved rounds, so both see the same machine load.
  for (let round = 0; round < 3; round++) {
    let start = performance.now();
    await bare();
    bareTimes.push(performance.now() - start);
    start = performance.now();
    await full();
    importTimes.push(performance.now() - start);
  }
  const bareTime = median(bareTimes);
  const importTime = median(importTimes);
  report({ name: 'import 100 Word transcripts of ~50 KB', value: `${(importTime / 1000).toFixed(2)} s (median of 3)`, ratio: importTime / bareTime, baseline: `bare mammoth conversion of the same files (${(bareTime / 1000).toFixed(2)} s)`, target: '≤ 1.5×', pass: importTime / bareTime <= 1.5 });

  const vtts = Array.from({ length: 100 }, (_, index) => new TextEncoder().encode(vttTranscript(2000 + index, 60_000)));
  const vttBytes = vtts.reduce((sum, bytes) => sum + bytes.length, 0);
  const vttRound = async () => {
    for (const [index, bytes] of vtts.entries()) {
      const result = await importTranscript(bytes, `call-${index}.vtt`, { id: `call-${index}` });
      if (!result.ok) throw new Error(`import of a generated WebVTT file failed: ${result.error}`);
    }
  };
  await vttRound();
  const vttTimes: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await vttRound();
    vttTimes.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const vttTime = median(vttTimes);
  // CPU time beside wall time: on a shared machine the wall time includes waiting for a core.
  report({ name: `import 100 WebVTT files of ~60 KB (${(vttBytes / 1e6).toFixed(1)} MB)`, value: `${vttTime.toFixed(0)} ms wall, ${median(cpuTimes).toFixed(0)} ms CPU (median of 3)`, ratio: vttTime / 1000, baseline: '1 s', target: '< 1 s in all', pass: vttTime < 1000 });
}
