// "Fix all spellings of <name> in the workspace": one WorkspaceEdit over every affected article,
// opened or not, applied by the editor as one undoable step. Open documents are edited at their
// current version; a file on disk is skipped, and reported, if it changed since it was indexed.
import { TextDocumentEdit, type CancellationToken, type Connection, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { contentHash } from '../core/corpus/corpus-index';
import { spellingEdits } from '../core/corpus/spellings';
import type { Finding, SpellingFix } from '../core/rules/rule';
import { LineIndex } from '../core/text/lines';
import { readArticle } from '../node/article-file';
import { throwIfCancelled } from './cancellation';
import { t } from './l10n';
import { showWarning } from './messages';
import { pathToUri } from './uri';
import type { WorkspaceIndex } from './workspace-index';

export const FIX_SPELLINGS_COMMAND = 'nassaq.fixSpellingsInWorkspace';

export interface SpellingEditResult {
  edit: WorkspaceEdit;
  files: number;
  mentions: number;
  /** Files left alone because they changed on disk after they were indexed, or could not be read. */
  skipped: string[];
}

export async function workspaceSpellingEdit(fixes: readonly SpellingFix[], index: WorkspaceIndex, documents: TextDocuments<TextDocument>, token?: CancellationToken): Promise<SpellingEditResult> {
  const changes: TextDocumentEdit[] = [];
  const skipped: string[] = [];
  let mentions = 0;
  for (const file of [...index.corpus.fileIds()].sort()) {
    throwIfCancelled(token);
    const uri = pathToUri(file);
    const open = documents.get(uri);
    let text: string;
    if (open) {
      text = open.getText();
    } else {
      const read = await readArticle(file);
      if (!read.ok || contentHash(read.text) !== index.corpus.entry(file)?.hash) {
        skipped.push(file);
        continue;
      }
      text = read.text;
    }
    const edits = fixes.flatMap((fix) => spellingEdits(text, fix.variants, fix.canonical));
    if (edits.length === 0) continue;
    mentions += edits.length;
    const lines = new LineIndex(text);
    changes.push(TextDocumentEdit.create({ uri, version: open ? open.version : null }, edits.map((e) => ({ range: lines.rangeAt(e.offset, e.length), newText: e.newText }))));
  }
  return { edit: { documentChanges: changes }, files: changes.length, mentions, skipped };
}

/** Every spelling fix the actor-spelling rule offers anywhere in the corpus (the palette command). */
export async function allSpellingFixes(index: WorkspaceIndex, documents: TextDocuments<TextDocument>, lint: (file: string, text: string) => readonly Finding[], token?: CancellationToken): Promise<SpellingFix[]> {
  const fixes = new Map<string, SpellingFix>();
  for (const file of [...index.corpus.fileIds()].sort()) {
    throwIfCancelled(token);
    const open = documents.get(pathToUri(file));
    const read = open ? undefined : await readArticle(file);
    const text = open ? open.getText() : read?.ok ? read.text : undefined;
    if (text === undefined) continue;
    for (const finding of lint(file, text)) {
      if (finding.corpusFix) fixes.set(`${finding.corpusFix.canonical}|${finding.corpusFix.variants.join('|')}`, finding.corpusFix);
    }
  }
  return [...fixes.values()];
}

/** Builds the edit and asks the client to apply it; reports skipped files in the log and to the user. */
export async function applyWorkspaceSpellingFix(connection: Connection, fixes: readonly SpellingFix[], index: WorkspaceIndex, documents: TextDocuments<TextDocument>, token?: CancellationToken): Promise<SpellingEditResult> {
  const result = await workspaceSpellingEdit(fixes, index, documents, token);
  const label = fixes.length === 1 ? t('Fix all spellings of "{0}"', fixes[0].name) : t('Fix all spellings in the workspace');
  if (result.files > 0) {
    const applied = await connection.workspace.applyEdit({ label, edit: result.edit });
    if (!applied.applied) showWarning(connection, t('{0}: not applied ({1})', label, applied.failureReason ?? t('the editor refused the edit')));
  }
  if (result.skipped.length > 0) {
    showWarning(connection, t.plural(result.skipped.length, '{1}: {0} file changed on disk since it was indexed and was left alone: {2}', '{1}: {0} files changed on disk since they were indexed and were left alone: {2}', label, result.skipped.join(', ')));
  }
  return result;
}
