import { escapeHtml } from './renderHtml';
import type { PreviewCoding } from './previewCoding';

/** What the preview may know of the codebook. Both lookups are optional. */
export interface CodeLookup {
  /** The CSS colour of a code (the codebook's `color`), or undefined for the default palette. */
  colorOf?(code: string): string | undefined;
  /** The display name of a code, for tooltips, or undefined. */
  nameOf?(code: string): string | undefined;
}

/** Where a fragment stands among the fragments sharing its `id=` (1-based). */
export interface FragmentPlace {
  index: number;
  count: number;
}

/** How many palette colours `media/preview.css` defines (`.mdqda-hue-0` …). */
export const PALETTE_SIZE = 8;

const CSS_COLOR = /^(?:#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,30}|(?:rgb|rgba|hsl|hsla)\([0-9.,%\s/a-z]{1,60}\))$/;

/** A colour safe to put in a style attribute (hex, a name, rgb()/hsl()), or null. */
export function safeCssColor(color: string | undefined): string | null {
  if (color === undefined) return null;
  const trimmed = color.trim();
  return CSS_COLOR.test(trimmed) ? trimmed : null;
}

/** The palette slot of a code without a codebook colour: a stable hash of its id. */
export function hueOf(code: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < code.length; index++) {
    hash ^= code.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PALETTE_SIZE;
}

/** ` class="…" style="…"` giving the colour of `code` (palette class, codebook colour over it). */
function colorAttributes(baseClass: string, code: string | undefined, lookup: CodeLookup): string {
  if (code === undefined) return ` class="${baseClass} mdqda-uncoded"`;
  const color = safeCssColor(lookup.colorOf?.(code));
  const style = color ? ` style="--mdqda-color: ${escapeHtml(color)}"` : '';
  return ` class="${baseClass} mdqda-hue-${hueOf(code)}"${style}`;
}

/** The tooltip of a coding: codes with names, coder, memo, exemplar, fragment, other attributes. */
export function codingTitle(coding: PreviewCoding, lookup: CodeLookup, fragment: FragmentPlace | null): string {
  const lines: string[] = [];
  for (const code of coding.codes) {
    const name = lookup.nameOf?.(code);
    lines.push(name ? `${code}: ${name}` : code);
  }
  if (coding.codes.length === 0) lines.push('(no code)');
  if (coding.coder) lines.push(`by ${coding.coder}`);
  if (coding.exemplar) lines.push('exemplar');
  if (coding.memo !== null) lines.push(`memo: ${coding.memo}`);
  if (coding.id) lines.push(fragment && fragment.count > 1 ? `excerpt ${coding.id}, fragment ${fragment.index} of ${fragment.count}` : `excerpt ${coding.id}`);
  for (const [key, value] of coding.others) lines.push(value ? `${key}=${value}` : key);
  return lines.join('\n');
}

/**
 * The attributes of the element that highlights a coding (`<mark>` or
 * `<div>`): class and colour of its first code, `data-codes`, `data-coder`,
 * `data-excerpt-id`, `data-exemplar`, `title`. Every value is escaped.
 */
export function codingAttributes(baseClass: string, coding: PreviewCoding, lookup: CodeLookup, fragment: FragmentPlace | null): string {
  let html = colorAttributes(baseClass, coding.codes[0], lookup);
  html += ` data-codes="${escapeHtml(coding.codes.join(' '))}"`;
  if (coding.coder) html += ` data-coder="${escapeHtml(coding.coder)}"`;
  if (coding.id) html += ` data-excerpt-id="${escapeHtml(coding.id)}"`;
  if (fragment && fragment.count > 1) html += ` data-fragment="${fragment.index}/${fragment.count}"`;
  if (coding.exemplar) html += ' data-exemplar="true"';
  html += ` title="${escapeHtml(codingTitle(coding, lookup, fragment))}"`;
  return html;
}

/**
 * The badges of a coding inside one `<tag class="mdqda-badges">` element:
 * one per code (in its colour), then the coder, a fragment counter, an
 * exemplar star and a memo mark. Empty string when there is nothing to show.
 */
export function renderBadges(tag: 'sup' | 'div', coding: PreviewCoding, lookup: CodeLookup, fragment: FragmentPlace | null, label?: string): string {
  const badges: string[] = [];
  for (const code of coding.codes) {
    const name = lookup.nameOf?.(code);
    const title = name ? ` title="${escapeHtml(`${code}: ${name}`)}"` : '';
    badges.push(`<span${colorAttributes('mdqda-badge', code, lookup)}${title}>${escapeHtml(code)}</span>`);
  }
  if (coding.coder) badges.push(`<span class="mdqda-badge mdqda-coder" title="coder">${escapeHtml(coding.coder)}</span>`);
  if (coding.id && fragment && fragment.count > 1) {
    badges.push(`<span class="mdqda-badge mdqda-fragment" title="${escapeHtml(`excerpt ${coding.id}, fragment ${fragment.index} of ${fragment.count}`)}">${fragment.index}/${fragment.count}</span>`);
  }
  if (coding.exemplar) badges.push('<span class="mdqda-badge mdqda-exemplar" title="exemplar">★</span>');
  if (coding.memo !== null) badges.push(`<span class="mdqda-badge mdqda-memo" title="${escapeHtml(`memo: ${coding.memo}`)}">✎</span>`);
  if (label) badges.push(`<span class="mdqda-block-label">${escapeHtml(label)}</span>`);
  if (badges.length === 0) return '';
  return `<${tag} class="mdqda-badges">${badges.join('')}</${tag}>`;
}
