import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs, CliIo, Command } from '../command';
import { UsageError } from '../command';
import { compileCodebook } from '../../core/codebook/compileCodebook';
import { copiedCodebook, extendingCodebook } from '../../core/codebook/presetCodebookText';
import type { CodebookText } from '../../core/codebook/mergeCodebooks';
import { listPresets, readPreset } from '../../node/presets';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { countOf } from '../../core/render/countOf';

/** File written when neither `-o` nor a folder is given. */
const DEFAULT_OUTPUT = 'codebook.yaml';

/** Where `init` finds the bundled presets; tests pass their own. */
export interface PresetSource {
  names: () => string[];
  read: (name: string) => CodebookText | undefined;
}

const bundledPresets: PresetSource = {
  names: () => listPresets(),
  read: (name) => readPreset(name),
};

/**
 * Builds the `init` command over a preset source (default: the bundled
 * presets). `init --preset NAME` writes `codebook.yaml` (or `-o FILE`, or
 * `codebook.yaml` in the folder given as argument) extending the preset;
 * `--preset` may be repeated. `--copy` writes a stand-alone copy of one preset
 * instead. An existing file is kept unless `--force`. Unknown or missing
 * preset, or an existing file: exit 2 with a one-line message.
 */
export function createInitCommand(presets: PresetSource = bundledPresets): Command {
  return {
    name: 'init',
    summary: 'write a codebook from a bundled preset (tensions, mechanisms, facilitators, impact, compromise)',
    usage: [
      'Usage: mdqda init --preset NAME [--preset NAME…] [FOLDER] [-o FILE] [--copy] [--force]',
      '',
      'Writes a workspace codebook (default FOLDER/codebook.yaml) that extends the named presets:',
      'the preset codes are inherited, and the file holds only your own codes and changes.',
      '  --copy   write a full, stand-alone copy of one preset instead of extending it',
      '  --force  overwrite an existing file',
      '',
      `Presets: ${presets.names().join(', ')}`,
    ].join('\n'),
    options: {
      preset: { type: 'string', multiple: true },
      copy: { type: 'boolean' },
      force: { type: 'boolean' },
    },
    async run(args: CliArgs, io: CliIo): Promise<number> {
      const available = presets.names();
      const list = available.join(', ');
      const wanted = (args.values.preset as string[] | undefined) ?? [];
      if (wanted.length === 0) throw new UsageError(`--preset NAME is required (presets: ${list})`);
      const unknown = wanted.filter((name) => !available.includes(name));
      if (unknown.length > 0) throw new UsageError(`unknown preset '${unknown[0]}' (presets: ${list})`);
      const names = [...new Set(wanted)];
      const texts = names.map((name) => presets.read(name));
      const missing = names.find((_, index) => texts[index] === undefined);
      if (missing !== undefined) throw new UsageError(`cannot read preset '${missing}' (presets: ${list})`);
      const loaded = texts as CodebookText[];
      if (args.values.copy && names.length > 1) throw new UsageError('--copy takes exactly one --preset');
      if (args.positionals.length > 1) throw new UsageError(`expected at most one folder, got ${args.positionals.length}`);

      const text = args.values.copy ? copiedCodebook(names[0], loaded[0]) : extendingCodebook(names, loaded);
      const output = typeof args.values.output === 'string'
        ? path.resolve(io.cwd, args.values.output)
        : path.resolve(io.cwd, args.positionals[0] ?? '.', DEFAULT_OUTPUT);
      const shown = path.relative(io.cwd, output) || output;
      if (fs.existsSync(output) && !args.values.force) {
        throw new UsageError(`${shown} already exists (use --force to overwrite)`);
      }

      // The written codebook must load cleanly; a preset that does not is a packaging bug.
      const check = compileCodebook([{ text, path: shown }], {
        resolvePreset: (name) => presets.read(name),
        presetNames: available,
      });
      const errors = check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      if (errors.length > 0) {
        const first = errors[0];
        throw new Error(`preset codebook does not load: ${first.path}:${first.line}:${first.column}: ${first.message}`);
      }

      try {
        await writeFileAtomic(output, text);
      } catch (error) {
        throw new UsageError(`cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const how = args.values.copy ? 'a copy of' : 'extending';
      io.stdout(`Wrote ${shown}: ${how} ${names.join(', ')} (${countOf(check.codebook.codes.size, 'code')})\n`);
      return 0;
    },
  };
}

/** `mdqda init`: writes a workspace codebook from the bundled presets. */
export const initCommand: Command = createInitCommand();
