import * as vscode from 'vscode';
import { CODE_ID } from '../../core/edit/codeRange';
import { orderCodeChoices } from '../../core/navigate/orderCodeChoices';
import { addCodeToWorkspaceCodebook, today } from '../editing/codebookDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Context key set while the code picker of Code Selection is open (for the Create New Code key binding). */
export const codePickerOpenKey = 'markdownQda.codePickerOpen';

/** Optional arguments of `markdownQda.createCode` (scripts and tests skip the prompts with them). */
export interface CreateCodeArgs {
  id?: string;
  name?: string;
}

interface CodeItem extends vscode.QuickPickItem {
  id: string;
}

/** The code picker that is open, and what to do when Create New Code is asked for while it is. */
let openPicker: { createCode: (args: CreateCodeArgs) => Promise<string | undefined> } | undefined;

/** Whether a code is being created from the picker (its prompts are open). */
let creating = false;

/** What the code picker shows now: the list, the prompts of a new code, or nothing. */
export function codePickerState(): 'picking' | 'creating' | undefined {
  return openPicker ? 'picking' : creating ? 'creating' : undefined;
}

const createButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('add'), tooltip: 'Create New Code… (Ctrl+Alt+N)' };

/**
 * Asks for codes in a multi-select quick pick (recent first); resolves to the ids, or undefined
 * when cancelled. "Create New Code…" is a button of the picker (and `markdownQda.createCode`),
 * not an item: it asks for the new code, adds it to the codebook and comes back to the picker
 * with the new code ticked beside the codes ticked before; cancelling it comes back unchanged.
 * Only accepting the picker codes anything.
 */
export async function pickCodes(index: WorkspaceIndex, state: vscode.Memento, recentKey: string, title = 'Markdown QDA: code the selection'): Promise<string[] | undefined> {
  let ticked: string[] = [];
  let value = '';
  for (;;) {
    const workspace = index.current ?? (await index.reload());
    const outcome = await showPicker(title, workspace.codebook, workspace.sources, state.get<string[]>(recentKey, []), ticked, value);
    if (outcome.kind !== 'create') return outcome.kind === 'accept' ? outcome.ids : undefined;
    ticked = outcome.ticked;
    value = outcome.value;
    creating = true;
    const created = await createCode(workspace.codebook.codes, outcome.args).finally(() => {
      creating = false;
    });
    if (created) {
      await index.reload();
      ticked = [...ticked.filter((id) => id !== created), created];
      value = '';
    }
  }
}

type PickerOutcome = { kind: 'accept'; ids: string[] } | { kind: 'cancel' } | { kind: 'create'; ticked: string[]; value: string; args: CreateCodeArgs };

function showPicker(
  title: string,
  codebook: Parameters<typeof orderCodeChoices>[0],
  sources: readonly { excerpts: readonly { codes: readonly string[] }[] }[],
  recent: readonly string[],
  ticked: readonly string[],
  value: string,
): Promise<PickerOutcome> {
  const used = sources.flatMap((source) => source.excerpts.flatMap((excerpt) => excerpt.codes));
  const items: (CodeItem | vscode.QuickPickItem)[] = [];
  let section: boolean | undefined;
  for (const choice of orderCodeChoices(codebook, recent, used)) {
    if (choice.recent !== section) {
      section = choice.recent;
      items.push({ label: choice.recent ? 'recently used' : 'codebook', kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      id: choice.id,
      label: `${'  '.repeat(choice.depth)}${choice.id}`,
      description: choice.code?.name ?? 'not in the codebook',
      detail: choice.code?.description ?? undefined,
    });
  }
  const pick = vscode.window.createQuickPick<CodeItem | vscode.QuickPickItem>();
  pick.title = title;
  pick.placeholder = 'Choose one or more codes (type to filter by id, name or description); + creates a new code';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  pick.selectedItems = items.filter((item) => 'id' in item && ticked.includes(item.id));
  pick.value = value;
  pick.buttons = [createButton];
  const idsOf = (selected: readonly vscode.QuickPickItem[]) => selected.flatMap((item) => ('id' in item ? [(item as CodeItem).id] : []));
  return new Promise<PickerOutcome>((resolve) => {
    let outcome: PickerOutcome = { kind: 'cancel' };
    const create = (args: CreateCodeArgs) => {
      outcome = { kind: 'create', ticked: idsOf(pick.selectedItems), value: pick.value, args };
      pick.hide();
      return Promise.resolve(undefined);
    };
    openPicker = { createCode: create };
    void vscode.commands.executeCommand('setContext', codePickerOpenKey, true);
    pick.onDidTriggerButton((button) => {
      if (button === createButton) void create({});
    });
    pick.onDidAccept(() => {
      outcome = { kind: 'accept', ids: idsOf(pick.selectedItems) };
      pick.hide();
    });
    pick.onDidHide(() => {
      if (openPicker?.createCode === create) openPicker = undefined;
      void vscode.commands.executeCommand('setContext', codePickerOpenKey, false);
      pick.dispose();
      resolve(outcome);
    });
    pick.show();
  });
}

/**
 * Handler of `markdownQda.createCode`: while the code picker is open, leaves it for the new
 * code's prompts and comes back to it; otherwise asks for an id and a name and adds the code to
 * the codebook. Resolves to the new id (undefined inside the picker, which goes on with it).
 */
export function createCodeCommand(index: WorkspaceIndex): (args?: CreateCodeArgs) => Promise<string | undefined> {
  return async (args = {}) => {
    if (openPicker) return openPicker.createCode(args);
    const workspace = index.current ?? (await index.reload());
    const created = await createCode(workspace.codebook.codes, args);
    if (created) await index.reload();
    return created;
  };
}

/** Asks for an id and a name (unless given) and adds the code to the codebook; resolves to its id. */
async function createCode(existing: ReadonlyMap<string, unknown>, args: CreateCodeArgs): Promise<string | undefined> {
  const problemOf = (value: string) => (!CODE_ID.test(value.trim()) ? 'A letter, then letters, digits, _ or -' : existing.has(value.trim()) ? 'The codebook already has this code' : undefined);
  const id = args.id ?? await vscode.window.showInputBox({
    title: 'Markdown QDA: new code (1/2)',
    prompt: 'Code id: short and stable, e.g. T5 or M10 (a letter, then letters, digits, _ or -)',
    validateInput: problemOf,
  });
  if (!id) return undefined;
  const wrong = problemOf(id);
  if (wrong) {
    void vscode.window.showErrorMessage(`Markdown QDA: cannot create the code ${JSON.stringify(id)}: ${wrong}.`);
    return undefined;
  }
  const name = args.name ?? await vscode.window.showInputBox({ title: 'Markdown QDA: new code (2/2)', prompt: `Name of ${id.trim()}`, validateInput: (value) => (value.trim() ? undefined : 'Give the code a name') });
  if (!name?.trim()) return undefined;
  const problem = await addCodeToWorkspaceCodebook({ id: id.trim(), name: name.trim(), date: today() });
  if (problem) {
    void vscode.window.showErrorMessage(`Markdown QDA: cannot add ${id.trim()} to the codebook: ${problem}`);
    return undefined;
  }
  return id.trim();
}
