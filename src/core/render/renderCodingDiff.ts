import type { CodingChange, TranscriptCodingDiff } from '../merge/diffCodings';

const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 80 ? flat.slice(0, 77) + '…' : flat}”`;
};

/** One coding change in a line of research terms: kind, codes, coder, line and speaker, and the excerpt's words. */
export function describeCodingChange(change: CodingChange): string {
  const who = change.coder ? ` by ${change.coder}` : '';
  const where = `line ${change.line}${change.speaker ? `, ${change.speaker}` : ''}`;
  const codes = change.codes.join(' ');
  switch (change.kind) {
    case 'recoded': {
      const delta = [...(change.codesAdded ?? []).map((code) => `+${code}`), ...(change.codesRemoved ?? []).map((code) => `−${code}`)].join(' ');
      return `recoded ${delta} (now ${codes})${who} (${where}): ${quote(change.text)}`;
    }
    case 're-ranged':
      return `re-ranged ${codes}${who} (${where}): ${quote(change.textBefore ?? '')} → ${quote(change.text)}`;
    case 'memo':
      return `memo ${change.memoBefore === null || change.memoBefore === undefined ? 'added' : change.memoAfter === null || change.memoAfter === undefined ? 'removed' : 'changed'} on ${codes}${who} (${where}): ${quote(change.text)}${change.memoAfter ? ` — ${quote(change.memoAfter)}` : ''}`;
    case 'exemplar':
      return `exemplar mark changed on ${codes}${who} (${where}): ${quote(change.text)}`;
    case 'attributes':
      return `attributes changed on ${codes}${who} (${where}): ${quote(change.text)}`;
    default:
      return `${change.kind} ${codes}${who} (${where}): ${quote(change.text)}`;
  }
}

/** What happened to a transcript's plain text, in words, or null when it is the same (or the transcript is only in one copy). */
export function plainTextChange(diff: TranscriptCodingDiff): string | null {
  const { inserted, deleted } = diff.plainText;
  return inserted + deleted > 0 && diff.status === 'changed' ? `${inserted} characters inserted, ${deleted} deleted` : null;
}

/**
 * The coding diff as Markdown for a pull-request comment: a heading per
 * transcript, a line for a plain-text change, one bullet per excerpt change.
 * No transcript changed gives one line saying so.
 */
export function renderCodingDiffMarkdown(diffs: readonly TranscriptCodingDiff[], title = 'Coding changes'): string {
  if (diffs.length === 0) return `# ${title}\n\nNo coding or plain-text changes.\n`;
  const lines = [`# ${title}`, ''];
  for (const diff of diffs) {
    lines.push(`## ${diff.path}${diff.status === 'changed' ? '' : ` (transcript ${diff.status})`}`, '');
    const plain = plainTextChange(diff);
    if (plain) lines.push(`- **plain text changed**: ${plain}`);
    for (const change of diff.changes) lines.push(`- ${describeCodingChange(change)}`);
    lines.push('');
  }
  return lines.join('\n');
}
