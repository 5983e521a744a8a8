import { codebookSteps } from '../../codebook/codebookAsOf';
import { codesDepthFirst } from '../../codebook/codesDepthFirst';
import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { buildCodeTree } from '../tables/codeTree';
import { applyFilters, hasErrors, knownAttributes, type ScopedExcerpt } from '../tables/filters';
import { describeQuoteRule, pickQuotes, quoteKey } from '../tables/pickQuotes';
import { BY_SOURCE, columnHolds, sourceColumns } from '../tables/sourceColumns';
import type { Quote, TableProblem } from '../tables/table';
import { packPrompts } from './packPrompts';
import type { PackCard, PackRelated, PackResult, PackSubCode } from './resourcePack';

/** Default group of the candidates. */
export const DEFAULT_PACK_GROUP = 'tensions';
/** Default number of quotes per card. */
export const DEFAULT_PACK_QUOTES = 3;
/** Default longest quote on a card, in code points before the ellipsis. */
export const DEFAULT_PACK_QUOTE_LENGTH = 300;
/** The `asOf` value that asks for the current codebook. */
export const CURRENT_CODEBOOK = 'current';

/** Options of {@link buildPack}. */
export interface PackOptions {
  /** Group of the candidate codes. Default {@link DEFAULT_PACK_GROUP}. */
  group?: string;
  /** Step whose codebook gives the candidates; `current` for today's. Default {@link defaultPackStep}. */
  asOf?: string;
  /** Columns of the counts: `source` or a front matter attribute. Default `partnership` when a source has it, else `source`. */
  by?: string;
  /** Most quotes per card. Default {@link DEFAULT_PACK_QUOTES}. */
  quotes?: number;
  /** Longest quote. Default {@link DEFAULT_PACK_QUOTE_LENGTH}. */
  quoteLength?: number;
  /** Keep only excerpts by these coders. Default: every coder. */
  coders?: string[];
  /** Keep only sources whose attribute equals the value (`attr=value`). Default: every source. */
  where?: string[];
}

/**
 * The step a pack shows by default: the latest step before the last one of
 * the codebook history (the candidates a workshop in the last step
 * discussed), or null (the current codebook) when the history names fewer
 * than two steps.
 */
export function defaultPackStep(codebook: Codebook): string | null {
  const steps = codebookSteps(codebook);
  return steps.length >= 2 ? (steps[steps.length - 2] ?? null) : null;
}

/** An excerpt with its codes mapped to the codes of the step, and the codes written today. */
interface Mapped {
  item: ScopedExcerpt;
  written: string[];
}

function overlaps(a: ScopedExcerpt, b: ScopedExcerpt): boolean {
  return a.source === b.source && a.spans.some(([s1, e1]) => b.spans.some(([s2, e2]) => Math.max(s1, s2) < Math.min(e1, e2)));
}

function distinctSources(items: readonly Mapped[]): number {
  return new Set(items.map((m) => m.item.source)).size;
}

/**
 * Exemplars first (as {@link pickQuotes} picks them), then the most typical
 * of the remaining excerpts one at a time, until `count` quotes or no new
 * passage. Quotes in `avoid` are passed over while others remain.
 */
function chooseQuotes(items: ScopedExcerpt[], count: number, maxLength: number, codes: string[], avoid: Set<string>): Quote[] {
  const chosen = pickQuotes(items, { count, maxLength, codes, avoid });
  const keys = new Set(chosen.map(quoteKey));
  const rest = items.filter((item) => !item.excerpt.exemplar);
  while (chosen.length < count && rest.length > 0) {
    const [next] = pickQuotes(rest, { count: 1, maxLength, codes, avoid: new Set([...avoid, ...keys]) });
    if (!next || keys.has(quoteKey(next))) break;
    chosen.push(next);
    keys.add(quoteKey(next));
  }
  return chosen;
}

