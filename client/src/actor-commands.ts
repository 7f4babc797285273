// Commands about actors: list an actor's mentions, add the selection to actors.yaml, open a
// registry entry, rebuild the index. Each one asks the server (see ./protocol) and only turns
// the answer into VS Code UI.
import {
  commands,
  Disposable,
  l10n,
  Range,
  window,
  workspace,
  type Location,
  type Position,
  type QuickPickItem,
  type TextDocument,
} from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { isActorNode, SHOW_ACTOR_MENTIONS_COMMAND, type ActorsView } from './actors-view';
import { plural } from './l10n';
import {
  ActorReferencesRequest,
  ADD_ACTOR_COMMAND,
  isAddActorResult,
  isRebuildIndexResult,
  REBUILD_INDEX_COMMAND,
  type ActorType,
  type AddActorArgs,
} from './protocol';

export const ADD_SELECTION_COMMAND = 'nassaq.addSelectionToActors';
export const OPEN_ENTRY_COMMAND = 'nassaq.actors.openEntry';

/** A word of an article when nothing is selected: letters, marks (diacritics) and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/u;
const MAX_NAME_LENGTH = 200;
const STATUS_MESSAGE_MS = 5000;

interface TypePick extends QuickPickItem {
  type: ActorType;
}

/** The kinds of actor to choose from; the description is the `type:` written in actors.yaml. */
function typePicks(): TypePick[] {
  return [
    { type: 'person', label: `$(person) ${l10n.t('Person')}`, description: 'person' },
    { type: 'organization', label: `$(organization) ${l10n.t('Organization')}`, description: 'organization' },
    { type: 'place', label: `$(location) ${l10n.t('Place')}`, description: 'place' },
    { type: 'other', label: `$(symbol-misc) ${l10n.t({ message: 'Other', comment: 'a kind of actor' })}`, description: 'other' },
  ];
}

export function registerActorCommands(client: LanguageClient, view: ActorsView): Disposable {
  return Disposable.from(
    commands.registerCommand(SHOW_ACTOR_MENTIONS_COMMAND, (arg?: unknown) => showActorMentions(client, view, arg)),
    commands.registerCommand(ADD_SELECTION_COMMAND, () => addSelectionToActors(client, view)),
    commands.registerCommand(OPEN_ENTRY_COMMAND, (arg?: unknown) => openEntry(client, arg)),
    commands.registerCommand(REBUILD_INDEX_COMMAND, () => rebuildIndex(client)),
  );
}

/** Asks the server to re-read every article and registry; progress and the count in the status bar. */
async function rebuildIndex(client: LanguageClient): Promise<unknown> {
  if (!serverRunning(client)) return undefined;
  // The server handles this command without listing it, so the palette command is ours alone.
  const pending = client.sendRequest(ExecuteCommandRequest.type, { command: REBUILD_INDEX_COMMAND, arguments: [] });
  window.setStatusBarMessage(`$(sync~spin) ${l10n.t('Nassaq: rebuilding the index…')}`, pending);
  try {
    const result = await pending;
    if (isRebuildIndexResult(result)) {
      window.setStatusBarMessage(`$(check) ${plural(result.files, 'Nassaq: indexed {0} article', 'Nassaq: indexed {0} articles')}`, STATUS_MESSAGE_MS);
    } else {
      window.setStatusBarMessage(`$(check) ${l10n.t('Nassaq: index rebuilt')}`, STATUS_MESSAGE_MS);
    }
    return result;
  } catch (error) {
    void window.showErrorMessage(l10n.t('Nassaq could not rebuild the index: {0}', errorMessage(error)));
    return undefined;
  }
}

async function showActorMentions(client: LanguageClient, view: ActorsView, arg: unknown): Promise<void> {
  const key = typeof arg === 'string' ? arg : isActorNode(arg) ? arg.item.key : undefined;
  if (key === undefined) return showMentionsAtCursor();
  if (!serverRunning(client)) return;
  let found: Location[];
  try {
    found = await client.protocol2CodeConverter.asReferences((await client.sendRequest(ActorReferencesRequest, { key })) ?? []);
  } catch (error) {
    void window.showErrorMessage(l10n.t('Nassaq could not list the mentions: {0}', errorMessage(error)));
    return;
  }
  const actor = view.find(key);
  const name = actor?.name ?? key;
  const registry = actor?.registry ? client.protocol2CodeConverter.asLocation(actor.registry) : undefined;
  const anchor = registry ?? found[0];
  if (anchor === undefined) {
    void window.showInformationMessage(l10n.t('No mention of {0} was found.', name));
    return;
  }
  if (found.length === 0) {
    void window.showInformationMessage(l10n.t('{0} is not mentioned in any article.', name));
    await window.showTextDocument(anchor.uri, { selection: anchor.range });
    return;
  }
  await commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.range.start, found);
}

