// A real JSON-RPC client for protocol tests: starts `node dist/server.js --stdio` as a child
// process and speaks LSP to it. Diagnostics are collected as the server publishes them.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const WAIT_MS = Number(process.env.NASSAQ_TEST_WAIT_MS ?? 10_000);

export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<() => void> = [];
  readonly stderr: string[] = [];
  /** Edits the server asked the client to apply (workspace/applyEdit), in order. */
  readonly appliedEdits: Array<{ label?: string; edit: unknown }> = [];
  /** Messages the server showed the user. */
  readonly messages: string[] = [];
  /** How many times the server asked a pulling client to pull again. */
  refreshes = 0;
  /** File counts of the completed workspace scans, in order. */
  readonly indexedFiles: number[] = [];
  /** What the client answers to workspace/configuration for the `nassaq` section. */
  settings: Record<string, unknown> | null = null;
  /** Set when the server process exits: its exit code, or the signal that ended it. */
  exited: number | string | undefined;

  /** `stdio` as other editors start the server; `ipc` as the VS Code client does. `server`: the bundle to run. */
  constructor(transport: 'stdio' | 'ipc' = 'stdio', server = SERVER) {
    if (transport === 'ipc') {
      this.process = fork(server, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      this.connection = createProtocolConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
    } else {
      this.process = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    }
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.process.on('exit', (code, signal) => (this.exited = code ?? signal ?? 'unknown'));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification('nassaq/indexed', (params: { files: number }) => {
      this.indexedFiles.push(params.files);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.stderr.push(`${params.message}\n`);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: unknown }) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    this.connection.listen();
  }

  /**
   * `pull`: the client asks for diagnostics (LSP 3.17) instead of receiving them; `locale`: the
   * client's language; `beforeInitialized`: runs between the `initialize` result and `initialized`.
   */
  async initialize(rootPath: string, options: { pull?: boolean; locale?: string; initializationOptions?: object; beforeInitialized?: () => void } = {}): Promise<InitializeResult> {
    const rootUri = uri(rootPath);
    const textDocument = options.pull ? { diagnostic: { relatedDocumentSupport: false } } : { publishDiagnostics: { versionSupport: true } };
    const workspace = { configuration: true, workspaceEdit: { documentChanges: true }, ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}) };
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const wake of this.waiters.splice(0)) wake();
      return null;
    });
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
      capabilities: { workspace, textDocument, window: { workDoneProgress: true } },
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    options.beforeInitialized?.();
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(filePath: string, text: string, version = 1, languageId = 'plaintext'): string {
    const documentUri = uri(filePath);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: documentUri, languageId, version, text } });
    return documentUri;
  }

  change(documentUri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: documentUri, version }, contentChanges: [{ text }] });
  }

  /** Waits until the diagnostics last published for `documentUri` satisfy `accept`. */
  async diagnostics(documentUri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    await this.until(() => {
      const current = this.published.get(documentUri);
      return current && accept(current) ? true : false;
    }, () => `no matching diagnostics for ${documentUri}; last: ${JSON.stringify(this.published.get(documentUri))}`);
    return this.published.get(documentUri)!.diagnostics;
  }

  /** The diagnostics last published for `documentUri`, without waiting. */
  lastPublished(documentUri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(documentUri);
  }

  /** Waits until the server has completed `count` workspace scans. */
  async indexed(count = 1): Promise<number> {
    await this.until(() => this.indexedFiles.length >= count, () => `the server finished ${this.indexedFiles.length} scans, not ${count}`);
    return this.indexedFiles[count - 1];
  }

  async waitFor(done: () => boolean, what: string): Promise<void> {
    await this.until(done, () => `timed out waiting for ${what}`);
  }

  private async until(done: () => boolean, failure: () => string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!done()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`${failure()}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

export function uri(filePath: string): string {
  return URI.file(filePath).toString();
}

/** Applies the plain text edits of a `TextDocumentEdit` (Nassaq sends no snippet edits). */
export function applyTextEdits(text: string, edits: ReadonlyArray<TextEdit | { range: TextEdit['range']; snippet: unknown }>): string {
  const plain = edits.map((e) => {
    if (!('newText' in e)) throw new Error('unexpected snippet edit');
    return e;
  });
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), plain);
}

export function editTexts(edits: ReadonlyArray<TextEdit | { snippet: unknown }>): string[] {
  return edits.map((e) => ('newText' in e ? e.newText : ''));
}

/** A fresh folder under the OS temp dir holding `files` (relative path → text); `remove` deletes it. */
export function tempCorpus(prefix: string, files: Record<string, string | Uint8Array>): { root: string; file: (name: string) => string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const file = (name: string) => path.join(root, name);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(file(name)), { recursive: true });
    writeFileSync(file(name), text);
  }
  return { root, file, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A server started and fully indexed on a temporary corpus; `stop` ends it and deletes the corpus. */
export async function serverOnCorpus(prefix: string, files: Record<string, string | Uint8Array>): Promise<ReturnType<typeof tempCorpus> & { client: LspTestClient; stop: () => Promise<void> }> {
  const corpus = tempCorpus(prefix, files);
  const client = new LspTestClient();
  await client.initialize(corpus.root);
  await client.indexed(1);
  return { ...corpus, client, stop: async () => {
    await client.stop();
    corpus.remove();
  } };
}
