import type { CodingChange, TranscriptCodingDiff } from '../merge/diffCodings';
import { describeCodingChange, plainTextChange } from './renderCodingDiff';
import { escapeHtml } from './renderHtml';

/** Options of {@link renderCodingDiffHtml}. */
export interface RenderCodingDiffHtmlOptions {
  /** Document language. Default `en`. */
  lang?: string;
}

const STYLE = `body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #222; max-width: 60rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
ul { padding-left: 1.25rem; }
li { margin: .25rem 0; }
.kind { display: inline-block; min-width: 6.5em; font-weight: 600; }
.added .kind { color: #1a7f37; }
.removed .kind { color: #cf222e; }
.plain-text { color: #9a6700; font-weight: 600; }
.status { color: #555; font-weight: normal; }`;

function changeHtml(change: CodingChange): string {
  const description = describeCodingChange(change);
  // The description starts with the kind; it is set apart so a reader can scan the list by kind.
  const rest = description.startsWith(change.kind) ? description.slice(change.kind.length) : ` ${description}`;
  return `<li class="${change.kind.replace(/[^a-z-]/g, '')}"><span class="kind">${escapeHtml(change.kind)}</span>${escapeHtml(rest)}</li>`;
}

/**
 * The coding diff as one standalone HTML document (inline style, no script):
 * a heading per transcript, the plain-text change when there is one, one
 * list item per excerpt change with the same words as the Markdown form.
 */
export function renderCodingDiffHtml(diffs: readonly TranscriptCodingDiff[], title = 'Coding changes', options: RenderCodingDiffHtmlOptions = {}): string {
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (diffs.length === 0) body.push('<p>No coding or plain-text changes.</p>');
  for (const diff of diffs) {
    const status = diff.status === 'changed' ? '' : ` <span class="status">(transcript ${diff.status})</span>`;
    body.push(`<h2>${escapeHtml(diff.path)}${status}</h2>`, '<ul>');
    const plain = plainTextChange(diff);
    if (plain) body.push(`<li><span class="plain-text">plain text changed</span>: ${escapeHtml(plain)}</li>`);
    for (const change of diff.changes) body.push(changeHtml(change));
    body.push('</ul>');
  }
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
