import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../workspaceIndex';

/** The code id a view node carries (`{ kind: 'code', id }` or `{ kind: 'code', group: { id } }`), if any. */
export function codeIdOf(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const candidate = node as { kind?: unknown; id?: unknown; group?: { id?: unknown } };
  if (candidate.kind !== 'code') return undefined;
  if (typeof candidate.id === 'string') return candidate.id;
  return typeof candidate.group?.id === 'string' ? candidate.group.id : undefined;
}

/**
 * Asks for one code of the codebook or the transcripts in a quick pick (those in `first` listed
 * first); resolves to its id, or undefined when cancelled.
 */
export async function pickCode(index: WorkspaceIndex, placeHolder: string, first: readonly string[] = []): Promise<string | undefined> {
  const workspace = index.current ?? (await index.reload());
  const ids = new Set([...first, ...workspace.codebook.codes.keys()]);
  for (const source of workspace.sources) for (const excerpt of source.excerpts) for (const code of excerpt.codes) ids.add(code);
  const picked = await vscode.window.showQuickPick(
    [...ids].map((id) => ({ label: id, description: workspace.codebook.codes.get(id)?.name ?? 'not in the codebook' })),
    { title: 'Markdown QDA', placeHolder, matchOnDescription: true },
  );
  return picked?.label;
}
