import type { AgreementFigures } from './agreementFigures';

/** A maximal stretch of plain text coded with a code by some compared coders and not by others. */
export interface Disagreement {
  /** Source id and path. */
  source: string;
  path: string;
  /** Code-point offsets into the source's plain text, end exclusive. */
  start: number;
  end: number;
  /** Units in the stretch (code points; without whitespace under `ignoreWhitespace`). */
  units: number;
  code: string;
  /** Coders who coded the stretch with the code, in the order of `coders`. */
  coders: string[];
  /** Compared coders who did not. */
  others: string[];
  text: string;
  /** Speaker of the turn the stretch starts in. */
  speaker: string | null;
}

/** Agreement within one source (NVivo-style breakdown). */
export interface SourceAgreement {
  source: string;
  path: string;
  /** Code points compared in the source. */
  units: number;
  /** Figures for each code coded in this source by a compared coder. */
  codes: Record<string, AgreementFigures>;
  /** All codes of the report pooled, within this source. */
  overall: AgreementFigures;
}

/** A source left out because some, but not all, compared coders did not code it. */
export interface SkippedSource {
  source: string;
  path: string;
  /** Compared coders with no excerpt in it and not listed in its `coders:`. */
  missing: string[];
}

/**
 * The coder comparison of SPEC §5.6 step 2, in the JSON shape of the
 * `agreement` command (SPEC §6) plus extra fields.
 */
export interface AgreementReport {
  coders: string[];
  unit: 'codepoint';
  /** Figures per code id, in codebook order, then unknown codes by id. */
  codes: Record<string, AgreementFigures>;
  /** All codes pooled: each (code point, code) pair is one unit. */
  overall: AgreementFigures;
  /** Longest first. */
  disagreements: Disagreement[];
  perSource: SourceAgreement[];
  /** Sources compared, their code points (units per code), and sources left out. */
  compared: { sources: number; codePoints: number; skipped: SkippedSource[] };
  rollup: boolean;
  ignoreWhitespace: boolean;
  /** Excerpts without a coder (no `by=`), which no comparison can use. */
  unattributedExcerpts: number;
}
