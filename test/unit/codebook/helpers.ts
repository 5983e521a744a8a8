import type { Diagnostic } from '../../../src/core/model/diagnostic';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import type { CodebookResult, CodebookText } from '../../../src/core/codebook/mergeCodebooks';

/** Joins lines with `\n`, so a test shows line numbers by position. */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/** `path:line:column severity rule` of each diagnostic, for compact assertions. */
export function placed(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
}

/** Compiles in-memory codebooks: `files` by path (first is the workspace codebook unless `main` says) and presets by name. */
export function compileInMemory(
  main: string | string[],
  files: Record<string, string> = {},
  presets: Record<string, string> = {},
): CodebookResult {
  const mains = Array.isArray(main) ? main : ['codebook.yaml'];
  const texts: CodebookText[] = Array.isArray(main)
    ? mains.map((path) => ({ path, text: files[path] ?? '' }))
    : [{ path: 'codebook.yaml', text: main }];
  return compileCodebook(texts, {
    readFile: (path) => files[path],
    resolvePreset: (name) =>
      presets[name] === undefined ? undefined : { path: `presets/${name}.yaml`, text: presets[name]! },
    presetNames: Object.keys(presets),
  });
}
