import * as vscode from 'vscode';
import type { AutocodeTarget } from '../../core/autocode/autocodeTranscript';
import { findAutocodeTargets } from '../../core/autocode/findAutocodeTargets';
import type { AutocodeUnit } from '../../core/autocode/transcriptUnits';
import { compileSearchPattern } from '../../core/search/compileSearchPattern';
import type { SearchHit } from '../../core/search/searchSources';
import { patternRunnerFor } from '../../node/timedPatternRunner';
import { autocodeDocuments, reportAutocode, type AutocodeSummary } from '../editing/autocodeDocuments';
import { ensureTrusted } from '../editing/ensureTrusted';
import { parseTranscriptDocument, type DocumentTranscript } from '../editing/parseTranscriptDocument';
import { readCoder } from '../readSettings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { pickAutocodeUnit } from './autocodeUnitPick';
import { pickCodes } from './codePicker';
import { recentCodesKey } from './codeSelection';
import { setCoder } from './setCoder';

/** Optional arguments of `markdownQda.findAndCode` (scripts and tests skip the prompts with them). */
export interface FindAndCodeArgs {
  /** Literal text, or a regular expression with `regex`; `/…/` typed in the box is read as one. */
  pattern?: string;
  regex?: boolean;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  codes?: string[];
  unit?: AutocodeUnit;
  coder?: string;
  /** Which hits to code, by their place in the list (default: every hit; asked for when no pattern is given). */
  hits?: number[];
}

/** How long the pattern may run on one transcript. */
const TIME_LIMIT_MS = 2000;

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

/**
 * Makes the handler of `markdownQda.findAndCode`: asks for a pattern, lists its hits in the
 * plain text of the workspace's transcripts (and of Markdown files open in editor tabs, coded or not) with their context in a quick pick with check boxes
 * (all checked), asks for codes and a unit, and codes the checked hits, each widened to the unit,
 * as one undoable edit (see `autocodeDocuments`). Resolves to what was done, or undefined when
 * cancelled or refused (after a message).
 */
export function findAndCode(index: WorkspaceIndex, state: vscode.Memento): (args?: FindAndCodeArgs) => Promise<AutocodeSummary | undefined> {
  return async (args = {}) => {
    if (!(await ensureTrusted())) return undefined;
    const asked = args.pattern === undefined;
    let pattern = args.pattern ?? (await askPattern());
    if (pattern === undefined) return undefined;
    let regex = args.regex === true;
    const typedRegex = /^\/(.+)\/$/s.exec(pattern);
    if (asked && typedRegex) {
      pattern = typedRegex[1];
      regex = true;
    }
    const workspace = index.current ?? (await index.reload());
    const query = { pattern, regex, caseSensitive: args.caseSensitive === true, wholeWord: args.wholeWord === true, run: patternRunnerFor(regex, TIME_LIMIT_MS), context: 40 };
    // Open transcripts that have no coding yet are not in the index (a folder's files count when they have `code` markup): search them too.
    const indexed = new Set(workspace.sources.map((source) => source.path));
    const inTabs = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])));
    const open = vscode.workspace.textDocuments
      .filter((document) => inTabs.has(document.uri.toString()))
      .map((document) => parseTranscriptDocument(document, index))
      .filter((transcript): transcript is DocumentTranscript => typeof transcript !== 'string' && transcript.document.uri.scheme === 'file' && !indexed.has(transcript.parsed.source.path))
      .map((transcript) => transcript.parsed.source);
    const searched = [...workspace.sources, ...open];
    const found = findAutocodeTargets(searched, workspace.codebook, query);
    if (!found.ok) {
      void vscode.window.showErrorMessage(`Markdown QDA: ${found.message}.`);
      return undefined;
    }
    for (const path of found.timedOut) void vscode.window.showWarningMessage(`Markdown QDA: the pattern ran longer than ${TIME_LIMIT_MS / 1000} s in ${path} and was stopped there; nothing is coded in it.`);
    if (found.hits.length === 0) {
      void vscode.window.showInformationMessage(`Markdown QDA: no hits for ${regex ? `/${pattern}/` : `'${pattern}'`}.`);
      return undefined;
    }
    const chosen = args.hits ? args.hits.map((place) => found.hits[place]).filter((hit) => hit !== undefined) : asked ? await pickHits(found.hits) : found.hits;
    if (!chosen || chosen.length === 0) return undefined;
    const codes = args.codes ?? (await pickCodes(index, state, recentCodesKey, `Markdown QDA: code ${chosen.length} hits`));
    if (!codes || codes.length === 0) return undefined;
    const unit = args.unit ?? (await pickAutocodeUnit(`Markdown QDA: code ${chosen.length} hits with ${codes.join(', ')}`));
    if (!unit) return undefined;
    const coder = args.coder ?? readCoder() ?? (await setCoder());
    if (!coder) return undefined;

    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const plans: { transcript: DocumentTranscript; targets: AutocodeTarget[] }[] = [];
    for (const path of new Set(chosen.map((hit) => hit.path))) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ...path.split('/')));
      const transcript = parseTranscriptDocument(document, index);
      const before = searched.find((source) => source.path === path);
      if (typeof transcript === 'string' || transcript.parsed.source.plainText !== before?.plainText) {
        void vscode.window.showErrorMessage(`Markdown QDA: ${path} changed while it was searched; nothing was changed.`);
        return undefined;
      }
      plans.push({ transcript, targets: chosen.filter((hit) => hit.path === path).map((hit) => ({ start: hit.start, end: hit.end, inText: true })) });
    }
    const summary = await autocodeDocuments(plans, { codes, coder, unit });
    reportAutocode('Find and Code', summary);
    if (typeof summary === 'string') return undefined;
    await index.reload();
    return summary;
  };
}

/** Asks for the pattern, checking it as it is typed. */
function askPattern(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Markdown QDA: Find and Code (1/4)',
    prompt: 'Text to find in the plain text of the transcripts (write /…/ for a regular expression)',
    validateInput: (value) => {
      const typed = /^\/(.+)\/$/s.exec(value);
      const compiled = compileSearchPattern(typed ? typed[1] : value, { regex: typed !== null });
      return compiled.ok ? undefined : compiled.message;
    },
  });
}

/** The hits in a quick pick with check boxes, all checked: keyword in context, source, line and speaker. */
async function pickHits(hits: readonly SearchHit[]): Promise<SearchHit[] | undefined> {
  const items: HitItem[] = hits.map((hit) => ({
    hit,
    label: hit.text,
    description: `${hit.path}${hit.line === null ? '' : `:${hit.line}`}${hit.speaker ? ` · ${hit.speaker}` : ''}${hit.codes.length > 0 ? ` · ${hit.codes.join(' ')}` : ''}`,
    detail: `…${hit.left} ⟦${hit.text}⟧ ${hit.right}…`,
    picked: true,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Markdown QDA: Find and Code (2/4): ${hits.length} hits`,
    placeHolder: 'Uncheck the hits not to code',
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.map((item) => item.hit);
}
