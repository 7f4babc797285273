// Wires the core to an LSP connection. Handlers stay short: find the document, call the core,
// map the result. Corpus knowledge comes from the workspace index; rules from nassaq.yaml.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { acceptWordEdit } from './accept-word';
import { addActorActions, addActorCommand, registerActorHandlers, SEMANTIC_LEGEND } from './actor-handlers';
import { ADD_ACTOR_COMMAND, REBUILD_INDEX_COMMAND, type AddActorArgs, type AddActorResult } from './actor-protocol';
import { ActorService } from './actors';
import { FIX_ALL_KIND, codeActions } from './code-actions';
import { ConfigStore } from './configs';
import { CorpusViews } from './corpus-views';
import { configProblemToDiagnostic } from './diagnostics';
import { setServerLocale, serverLocale, t } from './l10n';
import { convertActions, CONVERT_TO_UTF8_COMMAND, runConvertCommand, type ConvertArgs } from './file-problems';
import { Linter } from './linter';
import { registerPullDiagnostics } from './pull-diagnostics';
import { RegistryStore } from './registries';
import { CanonicalLocations } from './related-locations';
import { SettingsCache } from './settings';
import { pathToUri, uriToPath } from './uri';
import { WorkspaceIndex } from './workspace-index';
import { isRestricted, restrictedError, WRITE_COMMANDS } from './trust';
import { allSpellingFixes, applyWorkspaceSpellingFix, FIX_SPELLINGS_COMMAND } from './workspace-spelling';
import * as path from 'node:path';
import { lintText } from '../core/engine';
import { resolvesInside } from '../node/inside';
import type { SpellingFix } from '../core/rules/rule';

