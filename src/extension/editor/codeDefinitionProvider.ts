import * as vscode from 'vscode';
import { classIdAt } from '../../core/editor/classIds';
import type { DocumentSync } from './documentSync';
import { uriOfWorkspacePath } from './workspacePaths';

/**
 * Go to Definition from a code id written in a coding's `{…}` (a `.T1` class or a word of
 * `class="…"`) to the code's entry in the codebook file that defines it (`Code.origin`; an alias
 * leads to its code). Nothing for an id the codebook lacks.
 */
export function codeDefinitionProvider(sync: DocumentSync): vscode.DefinitionProvider {
  return {
    provideDefinition(document, position) {
      const found = sync.sourceOf(document);
      if (!found) return undefined;
      const written = classIdAt(document.getText(), found.source, document.offsetAt(position));
      if (!written) return undefined;
      const { codebook, root } = found.workspace;
      const code = codebook.codes.get(written.id) ?? [...codebook.codes.values()].find((candidate) => candidate.aliases.includes(written.id));
      if (!code?.origin) return undefined;
      const at = new vscode.Position(Math.max(0, code.origin.line - 1), Math.max(0, code.origin.column - 1));
      const link: vscode.LocationLink = {
        originSelectionRange: new vscode.Range(document.positionAt(written.start), document.positionAt(written.end)),
        targetUri: uriOfWorkspacePath(root, code.origin.path),
        targetRange: new vscode.Range(at, at),
      };
      return [link];
    },
  };
}
