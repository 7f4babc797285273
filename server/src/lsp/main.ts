// Entry point of the language server: `nassaq-ls --stdio`, or `--node-ipc` as the VS Code client starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// A failed promise nobody awaited (a client refusing a request, say) is logged, not fatal: Node
// would otherwise end the process and the editor would lose its server.
process.on('unhandledRejection', (reason) => {
  console.error(`nassaq: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

startServer(createConnection(ProposedFeatures.all));
