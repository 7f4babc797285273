// A minimal LSP client for benchmarks: starts `node dist/server.js --stdio` on a folder, answers
// what the server asks of a client, and exposes the child's pid (for /proc memory readings), the
// `nassaq/indexed` notification and published diagnostics (by version). The client announces no
// pull-diagnostics support, so the server pushes (debounced while typing); `pull` asks for a
// document's diagnostics all the same, which the server answers at once with no debounce.
// Extra node flags (such as --cpu-prof) can be passed to the child.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type InitializeResult, type Position, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { now, ROOT } from './lib';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export function fileUri(file: string): string {
  return URI.file(file).toString();
}

export class BenchServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly log: string[] = [];
  /** performance.now() when the child was spawned. */
  readonly spawnedAt = now();
  private indexedWaiters: Array<(files: number) => void> = [];
  /** Per URI, what waits for diagnostics: of any version (undefined) or of one version. */
  private readonly diagnosticWaiters = new Map<string, { version?: number; wake: () => void }>();

  constructor(nodeArgs: readonly string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => this.log.push(String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('nassaq/indexed', ({ files }: { files: number }) => {
      for (const wake of this.indexedWaiters.splice(0)) wake(files);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', ({ uri, version }: PublishDiagnosticsParams) => {
      const waiter = this.diagnosticWaiters.get(uri);
      if (!waiter || (waiter.version !== undefined && waiter.version !== version)) return;
      this.diagnosticWaiters.delete(uri);
      waiter.wake();
    });
    this.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      this.log.push(`${message}\n`);
    });
    this.connection.onRequest('workspace/configuration', ({ items }: { items: unknown[] }) => items.map(() => null));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  async initialize(root: string, initializationOptions?: object): Promise<InitializeResult> {
    const rootUri = fileUri(root);
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      ...(initializationOptions ? { initializationOptions } : {}),
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, symbol: {} },
        textDocument: { publishDiagnostics: { versionSupport: true }, rename: { prepareSupport: true }, hover: { contentFormat: ['markdown'] } },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the file count of the next completed workspace scan. */
  nextIndexed(timeoutMs = 30 * 60_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no nassaq/indexed within ${timeoutMs} ms; server log:\n${this.log.join('')}`)), timeoutMs);
      this.indexedWaiters.push((files) => {
        clearTimeout(timer);
        resolve(files);
      });
    });
  }

  /** Opens a document and resolves when its first diagnostics are published (the lint is over). */
  open(file: string, text: string, timeoutMs = 60_000): Promise<string> {
    const uri = fileUri(file);
    const published = this.published(uri, undefined, timeoutMs);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    return published.then(() => uri);
  }

  /** Resolves when diagnostics for `uri` are published, of `version` if given. Set it up before the change. */
  published(uri: string, version?: number, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`} within ${timeoutMs} ms`)), timeoutMs);
      this.diagnosticWaiters.set(uri, {
        version,
        wake: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Inserts `text` at a position (an incremental didChange to `version`). */
  insert(uri: string, version: number, position: Position, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text }] });
  }

  /** The document's diagnostics now (textDocument/diagnostic): linted on request, no debounce. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items ?? [];
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Shuts the server down cleanly (a CPU profile is written on a clean exit), killing it if it lingers. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(10_000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // the connection is already gone
    }
    await Promise.race([exited, delay(10_000)]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
