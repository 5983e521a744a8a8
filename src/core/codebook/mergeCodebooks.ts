import type { Citation, Code, Codebook, HistoryEntry, Origin } from '../model/codebook';
import type { Diagnostic } from '../model/diagnostic';
import { PRESET_NAME_PATTERN } from './codebookFile';
import type { CodeEntry, CodebookFile, Reference } from './codebookFile';
import { collectSubtree } from './collectSubtree';
import { diagnosticAt as at } from './diagnosticAt';
import { linkHierarchy } from './linkHierarchy';
import type { UnlinkedCode } from './linkHierarchy';
import { nearestIds } from './nearestCodeIds';
import { parseCodebook } from './parseCodebook';
import { normalisePath, resolveRelativePath } from './resolveRelativePath';

/** The text of a codebook file and the path to report it under. */
export interface CodebookText {
  text: string;
  path: string;
}

/** How `mergeCodebooks` reaches the files named in `extends:`. */
export interface MergeOptions {
  /** Text of a bundled preset by name, or undefined when there is none. Default: no presets. */
  resolvePreset?: (name: string) => CodebookText | undefined;
  /**
   * Text of a codebook file by path (relative to the workspace root, `/`
   * separators, resolved against the extending file), or undefined when it
   * cannot be read. Default: no files.
   */
  readFile?: (path: string) => string | undefined;
  /** Names of the bundled presets, used to suggest one for an unknown name. Default: none. */
  presetNames?: readonly string[];
}

/** A merged codebook and every problem found while merging (including in extended files). */
export interface CodebookResult {
  codebook: Codebook;
  diagnostics: Diagnostic[];
}

/** What an `extends:` entry points at. */
interface Target {
  key: string;
  preset: string | null;
  load(): CodebookFile | undefined;
}

/** A code while files are merged. */
interface WorkingCode extends UnlinkedCode {
  /** Where its id was last written (for duplicate messages). */
  idOrigin: Origin;
}

const YAML_PATH = /\.ya?ml$/i;

/**
 * Merges parsed codebook files, in order, into one codebook.
 *
 * Each file's `extends:` is merged first (depth first, each preset or file
 * once, even when several files extend it), then its `drop:` removes
 * inherited codes with their descendants, then its codes are added. A code
 * whose id was inherited through the file's own `extends:` overrides the
 * inherited code: the fields it gives replace the inherited ones, its history
 * is appended, its children are added. Never throws; problems are
 * diagnostics: `extends-cycle`, `unknown-preset`, `extends-not-found`,
 * `bad-extends`, `drop-not-inherited`, `duplicate-id` (at the second
 * definition, which is ignored), `missing-name` (the id stands in),
 * `parent-conflict`, and those of `linkHierarchy` and of `parseCodebook` for
 * extended files. The diagnostics of `files` themselves are the caller's (see
 * `compileCodebook`).
 */
export function mergeCodebooks(files: readonly CodebookFile[], options: MergeOptions = {}): CodebookResult {
  const merger = new Merger(files, options);
  for (const file of files) {
    const key = fileKey(file.path);
    if (!merger.loaded.has(key)) merger.mergeFile(file, key, null, [key]);
  }
  return merger.finish();
}

function fileKey(path: string): string {
  return `file:${normalisePath(path)}`;
}

function where(origin: Origin): string {
  return `${origin.path}:${origin.line}:${origin.column}`;
}

class Merger {
  readonly loaded = new Set<string>();
  private readonly given = new Map<string, CodebookFile>();
  private readonly codes = new Map<string, WorkingCode>();
  /** Ids each merged file brought in, its own and those it inherited. */
  private readonly contributed = new Map<string, Set<string>>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly history: HistoryEntry[] = [];
  private readonly citations: Citation[] = [];
  private readonly citationKeys = new Set<string>();
  private readonly files: string[] = [];

  constructor(
    files: readonly CodebookFile[],
    private readonly options: MergeOptions,
  ) {
    for (const file of files) if (!this.given.has(fileKey(file.path))) this.given.set(fileKey(file.path), file);
  }

