import { parseDocument } from 'yaml';
import type { CodebookText } from './mergeCodebooks';
import type { Citation } from '../model/codebook';

/** One line naming a preset's paper, from its `source:` block; empty when it has none. */
function citationLine(preset: CodebookText): string {
  const source = parseDocument(preset.text).toJS()?.source as Citation | undefined;
  if (!source) return '';
  const doi = source.doi ? ` doi:${source.doi}` : '';
  const journal = source.journal ? ` ${source.journal}.` : '';
  return `${source.authors} (${source.year}). ${source.title}.${journal}${doi}`;
}

/** Id of the first code a preset defines, if any. */
function firstCodeId(preset: CodebookText | undefined): string | undefined {
  const codes = preset ? (parseDocument(preset.text).toJS()?.codes as Array<{ id?: unknown }> | undefined) : undefined;
  const id = Array.isArray(codes) ? codes[0]?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The text of a workspace codebook that extends the presets `names`: a header
 * citing each preset's paper and saying how to adapt it, `extends:`, and an
 * empty `codes:` list for the team's own codes and overrides.
 */
export function extendingCodebook(names: readonly string[], presets: readonly CodebookText[]): string {
  const cited = presets.map((preset, index) => `#   ${names[index]}: ${citationLine(preset)}`);
  const sample = firstCodeId(presets[0]) ?? 'X1';
  return [
    '# Codebook of this workspace (format: docs/codebook.md in the Markdown QDA repository).',
    '#',
    '# It builds on bundled presets, which cite these papers:',
    ...cited,
    '#',
    '# The presets are not copied: their codes are inherited and stay in step with the tool.',
    '# To adapt them without copying, add entries under `codes:`:',
    '#   - a new code:                  - { id: NEW1, name: "…", description: "…" }',
    `#   - a sub-code of a preset code: - { id: ${sample}x, parent: ${sample}, name: "…" }`,
    `#   - rename or recolour one:      - { id: ${sample}, name: "…", color: "#1f77b4" }`,
    '# and leave codes out with `drop: [ID, …]`. Record changes in `history:`.',
    `extends: ${names.length === 1 ? names[0] : `[${names.join(', ')}]`}`,
    '',
    'codes: []',
    '',
  ].join('\n');
}

/** The text of a stand-alone copy of one preset, with a header saying where it came from. */
export function copiedCodebook(name: string, preset: CodebookText): string {
  return [
    `# Copied from the bundled preset "${name}" by mdqda init --copy; edit freely.`,
    '# It no longer follows changes to the preset. Format: docs/codebook.md.',
    preset.text,
  ].join('\n');
}