/** From the editor: the references of the actor under the cursor, through the LSP references provider. */
async function showMentionsAtCursor(): Promise<void> {
  if (window.activeTextEditor === undefined) {
    void window.showInformationMessage(l10n.t("Put the cursor on an actor's name in an article, or pick an actor in the Actors view."));
    return;
  }
  const available = await commands.getCommands(true);
  await commands.executeCommand(available.includes('references-view.findReferences') ? 'references-view.findReferences' : 'editor.action.referenceSearch.trigger');
}

async function addSelectionToActors(client: LanguageClient, view: ActorsView): Promise<void> {
  const editor = window.activeTextEditor;
  if (editor === undefined) {
    void window.showErrorMessage(l10n.t('Open an article and select the name to add to actors.yaml.'));
    return;
  }
  const document = editor.document;
  if (document.uri.scheme !== 'file') {
    void window.showErrorMessage(l10n.t('Save the article first: Nassaq adds actors from files of the workspace.'));
    return;
  }
  const selected = editor.selection.isEmpty ? document.getWordRangeAtPosition(editor.selection.active, WORD) : editor.selection;
  const range = selected && trimmed(document, selected);
  if (range === undefined) {
    void window.showErrorMessage(l10n.t('Select the name to add to actors.yaml (or put the cursor on a word).'));
    return;
  }
  if (!range.isSingleLine || document.offsetAt(range.end) - document.offsetAt(range.start) > MAX_NAME_LENGTH) {
    void window.showErrorMessage(l10n.t('Select a name on one line: the selection is too long to be an actor.'));
    return;
  }
  const name = document.getText(range);
  const pick = await window.showQuickPick(typePicks(), {
    title: l10n.t('Add {0} to actors.yaml', name),
    placeHolder: l10n.t('What kind of actor is it?'),
  });
  if (pick === undefined || !serverRunning(client)) return;
  const args: AddActorArgs = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    range: client.code2ProtocolConverter.asRange(range),
    type: pick.type,
  };
  let result: unknown;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, { command: ADD_ACTOR_COMMAND, arguments: [args] });
  } catch (error) {
    void window.showErrorMessage(l10n.t('Nassaq could not add {0} to actors.yaml: {1}', name, errorMessage(error)));
    return;
  }
  if (!isAddActorResult(result)) {
    void window.showErrorMessage(l10n.t('Nassaq could not add {0} to actors.yaml: the language server gave no answer.', name));
    return;
  }
  if ('error' in result) {
    void window.showErrorMessage(result.error);
    return;
  }
  view.scheduleRefresh();
  const registry = await workspace.openTextDocument(client.protocol2CodeConverter.asUri(result.registry));
  const position = entryPosition(registry, result.id);
  await window.showTextDocument(registry, { selection: new Range(position, position), preview: false });
}

async function openEntry(client: LanguageClient, arg: unknown): Promise<void> {
  const registry = isActorNode(arg) ? arg.item.registry : undefined;
  if (registry === undefined) {
    void window.showInformationMessage(l10n.t('This actor is not in actors.yaml.'));
    return;
  }
  const location = client.protocol2CodeConverter.asLocation(registry);
  await window.showTextDocument(location.uri, { selection: location.range });
}

/** The range without the spaces around it; undefined when nothing else is left. */
function trimmed(document: TextDocument, range: Range): Range | undefined {
  const text = document.getText(range);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end <= start) return undefined;
  const base = document.offsetAt(range.start);
  return new Range(document.positionAt(base + start), document.positionAt(base + end));
}

/** The `id: <id>` line of the entry the server just added, or the end of the registry. */
function entryPosition(document: TextDocument, id: string): Position {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^[ \\t]*(?:-[ \\t]+)?id:[ \\t]*(["']?)${escaped}\\1[ \\t]*(?:#.*)?$`, 'mu');
  const match = line.exec(document.getText());
  if (match === null) return document.lineAt(document.lineCount - 1).range.end;
  const at = document.positionAt(match.index);
  return document.lineAt(at.line).range.start.translate(0, document.lineAt(at.line).firstNonWhitespaceCharacterIndex);
}

function serverRunning(client: LanguageClient): boolean {
  if (client.isRunning()) return true;
  const showOutput = l10n.t('Show output');
  void window.showWarningMessage(l10n.t('The Nassaq language server is not running.'), showOutput).then((choice) => {
    if (choice === showOutput) void commands.executeCommand('nassaq.showOutput');
  });
  return false;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
