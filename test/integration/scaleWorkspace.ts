// The workspace of the scale launch of the integration suite (run.js): the benchmark's corpus of
// 5,000 transcripts (about 62 MB, as `BENCH_FILES=5000 npm run bench` writes it) with a codebook
// that defines every code the corpus uses, so the workspace has no unknown-code warnings, as a
// real study would not. Written into a temp folder at test time; never committed.
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../bench/generateCorpus';

/** Number of transcripts of the scale workspace. */
export const scaleTranscripts = 5000;
/** Their approximate size in characters (the benchmark's default). */
const transcriptSize = 12_000;
/** Folder of the transcripts, relative to the workspace. */
export const scaleTranscriptFolder = 'transcripts';

/** The codes of the benchmark's corpus, with their children. */
const codes: { id: string; name: string; color: string; group: string; children?: string[] }[] = [
  { id: 'T1', name: 'Meaning of co-production', color: '#1f77b4', group: 'tensions', children: ['T1a', 'T1b'] },
  { id: 'T2', name: 'Whose knowledge counts', color: '#d62728', group: 'tensions', children: ['T2a'] },
  { id: 'T3', name: 'Time and pace', color: '#2ca02c', group: 'tensions', children: ['T3a'] },
  { id: 'T4', name: 'Money and power', color: '#9467bd', group: 'tensions', children: ['T4b'] },
  ...['#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#ff7f0e', '#393b79', '#637939', '#843c39']
    .map((color, at) => ({ id: `M${at + 1}`, name: `Mechanism ${at + 1}`, color, group: 'mechanisms' })),
];

/** The codebook YAML: every code of the corpus, sub-codes under their parents. */
function codebookYaml(): string {
  const lines = ['# Codebook of the generated 5,000-transcript study (the codes of the benchmark corpus).', 'codes:'];
  for (const code of codes) {
    lines.push(`  - id: ${code.id}`, `    name: ${code.name}`, `    color: "${code.color}"`, `    group: ${code.group}`);
    if (!code.children) continue;
    lines.push('    children:');
    for (const child of code.children) lines.push(`      - id: ${child}`, `        name: ${code.name} (${child})`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the scale workspace into `folder` (which must exist) and returns the transcripts' total bytes. */
export function writeScaleWorkspace(folder: string): number {
  fs.writeFileSync(path.join(folder, 'codebook.yaml'), codebookYaml());
  return generateCorpus(path.join(folder, scaleTranscriptFolder), scaleTranscripts, transcriptSize);
}
