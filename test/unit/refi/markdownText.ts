import fc from 'fast-check';

/** Lines Markdown (with directives and front matter) reads as something other than a paragraph, and some that are. */
export const markdownLine = fc.constantFrom(
  '---', '***', '+++', '===', '- - -', '# Heading', '## Sub *heading*', '* star item', '- dash item', '+ plus item', '1. numbered', '2) numbered',
  '> quoted', '>> nested quote', ':::note', ':::', '::::aside{.x}', '::leaf[label]{a=b}', ':name[label]{#id .class key="v"}', ':abbr', 'a:b:c',
  '[link]: http://example.com "title"', '[text](http://x.y) and ![img](i.png)', '[^1]: footnote', '<div>', '</div>', '<div class="note">', '<!-- comment -->',
  '<script>', '</script>', '<pre>', '<br/>', '<span>inline</span> html', '    indented code', '\tcode after a tab', '| a | b |', '| --- | --- |', '|x|',
  '```', '```js', '~~~', 'key: value', 'title: "quoted"', 'id: other', '', '', '', ' ', '\\', 'ends with backslash \\', 'a\\[b\\]c', '[unclosed',
  'text with *emph* and `code`', '**P1:** I think so.', 'Interviewer: and then?', '&amp; &#x41; &nbsp;', 'Ünïcödé 😀 中文 עברית', '𝔘𝔫𝔦 🎉🎉',
  '\uFEFFafter a BOM', 'tab\there', '  two spaces before', 'trailing two  ', '_under_ __strong__', '~~strike~~', '$$', '<http://auto.link>', '{.class}', '{', '}',
);
/** A line of words and Markdown's special characters. */
export const wordLine = fc
  .array(fc.constantFrom('alpha', 'beta', 'gamma', 'ж', 'ß', '中文', '😀', 'x', ':', '[', ']', '\\', '*', '_', '`', '<', '>', '&', '#', '|', '{', '}', '"'), { minLength: 1, maxLength: 8 })
  .map((words) => words.join(' '));
/** Texts of such lines and of words with Markdown's special characters, LF or CRLF; never `code` directive syntax. */
export const sourceText = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: markdownLine }, { weight: 2, arbitrary: wordLine }), { minLength: 1, maxLength: 14 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, finalNewline]) => lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? (crlf ? '\r\n' : '\n') : ''))
  .filter((text) => !/:+code(?![A-Za-z0-9_-])/.test(text));