  mergeFile(file: CodebookFile, key: string, preset: string | null, stack: string[]): void {
    const inherited = new Set<string>();
    for (const reference of file.extends) {
      const target = this.resolve(reference, file, preset);
      if (!target) continue;
      if (stack.includes(target.key)) {
        const chain = [...stack.slice(stack.indexOf(target.key)), target.key].map(labelOf);
        this.diagnostics.push(
          at(reference.origin, 'error', 'extends-cycle', `\`extends\` makes a cycle: ${chain.join(' → ')}`),
        );
        continue;
      }
      if (!this.loaded.has(target.key)) {
        const extended = target.load();
        if (!extended) continue;
        this.mergeFile(extended, target.key, target.preset, [...stack, target.key]);
      }
      for (const id of this.contributed.get(target.key) ?? []) inherited.add(id);
    }

    for (const reference of file.drop) this.drop(reference, inherited, file.codes);

    const own = new Set<string>();
    for (const entry of file.codes) {
      const existing = this.codes.get(entry.id);
      if (own.has(entry.id) || (existing && !inherited.has(entry.id))) {
        const first = existing ? ` at ${where(existing.idOrigin)}` : '';
        this.diagnostics.push(
          at(entry.idOrigin, 'error', 'duplicate-id', `Code id ${entry.id} is already defined${first}`),
        );
        continue;
      }
      own.add(entry.id);
      if (existing) this.override(existing, entry);
      else this.add(entry, preset);
    }

    this.history.push(...file.history);
    if (file.source) {
      const citationKey = JSON.stringify(file.source);
      if (!this.citationKeys.has(citationKey)) {
        this.citationKeys.add(citationKey);
        this.citations.push(file.source);
      }
    }
    this.files.push(file.path);
    this.loaded.add(key);
    this.contributed.set(key, new Set([...inherited, ...own]));
  }

  finish(): CodebookResult {
    const { codes, roots } = linkHierarchy([...this.codes.values()], this.diagnostics);
    return {
      codebook: { codes, roots, history: this.history, citations: this.citations, files: this.files },
      diagnostics: this.diagnostics,
    };
  }

  private resolve(reference: Reference, from: CodebookFile, preset: string | null): Target | undefined {
    const name = reference.value;
    if (YAML_PATH.test(name)) {
      const path = resolveRelativePath(from.path, name);
      const key = fileKey(path);
      return {
        key,
        preset,
        load: () => {
          const given = this.given.get(key);
          if (given) return given;
          const text = this.options.readFile?.(path);
          if (text === undefined) {
            this.diagnostics.push(
              at(reference.origin, 'error', 'extends-not-found', `Cannot read \`${name}\` (looked for ${path})`),
            );
            return undefined;
          }
          return this.parse({ text, path });
        },
      };
    }
    if (PRESET_NAME_PATTERN.test(name)) {
      return {
        key: `preset:${name}`,
        preset: name,
        load: () => {
          const found = this.options.resolvePreset?.(name);
          if (found) return this.parse(found);
          const near = nearestIds(this.options.presetNames ?? [], name, 3);
          const known = this.options.presetNames?.length
            ? `; bundled presets: ${this.options.presetNames.join(', ')}`
            : '';
          const hint = near.length > 0 ? `; did you mean \`${near[0]}\`?` : known;
          this.diagnostics.push(at(reference.origin, 'error', 'unknown-preset', `Unknown preset \`${name}\`${hint}`));
          return undefined;
        },
      };
    }
    this.diagnostics.push(
      at(
        reference.origin,
        'error',
        'bad-extends',
        `\`${name}\` is neither a preset name nor a relative path ending in .yaml`,
      ),
    );
    return undefined;
  }

  private parse(source: { text: string; path: string }): CodebookFile {
    const parsed = parseCodebook(source.text, source.path);
    this.diagnostics.push(...parsed.diagnostics);
    return parsed.file;
  }

