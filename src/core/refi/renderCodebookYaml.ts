import { stringify } from 'yaml';
import type { ImportedCode } from './importCodes';

/** The codebook YAML of imported codes (docs/codebook.md), nested by `children`. */
export function renderCodebookYaml(roots: ImportedCode[], header: string): string {
  const entry = (code: ImportedCode): Record<string, unknown> => {
    const value: Record<string, unknown> = { id: code.id, name: code.name };
    if (code.description) value.description = code.description;
    if (code.color) value.color = code.color;
    if (code.group) value.group = code.group;
    if (code.children.length > 0) value.children = code.children.map(entry);
    return value;
  };
  const comment = header
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${comment}\n${stringify({ codes: roots.map(entry) }, { lineWidth: 0 })}`;
}
