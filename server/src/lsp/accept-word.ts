// Builds the edit behind "Accept '<word>' in this corpus": it adds the word to `accept` in the
// nassaq.yaml in force (creating one at the corpus root if there is none). The edit goes through
// the editor, so it is undoable and a stale open buffer is refused by its version.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CreateFile, TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { addAcceptedWord } from '../core/config/edit';
import { LineIndex } from '../core/text/lines';
import { minimalEdit } from '../core/text/diff';
import type { ResolvedConfig } from './configs';
import { pathToUri } from './uri';

export function acceptWordEdit(resolved: ResolvedConfig, word: string, openDocument: (uri: string) => TextDocument | undefined): WorkspaceEdit | undefined {
  const file = resolved.file ?? path.join(resolved.root, CONFIG_FILE_NAME);
  const uri = pathToUri(file);
  const open = openDocument(uri);
  if (!open && !existsSync(file)) {
    const text = addAcceptedWord('', word);
    return text === undefined ? undefined : {
      documentChanges: [CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }])],
    };
  }
  let before: string;
  try {
    before = open ? open.getText() : readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const after = addAcceptedWord(before, word);
  if (after === undefined) return undefined;
  const change = minimalEdit(before, after);
  if (!change) return undefined;
  const lines = new LineIndex(before);
  return {
    documentChanges: [TextDocumentEdit.create({ uri, version: open ? open.version : null }, [{ range: lines.rangeAt(change.offset, change.length), newText: change.newText }])],
  };
}
