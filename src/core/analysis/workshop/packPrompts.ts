import type { MergedLater } from '../../codebook/stepView';
import type { PackCard } from './resourcePack';

/** What {@link packPrompts} needs beyond the card. */
export interface PackPromptContext {
  /** The attribute the columns split by, or `source`. */
  by: string;
  /** Every coder of the corpus in scope. */
  allCoders: string[];
  /** Whether any excerpt of the card is marked exemplar. */
  exemplars: boolean;
  /** The merged row the card stands for, when it is one (`TC4 + TC5 + TC6`); default none. */
  merged?: MergedLater | null;
  /** Cards of merged rows that hold excerpts this candidate cannot be told apart from; default none. */
  mergedCards?: string[];
}

function plural(by: string): string {
  return by.endsWith('s') ? `${by} values` : `${by}s`;
}

function names(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/**
 * Discussion prompts for a card, worded from its numbers, in this order:
 * on the card of a merged row, which of its candidates each excerpt speaks
 * to; a candidate without excerpts (pointing to the merged row's card when
 * its codings are there); the later codes it is counted through; the
 * candidates it shares the most coded text with (up to two: might they
 * merge?), or that it shares none; how far it held across the
 * columns (all, some, one); a theme only one of several coders saw; no
 * exemplar marked; and last, always, where the card goes in the circles.
 */
export function packPrompts(card: PackCard, context: PackPromptContext): string[] {
  const prompts: string[] = [];
  if (context.merged) {
    const { members, into, written } = context.merged;
    prompts.push(`${names(members)} were merged later into ${names(into)}: these excerpts, coded ${names(written)}, cannot be told apart among them. Which of them does each speak to?`);
  } else if (card.excerpts === 0 && (context.mergedCards ?? []).length > 0) {
    prompts.push(`No excerpt is coded with it alone: its codings after the merge are on the card ${names(context.mergedCards ?? [])}, which cannot tell it apart from the candidates merged with it.`);
  } else if (card.excerpts === 0) {
    prompts.push('No excerpt is coded with it: is it a tension the team saw that the transcripts do not show, or was it coded under another name?');
  }
  if (card.countedThrough.length > 0 && !context.merged) {
    prompts.push(`Counted through ${names(card.countedThrough)}, codes the transcripts carry today.`);
  }
  if (card.excerpts > 0) {
    const top = card.related.slice(0, 2);
    if (top.length > 0) {
      const list = top.map((entry) => `${entry.id} ${entry.name} (${entry.excerpts} of its ${card.excerpts} excerpts)`).join(' and ');
      prompts.push(`Shares coded text most with ${list}: one tension or two? Could they merge?`);
    } else {
      prompts.push('Shares no coded text with the other candidates: does it stand on its own?');
    }
    const found = card.columns.filter((column) => column.excerpts > 0);
    const missing = card.columns.filter((column) => column.excerpts === 0);
    if (card.columns.length > 1) {
      if (missing.length === 0) prompts.push(`Found in all ${card.columns.length} ${plural(context.by)}: does it play out the same way in each?`);
      else if (found.length === 1) prompts.push(`Found only in ${found[0]!.label}: is it particular to that ${context.by}, or did the others not talk about it?`);
      else prompts.push(`Found in ${found.length} of ${card.columns.length} ${plural(context.by)}, not in ${names(missing.map((column) => column.label))}: does it hold there too?`);
    }
    if (context.allCoders.length > 1 && card.coders.length === 1) {
      prompts.push(`Only ${card.coders[0]} coded it: did the other coders see it under another code?`);
    }
    if (!context.exemplars) prompts.push('No excerpt is marked exemplar: which passage shows it best?');
  }
  prompts.push('Inner circle (among the most important) or outer circle?');
  return prompts;
}
