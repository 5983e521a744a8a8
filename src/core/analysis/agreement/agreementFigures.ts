import { cohenKappa } from './cohenKappa';
import { fleissKappa } from './fleissKappa';
import { nominalAlphaFromCoincidences } from './krippendorffAlpha';
import { percentAgreement } from './percentAgreement';
import { popCount, type PatternCounts } from './patternCounts';
import { definedStatistic, undefinedStatistic, type Statistic } from './statistic';

/** The 2×2 table of two coders for one code (or pooled over codes). */
export interface PairTable {
  /** Units both coded with the code. */
  both: number;
  /** Units only the first coder coded. */
  firstOnly: number;
  /** Units only the second coder coded. */
  secondOnly: number;
  /** Units neither coded. */
  neither: number;
}

/** Agreement of one pair of coders. */
export interface PairAgreement {
  coders: [string, string];
  percentAgreement: number | null;
  kappa: number | null;
  table: PairTable;
  /** Why a `null` statistic is undefined, by statistic name. */
  reasons: Record<string, string>;
}

/** The agreement figures of one code (or of all codes pooled). */
export interface AgreementFigures {
  /** Proportion (0–1) of agreeing decisions; with more than two coders, the mean over pairs. */
  percentAgreement: number | null;
  /** Cohen's kappa for two coders; with more, the mean of the pairwise kappas (Light's kappa). */
  kappa: number | null;
  /** Krippendorff's alpha (nominal) over all compared coders. */
  alpha: number | null;
  /** Fleiss' kappa, for more than two coders; `null` for two. */
  fleiss: number | null;
  /** Units compared (code points; for pooled figures, code points × codes). */
  units: number;
  /** Units each coder coded with the code. */
  coded: Record<string, number>;
  /** Cohen's kappa and percent agreement for each pair of coders. */
  pairwise: PairAgreement[];
  /** Why a `null` statistic is undefined, by statistic name. */
  reasons: Record<string, string>;
}

function pairTable(patterns: PatternCounts, first: number, second: number): PairTable {
  const table: PairTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  const firstBit = 1 << first;
  const secondBit = 1 << second;
  for (const [pattern, units] of patterns) {
    const a = (pattern & firstBit) !== 0;
    const b = (pattern & secondBit) !== 0;
    if (a && b) table.both += units;
    else if (a) table.firstOnly += units;
    else if (b) table.secondOnly += units;
    else table.neither += units;
  }
  return table;
}

function record(reasons: Record<string, string>, name: string, statistic: Statistic): number | null {
  if (statistic.reason !== null) reasons[name] = statistic.reason;
  return statistic.value;
}

/**
 * Computes percent agreement, Cohen's kappa (pairwise), Fleiss' kappa (more
 * than two coders) and Krippendorff's alpha (nominal) from the pattern counts
 * of one code, or of several codes pooled, for `coders` (bit i of a pattern is
 * `coders[i]`). Every unit is coded or not by every coder (no missing values).
 * Undefined statistics are `null`, with the reason in `reasons`.
 */
export function agreementFigures(patterns: PatternCounts, coders: readonly string[]): AgreementFigures {
  const count = coders.length;
  const reasons: Record<string, string> = {};
  let units = 0;
  const coded: Record<string, number> = {};
  for (const coder of coders) coded[coder] = 0;
  const profiles: number[][] = [];
  const weights: number[] = [];
  const coincidences = [
    [0, 0],
    [0, 0],
  ];
  for (const [pattern, patternUnits] of patterns) {
    units += patternUnits;
    coders.forEach((coder, i) => {
      if (pattern & (1 << i)) coded[coder]! += patternUnits;
    });
    const yes = popCount(pattern);
    const no = count - yes;
    profiles.push([no, yes]);
    weights.push(patternUnits);
    if (count > 1) {
      const weight = patternUnits / (count - 1);
      coincidences[0]![0]! += weight * no * (no - 1);
      coincidences[1]![1]! += weight * yes * (yes - 1);
      coincidences[0]![1]! += weight * no * yes;
      coincidences[1]![0]! += weight * no * yes;
    }
  }

  const pairwise: PairAgreement[] = [];
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const table = pairTable(patterns, i, j);
      const matrix = [
        [table.both, table.firstOnly],
        [table.secondOnly, table.neither],
      ];
      const pairReasons: Record<string, string> = {};
      pairwise.push({
        coders: [coders[i]!, coders[j]!],
        percentAgreement: record(pairReasons, 'percentAgreement', percentAgreement(matrix)),
        kappa: record(pairReasons, 'kappa', cohenKappa(matrix)),
        table,
        reasons: pairReasons,
      });
    }
  }

  let agreement: Statistic;
  let kappa: Statistic;
  if (count < 2) {
    agreement = undefinedStatistic('fewer than two coders to compare');
    kappa = agreement;
  } else if (units === 0) {
    agreement = undefinedStatistic('no units to compare');
    kappa = agreement;
  } else {
    agreement = definedStatistic(pairwise.reduce((sum, pair) => sum + pair.percentAgreement!, 0) / pairwise.length);
    const undefinedPair = pairwise.find((pair) => pair.kappa === null);
    kappa = undefinedPair
      ? undefinedStatistic(
          count === 2
            ? undefinedPair.reasons.kappa!
            : `kappa of ${undefinedPair.coders.join(' and ')} is undefined: ${undefinedPair.reasons.kappa}`,
        )
      : definedStatistic(pairwise.reduce((sum, pair) => sum + pair.kappa!, 0) / pairwise.length);
  }
  const alpha =
    count < 2 ? undefinedStatistic('fewer than two coders to compare') : nominalAlphaFromCoincidences(coincidences);
  const fleiss =
    count > 2 ? fleissKappa(profiles, weights) : undefinedStatistic('Fleiss\' kappa is reported for more than two coders');

  return {
    percentAgreement: record(reasons, 'percentAgreement', agreement),
    kappa: record(reasons, 'kappa', kappa),
    alpha: record(reasons, 'alpha', alpha),
    fleiss: record(reasons, 'fleiss', fleiss),
    units,
    coded,
    pairwise,
    reasons,
  };
}
