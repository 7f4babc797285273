// The VS Code client: starts the Nassaq language server over IPC and adds only what needs the
// VS Code API (commands, output channel, the Actors view). All linting happens in the server.
import * as path from 'node:path';
import { commands, l10n, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerActorCommands } from './actor-commands';
import { ActorsView } from './actors-view';
import { StatusItem } from './status';

let client: LanguageClient | undefined;

/** What `activate` returns, so end-to-end tests can wait for the server instead of sleeping. */
export interface NassaqApi {
  ready: Promise<void>;
}

export async function activate(context: ExtensionContext): Promise<NassaqApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel('Nassaq', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'arabic-article' },
      { scheme: 'file', pattern: '**/nassaq.yaml' },
      { scheme: 'file', pattern: '**/actors.yaml' },
    ],
    // Articles, configuration and the actor registry changed outside the editor keep the corpus index current.
    synchronize: {
      fileEvents: [
        workspace.createFileSystemWatcher('**/nassaq.yaml'),
        workspace.createFileSystemWatcher('**/actors.yaml'),
        workspace.createFileSystemWatcher('**/*.txt'),
      ],
    },
    outputChannel,
    // Workspace Trust: in an untrusted workspace the server runs in restricted mode (diagnostics
    // only, no edits, no rename, no write commands; server/src/lsp/trust.ts). Read at each start,
    // so the restart after trust is granted brings full mode.
    // nassaq.locale: the server's language when VS Code has no Arabic language pack to say so.
    initializationOptions: () => ({ trusted: workspace.isTrusted, locale: workspace.getConfiguration('nassaq').get<string>('locale', 'auto') }),
    // Hover cards carry text from the corpus and actors.yaml: never trusted (no command links), no HTML.
    markdown: { isTrusted: false, supportHtml: false },
  };
  client = new LanguageClient('nassaq', 'Nassaq', serverOptions, clientOptions);
  const actorsView = new ActorsView(client, outputChannel);
  const status = new StatusItem(client, !workspace.isTrusted);
  if (!workspace.isTrusted) {
    void window.showInformationMessage(
      l10n.t('Nassaq runs in restricted mode in this untrusted workspace: it reports problems but offers no fixes, renames or other changes to files. Trust the workspace to enable them.'),
    );
  }
  context.subscriptions.push(
    outputChannel,
    actorsView,
    registerActorCommands(client, actorsView),
    status,
    workspace.onDidGrantWorkspaceTrust(() => {
      status.setRestricted(false);
      // The server learns trust at initialization: restart it in full mode.
      void client?.restart();
    }),
    workspace.onDidChangeConfiguration((event) => {
      // The server takes its language at initialization.
      if (event.affectsConfiguration('nassaq.locale')) void client?.restart();
    }),
    commands.registerCommand('nassaq.restartServer', () => client?.restart()),
    commands.registerCommand('nassaq.showOutput', () => outputChannel.show()),
  );
  void commands.executeCommand('setContext', 'nassaq.active', true);
  const ready = client.start();
  await ready;
  return { ready };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
