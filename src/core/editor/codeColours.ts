import type { Codebook } from '../model/codebook';

/**
 * Colours given to codes that set none: ten distinct hues that stay legible as a light tint
 * behind text in light and dark themes.
 */
export const DEFAULT_PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1',
  '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#8cd17d',
];

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The colour of each code id, as lower-case `#rrggbb`: the codebook `color` when it is a valid
 * hex colour, else the default palette, by the code's place in the codebook (so a code keeps its
 * colour when others are used or not). Ids in `used` that the codebook lacks get palette colours
 * after the codebook's, in the order given. Never throws.
 */
export function codeColours(codebook: Codebook, used: Iterable<string> = []): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const code of codebook.codes.values()) {
    const own = code.color && HEX.test(code.color) ? expand(code.color) : undefined;
    colours.set(code.id, own ?? DEFAULT_PALETTE[next % DEFAULT_PALETTE.length]);
    if (!own) next++;
  }
  for (const id of used) {
    if (colours.has(id)) continue;
    colours.set(id, DEFAULT_PALETTE[next % DEFAULT_PALETTE.length]);
    next++;
  }
  return colours;
}

/** `#abc` → `#aabbcc`, lower case. */
function expand(colour: string): string {
  const hex = colour.slice(1).toLowerCase();
  return hex.length === 3 ? `#${[...hex].map((digit) => digit + digit).join('')}` : `#${hex}`;
}