declare const NASSAQ_VERSION: string | undefined;
const VERSION = typeof NASSAQ_VERSION === 'string' ? NASSAQ_VERSION : 'dev';
const CORPUS_SETTLE_MS = 300;
/** How long a scan waits for open articles to be diagnosed before it parses the registries. */
const OPEN_FIRST_MS = 1000;
const CONFIG_RESCAN_MS = 500;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceRoots: string[] = [];
  let clientHasConfiguration = false;
  let clientHasFolderEvents = false;
  let clientRefreshesTokens = false;
  /** Restricted mode (an untrusted workspace, see trust.ts): diagnostics only, nothing that writes a file. */
  let restricted = false;
  const settings = new SettingsCache(connection, () => clientHasConfiguration);
  const configs = new ConfigStore({
    openText: (file) => documents.get(pathToUri(file))?.getText(),
    workspaceRoots: () => workspaceRoots,
    reportProblems: (file, text, problems) => {
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: problems.map((p) => configProblemToDiagnostic(text, p)) });
    },
  });
  const registries = new RegistryStore(configs, {
    openText: (file) => documents.get(pathToUri(file))?.getText(),
    // Read from disk only inside the workspace folders (without folders: beside nassaq.yaml's registry path).
    mayRead: (file) => resolvesInside(file, workspaceRoots.length ? workspaceRoots : [path.dirname(file)]),
    reportProblems: (file, text, problems) => {
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: problems.map((p) => configProblemToDiagnostic(text, p)) });
    },
  });
  const index = new WorkspaceIndex(connection, configs, registries);
  const actors = new ActorService(index, registries, documents);
  const views = new CorpusViews(index.corpus, index.actors, (file) => registries.pathFor(file));
  const linter = new Linter(connection, documents, configs, settings, views);
  linter.publishedElsewhere = (file) => registries.isRegistry(file);
  // Not longer than OPEN_FIRST_MS: a client slow to answer must not hold up the index.
  index.beforeRegistries = () => Promise.race([linter.whenIdle(), new Promise<void>((resolve) => setTimeout(resolve, OPEN_FIRST_MS))]);
  const canonicalLocations = new CanonicalLocations(index, (file) => actors.textOf(file));
  linter.relatedElsewhere = (uri, findings) => canonicalLocations.forFindings(uri, findings);
  let settle: NodeJS.Timeout | undefined;
  let rescan: NodeJS.Timeout | undefined;
  // Cross-file findings may have moved: re-diagnose open articles once the corpus settles.
  index.onDidChange(() => {
    clearTimeout(settle);
    settle = setTimeout(() => linter.revalidateAll(), CORPUS_SETTLE_MS);
  });

  connection.onInitialize((params): InitializeResult => {
    // A client may name the language outright (the VS Code client's nassaq.locale setting).
    const chosen = (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
    setServerLocale(chosen === 'en' || chosen === 'ar' ? chosen : params.locale);
    restricted = isRestricted(params.initializationOptions);
    index.threads = indexThreadsOption(params.initializationOptions);
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    clientHasFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    clientRefreshesTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    linter.pushDiagnostics = params.capabilities.textDocument?.diagnostic === undefined;
    workspaceRoots = rootsOf(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        // nassaq.rebuildIndex is handled but not listed: the VS Code client owns a palette command of that id.
        // nassaq.convertToUtf8 is listed: the VS Code client registers no command of that id itself.
        executeCommandProvider: { commands: [FIX_SPELLINGS_COMMAND, ADD_ACTOR_COMMAND, CONVERT_TO_UTF8_COMMAND] },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        completionProvider: { resolveProvider: false },
        diagnosticProvider: linter.pushDiagnostics ? undefined : { identifier: 'nassaq', interFileDependencies: true, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'nassaq', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (restricted) connection.console.info('Restricted mode: the workspace is not trusted; no code actions, rename or write commands.');
    void index.rebuild(workspaceRoots);
    if (clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nassaq' });
    if (clientHasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        workspaceRoots = [...workspaceRoots.filter((r) => !removed.has(r)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
        void index.rebuild(workspaceRoots);
      });
    }
  });

  const configChanged = (uri: string): boolean => {
    const file = uriToPath(uri);
    if (!file || !configs.isConfigFile(file)) return false;
    configs.invalidate(file);
    configs.forFile(file); // re-parse now so its diagnostics are published even with no article open
    views.clear();
    linter.revalidateAll();
    // include/exclude may have changed: rescan once the user stops typing in nassaq.yaml.
    clearTimeout(rescan);
    rescan = setTimeout(() => void index.rebuild(workspaceRoots), CONFIG_RESCAN_MS);
    return true;
  };
  // An edited, created or deleted actors.yaml: re-parse it now (its diagnostics), re-match the corpus once edits settle.
  let registryRescan: NodeJS.Timeout | undefined;
  // Mentions moved: diagnostics (registry spellings) and colours of open articles follow.
  const registryApplied = (): void => {
    linter.revalidateAll();
    if (clientRefreshesTokens) void connection.languages.semanticTokens.refresh().catch(() => undefined);
  };
  const registryChanged = (uri: string): boolean => {
    const file = uriToPath(uri);
    if (!file || !registries.isRegistry(file)) return false;
    const before = registries.get(file)?.text;
    registries.invalidate(file);
    if (registries.get(file)?.text === before) return true; // opened or saved unchanged
    clearTimeout(registryRescan);
    registryRescan = setTimeout(() => void index.rebuild(workspaceRoots).then(registryApplied), CONFIG_RESCAN_MS);
    return true;
  };
  const bufferChanged = (document: TextDocument): void => {
    const file = uriToPath(document.uri);
    if (file) index.setOpen(file, document.getText());
  };

  documents.onDidOpen(({ document }) => configChanged(document.uri) || registryChanged(document.uri) || (bufferChanged(document), linter.validateNow(document)));
  documents.onDidChangeContent(({ document }) => configChanged(document.uri) || registryChanged(document.uri) || (bufferChanged(document), linter.documentChanged(document)));
  documents.onDidSave(({ document }) => linter.documentSaved(document));
  documents.onDidClose(({ document }) => {
    if (configChanged(document.uri) || registryChanged(document.uri)) return;
    linter.documentClosed(document);
    const file = uriToPath(document.uri);
    if (file) void index.closed(file);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!configChanged(change.uri) && !registryChanged(change.uri) && file) void index.refreshFromDisk(file);
    }
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    linter.revalidateAll();
  });

  connection.onCodeAction((params) => {
    // Every code action of Nassaq edits a file (or runs a command that does): none in restricted mode.
    if (restricted) return [];
    const document = documents.get(params.textDocument.uri);
    const file = document && uriToPath(document.uri);
    if (!document || !file) return [];
    // A file that is not linted (not UTF-8, binary, too large) offers no fix of its mis-decoded text.
    const fileProblem = linter.fileProblems.known(file);
    if (fileProblem) return convertActions(params, fileProblem);
    const resolved = configs.forFile(file);
    const ruleActions = codeActions({
      document,
      params,
      config: resolved.config,
      corpus: views.view(resolved.config, file),
      findings: linter.findingsFor(document, resolved.config),
      acceptWord: (word) => acceptWordEdit(resolved, word, (uri) => documents.get(uri)),
    });
    const wantsQuickFix = !params.context.only || params.context.only.includes(CodeActionKind.QuickFix);
    return wantsQuickFix ? [...ruleActions, ...addActorActions(document, params.range, actors)] : ruleActions;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
    if (restricted && WRITE_COMMANDS.includes(command)) throw restrictedError(command);
    if (command === REBUILD_INDEX_COMMAND) {
      registries.sourcesFor([]).forEach((source) => registries.invalidate(source.file));
      await index.rebuild(workspaceRoots);
      linter.revalidateAll();
      return { files: index.corpus.fileCount };
    }
    if (command === ADD_ACTOR_COMMAND) return addActor(args?.[0] as AddActorArgs | undefined);
    if (command === CONVERT_TO_UTF8_COMMAND) return runConvertCommand(connection, documents, linter.fileProblems, args?.[0] as ConvertArgs | undefined);
    if (command !== FIX_SPELLINGS_COMMAND) return undefined;
    const given = args?.[0] as SpellingFix | undefined;
    const lint = (file: string, text: string) => {
      const { config } = configs.forFile(file);
      return lintText(text, config, { corpus: views.view(config, file), only: ['actor-spelling'], locale: serverLocale() });
    };
    const fixes = given ? [given] : await allSpellingFixes(index, documents, lint, token);
    const result = await applyWorkspaceSpellingFix(connection, fixes, index, documents, token);
    return { files: result.files, mentions: result.mentions, skipped: result.skipped };
  });

  const addActor = async (args: AddActorArgs | undefined): Promise<AddActorResult> => {
    const request = addActorCommand(args, documents);
    if ('error' in request) return request;
    const result = actors.addActorEdit(request.file, request.name, request.type);
    if ('error' in result) return result;
    const applied = await connection.workspace.applyEdit({ label: t('Add "{0}" to actors.yaml', request.name), edit: result.edit });
    return applied.applied ? { registry: result.registry, id: result.id } : { error: applied.failureReason ?? t('The editor did not apply the edit') };
  };

  registerActorHandlers(connection, documents, actors, { restricted: () => restricted });
  registerPullDiagnostics({ connection, documents, linter, index, configs, settings, views, roots: () => workspaceRoots });
  documents.listen(connection);
  connection.listen();
}

function rootsOf(params: InitializeParams): string[] {
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  return folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
}

/** `initializationOptions.indexThreads`: worker threads for indexing (0 or 1: none); undefined (by corpus size) unless a whole number up to 64. */
function indexThreadsOption(initializationOptions: unknown): number | undefined {
  const value = (initializationOptions as { indexThreads?: unknown } | null | undefined)?.indexThreads;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 64 ? value : undefined;
}
