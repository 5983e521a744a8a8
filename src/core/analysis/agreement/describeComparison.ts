import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import type { AgreementFigures } from './agreementFigures';
import type { AgreementReport, Disagreement } from './agreementReport';
import { codingsAt, type CoderCodings } from './codingsAt';
import { disagreementKey, isResolved } from './resolveDisagreement';

/** A disagreement as the comparison view lists it. */
export interface ComparisonDisagreement extends Disagreement {
  /** Stable key: source, stretch, code. */
  key: string;
  /** Each compared coder's codings over the stretch. */
  codings: CoderCodings[];
  /** The consensus codings over the stretch once settled, else null. */
  resolution: CoderCodings | null;
}

/** One row of the per-code table. */
export interface ComparisonCode {
  id: string;
  /** Name from the codebook, or null for a code missing from it. */
  name: string | null;
  color: string | null;
  figures: AgreementFigures;
}

/** Everything the comparison view shows, as plain data. */
export interface Comparison {
  coders: string[];
  codes: ComparisonCode[];
  overall: AgreementFigures;
  perSource: AgreementReport['perSource'];
  disagreements: ComparisonDisagreement[];
  /** Disagreements settled by a consensus coding. */
  resolved: number;
  /** `by=` of consensus codings. */
  consensus: string;
  compared: AgreementReport['compared'];
  unattributedExcerpts: number;
}

/**
 * Describes a coder comparison for the comparison view: the report's figures
 * with code names and colours, and each disagreement with every coder's codings
 * over its stretch and, once a `consensus` coding overlaps it, that coding.
 * `sources` are those the report was computed from (ids not found: no codings).
 */
export function describeComparison(report: AgreementReport, sources: readonly Source[], codebook: Codebook, consensus: string): Comparison {
  const byId = new Map(sources.map((source) => [source.id, source]));
  let resolved = 0;
  const disagreements = report.disagreements.map((disagreement): ComparisonDisagreement => {
    const source = byId.get(disagreement.source);
    const codings = source ? codingsAt(source, disagreement.start, disagreement.end, report.coders) : report.coders.map((coder) => ({ coder, codes: [], memos: [] }));
    const fragments = source
      ? source.excerpts.filter((excerpt) => excerpt.coder === consensus).flatMap((excerpt) => excerpt.fragments)
      : [];
    const settled = source && isResolved(disagreement, fragments) ? codingsAt(source, disagreement.start, disagreement.end, [consensus])[0]! : null;
    if (settled) resolved++;
    return { ...disagreement, key: disagreementKey(disagreement), codings, resolution: settled };
  });
  return {
    coders: report.coders,
    codes: Object.entries(report.codes).map(([id, figures]) => {
      const code = codebook.codes.get(id);
      return { id, name: code?.name ?? null, color: code?.color ?? null, figures };
    }),
    overall: report.overall,
    perSource: report.perSource,
    disagreements,
    resolved,
    consensus,
    compared: report.compared,
    unattributedExcerpts: report.unattributedExcerpts,
  };
}
