import { computeAgreement } from '../../core/analysis/agreement/computeAgreement';
import type { AgreementReport } from '../../core/analysis/agreement/agreementReport';
import type { Source } from '../../core/model/source';
import { compareCopies, type CompareCopiesOutcome } from '../../node/compareCopies';
import type { Workspace } from '../../node/loadWorkspace';
import type { CompareSelection } from '../../webview/compare/protocol';

export type { CompareSelection };

/** A computed comparison: the report, the sources it was computed from, and a title. */
export interface ComputedComparison {
  title: string;
  report: AgreementReport;
  /** The compared sources; in a comparison of copies, with this workspace's consensus codings laid over them. */
  sources: Source[];
}

/** Coders with `by=` in the workspace other than the consensus coder, sorted. */
export function codersOf(workspace: Workspace, consensus: string): string[] {
  const coders = new Set<string>();
  for (const source of workspace.sources) for (const excerpt of source.excerpts) if (excerpt.coder !== null && excerpt.coder !== consensus) coders.add(excerpt.coder);
  return [...coders].sort();
}

/** Reads the workspace folder (first) and `other` as two copies, as `mdqda agreement --compare . OTHER` from `folder`. */
export function readCopies(other: string, folder: string): Promise<CompareCopiesOutcome> {
  return compareCopies('.', other, { cwd: folder });
}

/**
 * Computes the comparison `selection` asks for, through the same core as `mdqda agreement`
 * (and `--compare`, with the workspace folder as the first copy, read by `copies`: default
 * {@link readCopies}, a cache of it when the copies were read already). Resolves to a one-line
 * message when it cannot be made (unknown coder, fewer than two, copies that share nothing…).
 */
export async function computeSelection(
  selection: CompareSelection,
  workspace: Workspace,
  folder: string,
  consensus: string,
  copies: (other: string) => Promise<CompareCopiesOutcome> = (other) => readCopies(other, folder),
): Promise<ComputedComparison | string> {
  if (selection.kind === 'coders') {
    const outcome = computeAgreement(workspace.sources, { coders: selection.coders, codebook: workspace.codebook });
    if (!outcome.ok) return outcome.message;
    return {
      title: `Coder comparison: ${outcome.report.coders.join(', ')}`,
      report: outcome.report,
      sources: [...workspace.sources],
    };
  }
  const read = await copies(selection.other);
  if (!read.ok) return read.message;
  const coders = new Set<string>();
  for (const source of read.merged.sources) for (const excerpt of source.excerpts) if (excerpt.coder !== null) coders.add(excerpt.coder);
  // The workspace's consensus codings (unsaved ones included) show what is resolved; they are no compared coder's.
  const current = new Map(workspace.sources.map((source) => [source.id, source]));
  const sources = read.merged.sources.map((source) => {
    const here = current.get(source.id);
    if (!here || here.plainText !== source.plainText) return source;
    return { ...source, excerpts: [...source.excerpts, ...here.excerpts.filter((excerpt) => excerpt.coder === consensus)] };
  });
  const outcome = computeAgreement(sources, { coders: [...coders].sort(), codebook: workspace.codebook });
  if (!outcome.ok) return outcome.message;
  return {
    title: `Copies compared: ${read.first.name} and ${read.second.name}`,
    report: outcome.report,
    sources,
  };
}