  /**
   * Removes an inherited code and its descendants, except a descendant that
   * the same file moves out from under it (its entry's nesting or `parent:`
   * names a code that is not removed), which stays with its own descendants.
   */
  private drop(reference: Reference, inherited: Set<string>, entries: readonly CodeEntry[]): void {
    const id = reference.value;
    if (!inherited.has(id) || !this.codes.has(id)) {
      this.diagnostics.push(
        at(
          reference.origin,
          'error',
          'drop-not-inherited',
          `Cannot drop ${id}: it is not a code inherited through \`extends\``,
        ),
      );
      return;
    }
    const links = [...this.codes.values()].map((code) => ({ id: code.code.id, parent: code.parentId }));
    const subtree = collectSubtree(id, links);
    const moved = new Set<string>();
    for (const entry of entries) {
      const parent = entry.nestedIn ?? entry.parent?.value;
      if (entry.id !== id && subtree.has(entry.id) && parent !== undefined && !subtree.has(parent)) moved.add(entry.id);
    }
    const doomed = moved.size > 0 ? collectSubtree(id, links, moved) : subtree;
    for (const doomedId of doomed) this.codes.delete(doomedId);
  }

  private add(entry: CodeEntry, preset: string | null): void {
    if (entry.name === undefined) {
      this.diagnostics.push(at(entry.origin, 'error', 'missing-name', `Code ${entry.id} has no \`name\``));
    }
    const code: Code = {
      id: entry.id,
      name: entry.name ?? entry.id,
      description: entry.description ?? null,
      color: entry.color ?? null,
      parent: null,
      children: [],
      group: entry.group ?? null,
      level: entry.level ?? null,
      aliases: [],
      example: entry.example ?? null,
      history: [...entry.history],
      preset,
      extra: { ...entry.extra },
      origin: entry.origin,
    };
    const parent = this.parentOf(entry);
    this.codes.set(entry.id, {
      code,
      parentId: parent?.id ?? null,
      parentOrigin: parent?.origin ?? null,
      aliases: entry.aliases ?? [],
      idOrigin: entry.idOrigin,
    });
  }

  private override(existing: WorkingCode, entry: CodeEntry): void {
    const code = existing.code;
    if (entry.name !== undefined) code.name = entry.name;
    if (entry.description !== undefined) code.description = entry.description;
    if (entry.color !== undefined) code.color = entry.color;
    if (entry.group !== undefined) code.group = entry.group;
    if (entry.level !== undefined) code.level = entry.level;
    if (entry.example !== undefined) code.example = entry.example;
    if (entry.aliases !== undefined) existing.aliases = entry.aliases;
    code.history = [...code.history, ...entry.history];
    code.extra = { ...code.extra, ...entry.extra };
    if (code.inheritedFrom === undefined && code.origin !== null) code.inheritedFrom = code.origin;
    code.origin = entry.origin;
    existing.idOrigin = entry.idOrigin;
    const parent = this.parentOf(entry);
    if (parent) {
      existing.parentId = parent.id;
      existing.parentOrigin = parent.origin;
    }
  }

  /** The parent an entry asks for: its nesting wins over a conflicting `parent:`, which is reported. */
  private parentOf(entry: CodeEntry): { id: string; origin: Origin } | undefined {
    if (entry.nestedIn !== undefined) {
      if (entry.parent && entry.parent.value !== entry.nestedIn) {
        this.diagnostics.push(
          at(
            entry.parent.origin,
            'error',
            'parent-conflict',
            `Code ${entry.id} is nested in ${entry.nestedIn} but names \`parent: ${entry.parent.value}\``,
          ),
        );
      }
      return { id: entry.nestedIn, origin: entry.origin };
    }
    return entry.parent ? { id: entry.parent.value, origin: entry.parent.origin } : undefined;
  }
}

function labelOf(key: string): string {
  return key.replace(/^(?:file|preset):/, '');
}
