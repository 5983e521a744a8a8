import { parse, postprocess, preprocess } from 'micromark';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Event } from 'micromark-util-types';

const extensions = [directive(), frontmatter(['yaml'])];

/**
 * Tokenises Markdown with directives and YAML front matter: the events that
 * remark-parse (with remark-directive and remark-frontmatter) builds its
 * syntax tree from, with the same positions, without building the tree.
 */
export function markdownEvents(text: string): Event[] {
  return postprocess(parse({ extensions }).document().write(preprocess()(text, undefined, true)));
}
