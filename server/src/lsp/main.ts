// Entry point of the language server: `nassaq-ls --stdio`, or `--node-ipc` as the VS Code client starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
