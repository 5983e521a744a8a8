import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Folder of the bundled presets, found from this file (test/unit/presets → presets). */
export const presetsDir = join(__dirname, '..', '..', '..', 'presets');

/** Names of the bundled presets. */
export const presetNames = ['tensions', 'mechanisms', 'facilitators', 'impact', 'compromise'] as const;

/** One code of a preset file, with its parent id resolved from nesting. */
export interface PresetCode {
  id: string;
  name: string;
  description?: string;
  color?: string;
  group?: string;
  level?: string;
  example?: string;
  parent: string | null;
  history?: unknown[];
}

/** A preset file as YAML gives it. */
export interface PresetFile {
  source?: Record<string, unknown>;
  codes: unknown[];
  history?: Array<Record<string, unknown>>;
}

/** Reads and parses `presets/NAME.yaml`. */
export function readPreset(name: string): PresetFile {
  return parse(readFileSync(join(presetsDir, `${name}.yaml`), 'utf8')) as PresetFile;
}

/** Every code of a preset in document order, nested children flattened with their parent. */
export function flattenCodes(codes: unknown[], parent: string | null = null): PresetCode[] {
  const out: PresetCode[] = [];
  for (const raw of codes) {
    const entry = raw as Record<string, unknown>;
    const code = { ...entry, parent: (entry.parent as string | undefined) ?? parent } as PresetCode;
    out.push(code);
    if (Array.isArray(entry.children)) out.push(...flattenCodes(entry.children, code.id));
  }
  return out;
}
