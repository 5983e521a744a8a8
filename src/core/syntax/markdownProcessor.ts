import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkDirective).use(remarkFrontmatter, ['yaml']);

/**
 * Parses Markdown with directives and YAML front matter into an mdast tree
 * with positions (UTF-16 offsets). The tree is read for positions only and
 * never serialised back.
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
