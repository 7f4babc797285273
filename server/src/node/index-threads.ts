// Indexing on worker threads. A scan spends nearly all its time on what depends on one file alone:
// reading it, tokenizing, collecting facet data, matching registry actors. Workers do that; the
// main thread adds their entries to its indexes (updateEntry, updateMatched: the end of what a
// scan on one thread does), so it keeps answering requests while a large corpus is indexed.
// Workers run this same bundle, never code from elsewhere (test/unit/no-exec.test.ts), and live
// for one scan.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ActorIndex, mentionTable, type MentionTable, type RegistrySource } from '../core/actors/actor-index';
import { contentHash, CorpusIndex, type FileEntry } from '../core/corpus/corpus-index';
import { fileInput } from '../core/corpus/facet';
import { workspaceFacets } from '../core/engine';
import { readArticleSync, type SkipKind } from './article-file';
import { InsideRoots } from './inside';

/** One article to index: its path, the registry that governs it, its size limit. */
export interface IndexTask {
  file: string;
  scope: string | undefined;
  maxBytes: number | undefined;
}

/** What a worker sends back per article: its entries, or why it was not read. */
export type IndexedFile =
  | { ok: true; file: string; size: number; mtimeMs: number; entry: FileEntry; mentions: MentionTable }
  | { ok: false; file: string; kind: SkipKind; reason: string };

/**
 * Below this many articles a scan stays on the main thread: each worker loads the bundle and builds
 * its own registry matcher first. On 2 cores, two workers indexed 2,000 generated articles slower
 * than one thread, 5,000 about 1.2x and 10,000 about 1.35x faster.
 */
export const MIN_FILES_FOR_THREADS = 5000;
/**
 * A worker's young generation (three semi-spaces): indexing makes short-lived objects for every
 * token, and with V8's default 16 MB semi-spaces the collector took about a seventh of the CPU.
 * 32 MB semi-spaces cut a one-thread replay of a scan's work (10,000 articles) by 6 to 20% of its CPU.
 */
const YOUNG_GENERATION_MB = 96;
/** More workers than this gained nothing on the corpora measured (the main thread merges alone). */
const MAX_THREADS = 4;

/**
 * Workers for a scan of `files` articles: `requested` when the client set `indexThreads` (0 or 1:
 * none), else one per core up to MAX_THREADS for a corpus of MIN_FILES_FOR_THREADS or more. With
 * fewer than two, the scan runs on the main thread.
 */
export function indexThreadCount(files: number, requested?: number): number {
  const count = requested ?? (files >= MIN_FILES_FOR_THREADS ? Math.min(MAX_THREADS, availableParallelism()) : 0);
  return count >= 2 ? count : 0;
}

interface WorkerInput {
  nassaqIndexWorker: true;
  sources: readonly RegistrySource[];
  /** The workspace folders: a file is read only if it resolves inside them. */
  within: readonly string[] | undefined;
}

interface Batch {
  id: number;
  tasks: IndexTask[];
}

type FromWorker = { kind: 'batch'; id: number; files: IndexedFile[] } | { kind: 'error'; message: string };

interface Pending {
  resolve(files: IndexedFile[]): void;
  reject(error: Error): void;
  thread: Worker;
}

/** Workers of one scan, all matching against the same registries. */
export class IndexThreads {
  private readonly threads: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number, sources: readonly RegistrySource[], within: readonly string[] | undefined) {
    const input: WorkerInput = { nassaqIndexWorker: true, sources, within };
    this.threads = Array.from({ length: count }, () => {
      const thread = new Worker(__filename, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      this.load.set(thread, 0);
      thread.on('message', (message: FromWorker) => (message.kind === 'batch' ? this.settle(message.id, message.files) : this.fail(new Error(message.message))));
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => this.fail(new Error(`an indexing thread exited (code ${code})`)));
      return thread;
    });
  }

  get size(): number {
    return this.threads.length;
  }

  /** Indexes a batch on the least busy worker. Rejects if a worker failed: the caller indexes the batch itself. */
  index(tasks: IndexTask[]): Promise<IndexedFile[]> {
    if (this.failure) return Promise.reject(this.failure);
    const thread = this.threads.reduce((a, b) => (this.load.get(b)! < this.load.get(a)! ? b : a));
    const id = this.nextId++;
    this.load.set(thread, this.load.get(thread)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread });
      thread.postMessage({ id, tasks } satisfies Batch);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('indexing threads closed');
    await Promise.all(this.threads.map((thread) => thread.terminate()));
    this.rejectAll();
  }

  private settle(id: number, files: IndexedFile[]): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    this.load.set(pending.thread, this.load.get(pending.thread)! - 1);
    pending.resolve(files);
  }

  /** One worker failed: every batch in flight is handed back, and no more are taken. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectAll();
  }

  private rejectAll(): void {
    for (const pending of this.pending.values()) pending.reject(this.failure!);
    this.pending.clear();
  }
}

/**
 * A text's corpus entry and actor mentions, as a scan on one thread computes them (see
 * WorkspaceIndex.feed): `collector` holds the workspace facets, `actors` the registries.
 */
export function indexText(collector: CorpusIndex, actors: ActorIndex, scope: string | undefined, text: string): { entry: FileEntry; mentions: MentionTable } {
  const input = fileInput(text);
  const entry = collector.collect(text, input, contentHash(text));
  return { entry, mentions: mentionTable(actors.matchIn(scope, text, input.words, input.lines)) };
}

/** Called by the server's entry point: whether this thread is an indexing worker. */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.nassaqIndexWorker === true;
}

/** The worker: indexes each batch it is sent, in turn, until terminated. */
export function startIndexWorker(): void {
  const port = parentPort!;
  const { sources, within } = workerData as WorkerInput;
  const collector = new CorpusIndex(workspaceFacets(), { keepFileData: false });
  const actors = new ActorIndex();
  actors.setRegistries(sources);
  const inside = within && new InsideRoots(within);
  port.on('message', ({ id, tasks }: Batch) => {
    let files: IndexedFile[];
    try {
      files = indexBatch(tasks, collector, actors, inside);
    } catch (error) {
      port.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
      return;
    }
    // The mention tables move to the main thread rather than being copied.
    port.postMessage({ kind: 'batch', id, files } satisfies FromWorker, files.flatMap((file) => (file.ok ? [file.mentions.table.buffer as ArrayBuffer] : [])));
  });
}

/** Reads synchronously: the worker has nothing else to do meanwhile, and asynchronous reads cost several times the CPU. */
function indexBatch(tasks: readonly IndexTask[], collector: CorpusIndex, actors: ActorIndex, inside: InsideRoots | undefined): IndexedFile[] {
  return tasks.map((task): IndexedFile => {
    const read = readArticleSync(task.file, { maxBytes: task.maxBytes, ...(inside ? { within: inside } : {}) });
    if (!read.ok) return { ok: false, file: read.file, kind: read.kind, reason: read.reason };
    return { ok: true, file: read.file, size: read.size, mtimeMs: read.mtimeMs, ...indexText(collector, actors, task.scope, read.text) };
  });
}
