import * as vscode from 'vscode';
import type { AutocodeUnit } from '../../core/autocode/transcriptUnits';

const UNITS: { unit: AutocodeUnit; label: string; detail: string }[] = [
  { unit: 'match', label: 'Match', detail: 'only the text that matched' },
  { unit: 'sentence', label: 'Sentence', detail: 'the sentence around each hit' },
  { unit: 'paragraph', label: 'Paragraph', detail: 'the paragraph around each hit' },
  { unit: 'turn', label: "Speaker's turn", detail: 'the whole turn of the speaker, all its paragraphs' },
];

/** Asks what to widen each hit to; resolves to the unit, or undefined when cancelled. */
export async function pickAutocodeUnit(title: string, first: AutocodeUnit = 'match'): Promise<AutocodeUnit | undefined> {
  const items = [...UNITS].sort((a, b) => Number(b.unit === first) - Number(a.unit === first));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Code what around each hit?' });
  return picked?.unit;
}
