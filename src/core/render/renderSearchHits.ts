import type { SearchHit } from '../search/searchSources';
import { escapeCsvField } from './renderCsv';
import { escapeHtml } from './renderHtml';
import { escapeMarkdownCell } from './renderMarkdown';

/** Formats {@link renderSearchHits} writes. */
export type SearchHitFormat = 'md' | 'csv' | 'json' | 'html';

const HEADER = ['source', 'path', 'speaker', 'line', 'start', 'end', 'left', 'hit', 'right', 'codes'];

function fields(hit: SearchHit): string[] {
  return [hit.sourceId, hit.path, hit.speaker ?? '', hit.line === null ? '' : String(hit.line), String(hit.start), String(hit.end), hit.left, hit.text, hit.right, hit.codes.join(' ')];
}

/**
 * Renders a keyword-in-context list: a Markdown table (hit in bold, context
 * right- and left-aligned around it), RFC 4180 CSV with CRLF line ends, JSON
 * (an array of hit records) or a standalone HTML table. No hits gives a
 * header-only table (CSV), an empty array (JSON) or a one-line note (md, html).
 */
export function renderSearchHits(hits: readonly SearchHit[], format: SearchHitFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(hits, null, 2) + '\n';
    case 'csv':
      return [HEADER, ...hits.map(fields)].map((row) => row.map(escapeCsvField).join(',')).join('\r\n') + '\r\n';
    case 'md':
      if (hits.length === 0) return 'No hits.\n';
      return [
        '| source | speaker | line | left | hit | right | codes |',
        '| --- | --- | ---: | ---: | :---: | :--- | --- |',
        ...hits.map((hit) => {
          const cells = [hit.sourceId, hit.speaker ?? '', hit.line === null ? '' : String(hit.line), hit.left].map(escapeMarkdownCell);
          const rest = [hit.right, hit.codes.join(' ')].map(escapeMarkdownCell);
          return `| ${[...cells, `**${escapeMarkdownCell(hit.text)}**`, ...rest].join(' | ')} |`;
        }),
      ].join('\n') + '\n';
    case 'html': {
      const rows = hits.map((hit) => {
        const cells = [hit.sourceId, hit.speaker ?? '', hit.line === null ? '' : String(hit.line)].map((cell) => `<td>${escapeHtml(cell)}</td>`);
        return `<tr>${cells.join('')}<td class="left">${escapeHtml(hit.left)}</td><td class="hit"><mark>${escapeHtml(hit.text)}</mark></td><td>${escapeHtml(hit.right)}</td><td>${escapeHtml(hit.codes.join(' '))}</td></tr>`;
      });
      const body = hits.length === 0 ? '<p>No hits.</p>' : `<table>\n<thead><tr><th>source</th><th>speaker</th><th>line</th><th>left</th><th>hit</th><th>right</th><th>codes</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
      return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Search hits</title>\n<style>td.left{text-align:right}td.hit{text-align:center}td{white-space:nowrap}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
    }
  }
}
