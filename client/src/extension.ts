// The VS Code client: starts the Nassaq language server over IPC and adds only what needs the
// VS Code API (commands, output channel, the Actors view). All linting happens in the server.
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
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
  };
  client = new LanguageClient('nassaq', 'Nassaq', serverOptions, clientOptions);
  const actorsView = new ActorsView(client, outputChannel);
  context.subscriptions.push(
    outputChannel,
    actorsView,
    registerActorCommands(client, actorsView),
    new StatusItem(client),
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
