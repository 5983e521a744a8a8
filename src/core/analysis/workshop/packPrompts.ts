import type { PackCard, PackRelated } from './resourcePack';

/** What {@link packPrompts} needs beyond the card. */
export interface PackPromptContext {
  /** The attribute the columns split by, or `source`. */
  by: string;
  /** Every coder of the corpus in scope. */
  allCoders: string[];
  /** Whether any excerpt of the card is marked exemplar. */
  exemplars: boolean;
  /** Each candidate's `sharedWith` (candidates counted through the same later codes); default none. */
  sharedWith?: Record<string, string[]>;
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
 * a candidate without excerpts; counts shared with other candidates through
 * later codes; the candidates it shares the most coded text with (up to two,
 * candidates counted together through the same later codes named as one:
 * might they merge?), or that it shares none; how far it held across the
 * columns (all, some, one); a theme only one of several coders saw; no
 * exemplar marked; and last, always, where the card goes in the circles.
 */
export function packPrompts(card: PackCard, context: PackPromptContext): string[] {
  const prompts: string[] = [];
  if (card.excerpts === 0) {
    prompts.push('No excerpt is coded with it: is it a tension the team saw that the transcripts do not show, or was it coded under another name?');
  }
  if (card.countedThrough.length > 0) {
    const verb = card.sharedWith.length === 1 ? 'is' : 'are';
    const shared = card.sharedWith.length > 0 ? `, as ${verb} ${names(card.sharedWith)}: the counts cannot tell these candidates apart` : '';
    prompts.push(`Counted through ${names(card.countedThrough)}, codes the transcripts carry today${shared}.`);
  }
  if (card.excerpts > 0) {
    // Candidates counted through the same later codes share text with this card equally: name them together.
    const groups: PackRelated[][] = [];
    for (const entry of card.related) {
      const group = groups.find((members) => members[0]!.excerpts === entry.excerpts && (context.sharedWith?.[members[0]!.id] ?? []).includes(entry.id));
      if (group) group.push(entry);
      else groups.push([entry]);
    }
    const top = groups.slice(0, 2);
    if (top.length > 0) {
      const list = top
        .map((members) => {
          const label = members.length === 1 ? `${members[0]!.id} ${members[0]!.name}` : `${names(members.map((m) => m.id))}, counted together`;
          return `${label} (${members[0]!.excerpts} of its ${card.excerpts} excerpts)`;
        })
        .join(' and ');
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
