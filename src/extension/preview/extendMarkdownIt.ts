import type { MarkdownIt } from 'markdown-it';
import { markdownItCodePlugin, type CodePluginOptions } from '../../core/render/markdownItCodePlugin';

/** The codebook lookups the preview reads at render time; empty until the extension sets them. */
let currentLookup: CodePluginOptions = {};

/**
 * Sets the codebook lookups (code colour, code name) the Markdown preview uses
 * from its next render on. Call it whenever the codebook changes; an empty
 * object returns to palette colours and bare code ids.
 */
export function setPreviewCodebook(lookup: CodePluginOptions): void {
  currentLookup = lookup;
}

/**
 * The `extendMarkdownIt` hook of the extension's API (VS Code calls it with
 * the preview's markdown-it because package.json declares
 * `contributes["markdown.markdownItPlugins"]`): adds the Markdown QDA plugin and
 * returns the same instance.
 */
export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  return md.use(markdownItCodePlugin, {
    colorOf: (code: string) => currentLookup.colorOf?.(code),
    nameOf: (code: string) => currentLookup.nameOf?.(code),
  });
}