/**
 * Builds the workshop resource pack (SPEC §5.6 step 3): one card per
 * top-level code of `group` in the codebook as it stood after the step, in
 * codebook order, with its description, counts (excerpts coded with it or
 * its sub-codes, each once; sources; coders; per column), exemplar quotes,
 * sub-codes with their counts, the other candidates it shares coded text
 * with, and discussion prompts. Excerpts coded with codes created after the
 * step count for the candidates those codes came from ({@link stepLineage}).
 * Never throws for user input: an unknown step, group or attribute is an
 * error in `problems` and no pack; a candidate without excerpts is an
 * honest card of zeros.
 */
export function buildPack(sources: readonly Source[], codebook: Codebook, options: PackOptions = {}): PackResult {
  const problems: TableProblem[] = [];
  const group = options.group ?? DEFAULT_PACK_GROUP;
  const steps = codebookSteps(codebook);
  let step: string | null;
  if (options.asOf === undefined) step = defaultPackStep(codebook);
  else if (options.asOf === CURRENT_CODEBOOK && !steps.includes(CURRENT_CODEBOOK)) step = null;
  else step = options.asOf;
  const stepKnown = step === null || steps.includes(step);
  if (!stepKnown) problems.push({ severity: 'error', ruleId: 'unknown-step', message: `the codebook history records no step '${step}' (steps: ${steps.join(', ') || '(none)'}; or '${CURRENT_CODEBOOK}')` });
  // One reading of today's codings as of the step, shared with the tables (`applyFilters`, `stepView`).
  const scope = applyFilters(sources, codebook, { coders: options.coders, where: options.where, ...(step !== null && stepKnown ? { asOf: step } : {}) });
  problems.push(...scope.problems.filter((problem) => problem.ruleId !== 'unknown-code-used'));
  const stepCodebook = scope.codebook;
  const tree = scope.tree;
  if (stepKnown && !tree.groups().includes(group)) {
    const groups = tree.groups();
    problems.push({ severity: 'error', ruleId: 'unknown-group', message: `unknown group '${group}'${step ? ` in the codebook as of ${step}` : ''} (groups: ${groups.join(', ') || '(none)'})` });
  }
  const by = options.by ?? (knownAttributes(scope.sources).includes('partnership') ? 'partnership' : BY_SOURCE);
  const split = sourceColumns(scope.sources, by, scope.excerpts);
  if (split.problem) problems.push(split.problem);
  if (hasErrors(problems)) return { pack: null, problems };

  const today = buildCodeTree(codebook);
  const mapped: Mapped[] = scope.excerpts.map((item) => ({ item, written: [...new Set(item.excerpt.codes.map((id) => today.resolve(id)))] }));
  const bySource = new Map<Source, Mapped[]>();
  for (const m of mapped) {
    const list = bySource.get(m.item.source);
    if (list) list.push(m);
    else bySource.set(m.item.source, [m]);
  }

  const candidates = tree.inGroup(group).filter((entry) => entry.depth === 0).map((entry) => entry.id);
  const members = new Map(candidates.map((id) => [id, new Set([id, ...tree.descendantsOf(id)])]));
  const hits = (codes: readonly string[], set: ReadonlySet<string>): boolean => codes.some((id) => set.has(id));
  const itemsOf = new Map(candidates.map((id) => [id, mapped.filter((m) => hits(m.item.codes, members.get(id)!))]));
  const codeOrder = new Map([...codebook.codes.keys()].map((id, index) => [id, index]));
  const through = new Map(
    candidates.map((id) => {
      const later = new Set<string>();
      for (const m of itemsOf.get(id)!) {
        for (const written of m.written) {
          const at = scope.countFor(written);
          if (at !== null && at !== written && members.get(id)!.has(at)) later.add(written);
        }
      }
      return [id, [...later].sort((a, b) => (codeOrder.get(a) ?? 0) - (codeOrder.get(b) ?? 0))];
    }),
  );
  const mergedRows = scope.step?.merged ?? [];

  const maxLength = options.quoteLength ?? DEFAULT_PACK_QUOTE_LENGTH;
  const quoteCount = options.quotes ?? DEFAULT_PACK_QUOTES;
  const shown = new Set<string>();
  const allCoders = [...new Set(scope.excerpts.map((item) => item.excerpt.coder).filter((c): c is string => c !== null))].sort();

  // A merged row cannot be told apart from the candidates it stands for, nor they from it.
  const notSeparable = (id: string): string[] => {
    const row = mergedRows.find((candidate) => candidate.id === id);
    if (row) return row.members.filter((member) => candidates.includes(member));
    return mergedRows.filter((candidate) => candidate.members.includes(id) && candidates.includes(candidate.id)).map((candidate) => candidate.id);
  };
  const cards: PackCard[] = candidates.map((id) => {
    const code = stepCodebook.codes.get(id)!;
    const own = members.get(id)!;
    const items = itemsOf.get(id)!;
    const evidenceOf = (other: ReadonlySet<string>, m: Mapped): boolean => hits(m.item.codes, other) && !hits(m.item.codes, own);
    const related: PackRelated[] = candidates
      .filter((other) => other !== id)
      .map((other) => {
        const set = members.get(other)!;
        const count = items.filter((m) => (bySource.get(m.item.source) ?? []).some((n) => (n === m || overlaps(n.item, m.item)) && evidenceOf(set, n))).length;
        return { id: other, name: stepCodebook.codes.get(other)?.name ?? other, excerpts: count };
      })
      .filter((entry) => entry.excerpts > 0)
      .sort((a, b) => b.excerpts - a.excerpts || candidates.indexOf(a.id) - candidates.indexOf(b.id));
    const subCodes: PackSubCode[] = codesDepthFirst(stepCodebook, [id])
      .slice(1)
      .map(({ id: child, depth }) => {
        const sub = stepCodebook.codes.get(child)!;
        const subItems = items.filter((m) => m.item.codes.some((code) => tree.isWithin(code, child)));
        return { id: child, name: sub.name, description: sub.description, depth, excerpts: subItems.length, sources: distinctSources(subItems) };
      });
    const quotes = chooseQuotes(items.map((m) => m.item), quoteCount, maxLength, [...own], shown);
    for (const quote of quotes) shown.add(quoteKey(quote));
    const countedThrough = through.get(id)!;
    const card: PackCard = {
      id,
      name: code.name,
      description: code.description,
      color: code.color,
      example: code.example,
      excerpts: items.length,
      sources: distinctSources(items),
      coders: [...new Set(items.map((m) => m.item.excerpt.coder).filter((c): c is string => c !== null))].sort(),
      columns: split.columns.map((column) => {
        const inColumn = items.filter((m) => columnHolds(column, m.item));
        return { key: column.key, label: column.label, excerpts: inColumn.length, sources: distinctSources(inColumn) };
      }),
      quotes,
      subCodes,
      countedThrough,
      notSeparable: notSeparable(id),
      related,
      prompts: [],
    };
    card.prompts = packPrompts(card, {
      by,
      allCoders,
      exemplars: items.some((m) => m.item.excerpt.exemplar),
      merged: mergedRows.find((row) => row.id === id) ?? null,
      mergedCards: card.notSeparable.filter((other) => (itemsOf.get(other)?.length ?? 0) > 0),
    });
    return card;
  });

  const notes = [
    step !== null
      ? `One card per top-level ${group} code as the codebook stood after ${step}, in codebook order.`
      : `One card per top-level ${group} code of the current codebook, in codebook order.`,
    'Counts: excerpts coded with the candidate or any of its sub-codes, each once; sources and coders of those excerpts.',
    'Shares text with: excerpts of the card that share at least one character with a coding of the other candidate (or carry it too); a code that counts for both candidates is not evidence of either.',
    `${describeQuoteRule(maxLength)} After the exemplars, the most typical remaining excerpts fill the card; a passage already quoted on an earlier card is passed over while the card has others.`,
    ...split.notes,
    ...scope.notes,
  ];
  return {
    pack: {
      title: `Resource pack: ${group}${step !== null ? ` candidates after ${step}` : ''}`,
      group,
      step,
      by,
      columns: split.columns.map((column) => ({ key: column.key, label: column.label })),
      coders: allCoders,
      sources: scope.sources.length,
      cards,
      notes,
    },
    problems,
  };
}
