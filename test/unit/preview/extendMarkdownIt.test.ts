import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { extendMarkdownIt, setPreviewCodebook } from '../../../src/extension/preview/extendMarkdownIt';
import { PALETTE_SIZE } from '../../../src/core/render/previewMarkup';

const root = join(__dirname, '..', '..', '..');

describe('the preview hook of the extension', () => {
  afterEach(() => setPreviewCodebook({}));

  it('adds the plugin to the markdown-it it is given and returns that instance', () => {
    const md = new MarkdownIt();
    assert.equal(extendMarkdownIt(md), md);
    assert.match(md.render('A :code[span]{.T1}.'), /<mark class="mdqda-excerpt[^"]*" data-codes="T1"/);
  });

  it('uses the codebook set last, at render time', () => {
    const md = extendMarkdownIt(new MarkdownIt());
    assert.ok(!md.render(':code[a]{.T1}').includes('--mdqda-color'));
    setPreviewCodebook({ colorOf: (code) => (code === 'T1' ? '#123456' : undefined), nameOf: () => 'Funding' });
    const html = md.render(':code[a]{.T1}');
    assert.match(html, /style="--mdqda-color: #123456"/);
    assert.match(html, /title="T1: Funding"/);
  });

  it('is declared in package.json under the flat keys VS Code reads, with the preview style sheet, which styles every palette colour in both themes', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    // VS Code's Markdown extension reads contributes["markdown.markdownItPlugins"], not a nested object.
    assert.equal(manifest.contributes.markdown, undefined);
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(manifest.contributes['markdown.previewStyles'], ['./media/preview.css']);
    const css = readFileSync(join(root, 'media', 'preview.css'), 'utf8');
    for (let hue = 0; hue < PALETTE_SIZE; hue++) {
      assert.match(css, new RegExp(`^\\.mdqda-hue-${hue} \\{ --mdqda-color: #[0-9a-f]{6}; \\}$`, 'm'));
      assert.match(css, new RegExp(`^body\\.vscode-dark \\.mdqda-hue-${hue} \\{ --mdqda-color: #[0-9a-f]{6}; \\}$`, 'm'));
    }
    for (const selector of ['mark.mdqda-excerpt', 'div.mdqda-block', '.mdqda-badge', 'body.vscode-dark mark.mdqda-excerpt']) {
      assert.ok(css.includes(`${selector} {`), `preview.css styles ${selector}`);
    }
  });
});
