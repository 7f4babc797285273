// Wires the core to an LSP connection. Handlers stay short: find the document, call the core,
// map the result. All corpus knowledge comes from nassaq.yaml through ConfigStore.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { acceptWordEdit } from './accept-word';
import { FIX_ALL_KIND, codeActions } from './code-actions';
import { ConfigStore } from './configs';
import { configProblemToDiagnostic } from './diagnostics';
import { Linter } from './linter';
import { SettingsCache } from './settings';
import { pathToUri, uriToPath } from './uri';

declare const NASSAQ_VERSION: string | undefined;
const VERSION = typeof NASSAQ_VERSION === 'string' ? NASSAQ_VERSION : 'dev';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceRoots: string[] = [];
  let clientHasConfiguration = false;
  const settings = new SettingsCache(connection, () => clientHasConfiguration);
  const configs = new ConfigStore({
    openText: (file) => documents.get(pathToUri(file))?.getText(),
    workspaceRoots: () => workspaceRoots,
    reportProblems: (file, text, problems) => {
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: problems.map((p) => configProblemToDiagnostic(text, p)) });
    },
  });
  const linter = new Linter(connection, documents, configs, settings);

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    workspaceRoots = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'nassaq', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nassaq' });
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      workspaceRoots = [...workspaceRoots.filter((r) => !removed.has(r)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
      linter.revalidateAll();
    });
  });

  const configChanged = (uri: string): boolean => {
    const file = uriToPath(uri);
    if (!file || !configs.isConfigFile(file)) return false;
    configs.invalidate(file);
    configs.forFile(file); // re-parse now so its diagnostics are published even with no article open
    linter.revalidateAll();
    return true;
  };

  documents.onDidOpen(({ document }) => configChanged(document.uri) || linter.validateNow(document));
  documents.onDidChangeContent(({ document }) => configChanged(document.uri) || linter.documentChanged(document));
  documents.onDidSave(({ document }) => linter.documentSaved(document));
  documents.onDidClose(({ document }) => configChanged(document.uri) || linter.documentClosed(document));

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) configChanged(change.uri);
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    linter.revalidateAll();
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const file = document && uriToPath(document.uri);
    if (!document || !file) return [];
    const resolved = configs.forFile(file);
    return codeActions({
      document,
      params,
      config: resolved.config,
      findings: linter.findingsFor(document, resolved.config),
      acceptWord: (word) => acceptWordEdit(resolved, word, (uri) => documents.get(uri)),
    });
  });

  documents.listen(connection);
  connection.listen();
}
