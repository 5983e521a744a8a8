import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { markdownItCodePlugin, type CodePluginOptions } from '../../../src/core/render/markdownItCodePlugin';

function render(markdown: string, options: CodePluginOptions = {}, html = false): string {
  return new MarkdownIt({ html }).use(markdownItCodePlugin, options).render(markdown);
}

/** The rendered text without tags and badges, entities of markdown-it's escaping decoded. */
function visible(html: string): string {
  return html
    .replace(/<(sup|div) class="mdqda-badges">.*?<\/\1>/gs, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the Markdown preview plugin', () => {
  it('renders a coded span as a highlighted mark with its codes, followed by badges', () => {
    const html = render('**P3:** I think :code[academics are the experts]{.T2 .M3 by=pg} and that.');
    assert.match(html, /I think <mark class="mdqda-excerpt mdqda-hue-\d" data-codes="T2 M3" data-coder="pg" title="T2\nM3\nby pg">academics are the experts<\/mark><sup class="mdqda-badges">/);
    assert.match(html, /<sup class="mdqda-badges"><span class="mdqda-badge mdqda-hue-\d">T2<\/span><span class="mdqda-badge mdqda-hue-\d">M3<\/span><span class="mdqda-badge mdqda-coder" title="coder">pg<\/span><\/sup> and that\.<\/p>/);
    assert.ok(!html.includes(':code'), 'no raw markup is shown');
  });

  it('renders the label as inline Markdown with the label escapes undone, as in the plain text', () => {
    const html = render(String.raw`A :code[*often* see \[1\] and a \\ slash, **bold** and `+ '`raw`' + String.raw`]{.T1} end.`);
    assert.match(html, /<mark[^>]*><em>often<\/em> see \[1\] and a \\ slash, <strong>bold<\/strong> and <code>raw<\/code><\/mark>/);
  });

  it('reads a label as the tool writes it: a backslash before other characters stays a Markdown escape', () => {
    // The plain text `a\*b*` coded whole: the tool writes the backslash as it is.
    assert.equal(visible(render(String.raw`:code[a\*b*]{.T1}`)), 'a*b*');
    assert.equal(visible(render(String.raw`:code[\\ and \[x\]]{.T1}`)), String.raw`\ and [x]`);
  });

  it('keeps the escapes of a nested label for the nested directive', () => {
    const html = render(String.raw`:code[outer :code[in \] side]{.T1} end]{.T2}`);
    assert.match(html, /<mark[^>]*data-codes="T2"[^>]*>outer <mark[^>]*data-codes="T1"[^>]*>in \] side<\/mark>/);
  });

  it('escapes every attribute value it shows: codes, coder, memo, other attributes', () => {
    const html = render(':code[text]{.T&1 by="a&b" memo="<script>alert(1)</script> & more" note="x<y"}', {}, true);
    assert.ok(!html.includes('<script>'), html);
    assert.match(html, /data-codes="T&amp;1"/);
    assert.match(html, /data-coder="a&amp;b"/);
    assert.match(html, /memo: &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; more/);
    assert.match(html, /note=x&lt;y/);
  });

  it('escapes transcript text inside labels and blocks like the rest of the document', () => {
    const html = render(':code[<script>alert(1)</script> & co]{.T1}\n\n:::code{.T2}\nA <script> & B\n:::\n');
    assert.ok(!html.includes('<script>'), html);
    assert.match(html, />&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; co<\/mark>/);
    assert.match(html, /<p>A &lt;script&gt; &amp; B<\/p>/);
  });

  it('renders a container as a highlighted block with its badges first and its content as Markdown', () => {
    const html = render(':::code{.T1 .T1b by=rk memo="funding shapes everything"}\n**P4:** A long answer\n\nin two paragraphs.\n:::\n\nAfter.');
    assert.match(html, /^<div class="mdqda-block mdqda-hue-\d" data-codes="T1 T1b" data-coder="rk" title="[^"]*">\n<div class="mdqda-badges">.*T1<\/span>.*T1b<\/span>.*rk<\/span>.*✎<\/span><\/div>\n<p><strong>P4:<\/strong> A long answer<\/p>\n<p>in two paragraphs\.<\/p>\n<\/div>\n<p>After\.<\/p>\n$/);
  });

  it('nests codings: a span inside a span, a block inside a block with a longer fence', () => {
    const spans = render(':code[outer :code[inner]{.T1} end]{.T2}');
    assert.match(spans, /<mark[^>]*data-codes="T2"[^>]*>outer <mark[^>]*data-codes="T1"[^>]*>inner<\/mark><sup class="mdqda-badges">.*?<\/sup> end<\/mark><sup/);
    const blocks = render('::::code{.A}\n:::code{.B}\ninner\n:::\nouter\n::::\n');
    assert.match(blocks, /<div class="mdqda-block[^"]*" data-codes="A"[^>]*>\n<div class="mdqda-badges">.*?<\/div>\n<div class="mdqda-block[^"]*" data-codes="B"[^>]*>\n<div class="mdqda-badges">.*?<\/div>\n<p>inner<\/p>\n<\/div>\n<p>outer<\/p>\n<\/div>\n$/);
  });

  it('closes a container at the first fence of at least as many colons, as the parser does', () => {
    const html = render(':::code{.A}\n:::code{.B}\nx\n:::\ny\n');
    assert.match(html, /<p>x<\/p>\n<\/div>\n<\/div>\n<p>y<\/p>/);
  });

  it('codes blocks inside block quotes and list items, and a fence may interrupt a paragraph, as the parser reads them', () => {
    assert.match(render('> :::code{.T1}\n> quoted text\n> :::\n'), /^<blockquote>\n<div class="mdqda-block[^>]*data-codes="T1"[^>]*>\n<div class="mdqda-badges">.*?<\/div>\n<p>quoted text<\/p>\n<\/div>\n<\/blockquote>\n$/);
    assert.match(render('- item\n\n  :::code{.T3}\n  in list\n  :::\n'), /<li>\n<p>item<\/p>\n<div class="mdqda-block[^>]*data-codes="T3"[^>]*>\n<div class="mdqda-badges">.*?<\/div>\n<p>in list<\/p>\n<\/div>\n<\/li>/);
    assert.match(render('para\n:::code{.T1}\nnext\n:::\n'), /^<p>para<\/p>\n<div class="mdqda-block[^>]*>\n<div class="mdqda-badges">.*?<\/div>\n<p>next<\/p>\n<\/div>\n$/);
  });

  it('numbers the fragments of a crossing coding that share an id', () => {
    const html = render('One :code[first part]{.T1 id=e1} and :code[second part]{.T1 id=e1}, alone :code[x]{.T2 id=e2}.');
    assert.match(html, /data-excerpt-id="e1" data-fragment="1\/2"[^>]*>first part<\/mark>.*?fragment 1 of 2">1\/2<\/span>/s);
    assert.match(html, /data-excerpt-id="e1" data-fragment="2\/2"[^>]*>second part<\/mark>/);
    assert.match(html, /data-excerpt-id="e2" title="T2\nexcerpt e2">x<\/mark>/);
  });

  it('colours a code with the codebook colour when it is a CSS colour, else with the palette', () => {
    const colors: Record<string, string> = { T1: '#3366ff', T2: 'red; background: url(x)' };
    const html = render(':code[a]{.T1} :code[b]{.T2}', { colorOf: (code) => colors[code], nameOf: (code) => (code === 'T1' ? 'Funding & time' : undefined) });
    assert.match(html, /<mark class="mdqda-excerpt mdqda-hue-\d" style="--mdqda-color: #3366ff"[^>]*title="T1: Funding &amp; time">a<\/mark>/);
    assert.match(html, /<span class="mdqda-badge mdqda-hue-\d" style="--mdqda-color: #3366ff" title="T1: Funding &amp; time">T1<\/span>/);
    assert.ok(!html.includes('url(x)'), 'an unsafe colour is dropped');
  });

  it('shows exemplar, memo and a container label among the badges', () => {
    const html = render(':::code[The funding story]{.T1 exemplar memo=short}\nText.\n:::');
    assert.match(html, /<div class="mdqda-badges">.*title="exemplar">★<\/span>.*title="memo: short">✎<\/span><span class="mdqda-block-label">The funding story<\/span><\/div>/);
    assert.match(html, /data-exemplar="true"/);
  });

  it('leaves malformed and other markup as literal text, as the index reads it', () => {
    assert.equal(visible(render('Bare :code here and :codebook[x]{.a} and :note[y]{.b}.')), 'Bare :code here and :codebook[x]{.a} and :note[y]{.b}.');
    assert.equal(visible(render('Unclosed :code[label and more.')), 'Unclosed :code[label and more.');
    assert.equal(visible(render('Not after a colon a::code[y]{.b}, escaped \\:code[z]{.c}.')), 'Not after a colon a::code[y]{.b}, escaped :code[z]{.c}.');
    // Bad attributes: the directive ends at its label, the braces stay text.
    const html = render('Bad :code[label]{x="} end.');
    assert.match(html, /<mark class="mdqda-excerpt mdqda-uncoded" data-codes="" title="\(no code\)">label<\/mark>\{x=&quot;\} end\./);
  });

  it('leaves code spans, fenced code and indented code alone', () => {
    const html = render('Inline `:code[a]{.T1}`.\n\n```\n:code[b]{.T1}\n:::code{.T1}\n```\n\n    :::code{.T2}\n');
    assert.ok(!html.includes('<mark'), html);
    assert.ok(!html.includes('mdqda-block'), html);
  });

  it('does not take a fence line with text after its attributes for a container', () => {
    const html = render(':::code{.T1} trailing words\ncontent\n:::');
    assert.ok(!html.includes('mdqda-block'), html);
  });

  it('renders an empty coding :code{.T1} as badges only', () => {
    const html = render('Before :code{.T1} after.');
    assert.match(html, /Before <mark[^>]*data-codes="T1"[^>]*><\/mark><sup class="mdqda-badges">.*?<\/sup> after\./);
  });

  it('keeps the source line map of a block for the preview scroll sync', () => {
    const md = new MarkdownIt().use(markdownItCodePlugin);
    const tokens = md.parse('Intro.\n\n:::code{.T1}\nText.\n:::\n', {});
    const open = tokens.find((token) => token.type === 'mdqda_block_open');
    assert.deepEqual(open?.map, [2, 4]);
  });

  it('survives deep nesting and long input without throwing', () => {
    const deep = ':code['.repeat(200) + 'x' + ']{.T1}'.repeat(200);
    assert.ok(render(deep).includes('x'));
    const long = 'word :code[coded]{.T1} '.repeat(5000);
    assert.equal((render(long).match(/<mark/g) ?? []).length, 5000);
  });
});
