// Entry point of the language server: `nassaq-ls --stdio`, or `--node-ipc` as the VS Code client starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isIndexWorker, startIndexWorker } from '../node/index-threads';
import { startServer } from './server';

// The same bundle runs the indexing workers of a large scan (index-threads.ts).
if (isIndexWorker()) startIndexWorker();
else startLanguageServer();

function startLanguageServer(): void {
  // A failed promise nobody awaited (a client refusing a request, say) is logged, not fatal: Node
  // would otherwise end the process and the editor would lose its server.
  process.on('unhandledRejection', (reason) => {
    console.error(`nassaq: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  startServer(createConnection(ProposedFeatures.all));
}
