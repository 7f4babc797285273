// `nassaq check` on several threads. Articles are dealt to workers in turn; each worker reads and
// indexes its share, the shares' statistics are then added up in every worker (facet statistics
// are sums, see facet.ts: the same merge as `nassaq stats merge`), and each worker lints its share
// against the statistics of the whole corpus. The findings are those of a run on one thread
// (test/cli/parallel.test.ts); the main thread only reports them, in the order of the articles.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { StatsChunk } from '../core/corpus/facet';
import { translator } from '../core/l10n';
import { processFile, readAll, type CheckOptions, type Outcome } from './check';
import { CheckCorpus, type Registries } from './corpus';
import type { ArticleTarget } from './discover';

/**
 * Threads to check `files` articles with: `--jobs` (at most one per article), else one. Each worker
 * warms its own caches, builds its own registry matcher and holds the whole corpus's statistics,
 * and the garbage collector already uses a second core: measured on 2 cores, two threads checked
 * 2,000 generated articles no faster, 10,000 generated and 5,000 real ones 11-15% faster, for 47-82%
 * more memory (the closing note of issue #6). Worth it with idle cores and memory to spare only.
 */
export function workerCount(files: number, jobs = 1): number {
  return Math.max(1, Math.min(jobs, files));
}

/** Articles read per progress message from a worker. */
const READ_BATCH = 50;

/** A worker's statistics as JSON text: the main thread passes it on as one string, never parsing it. */
type Exported = string;

/** The options a worker needs: no terminal, no format. */
type WorkerOptions = Pick<CheckOptions, 'cwd' | 'fix' | 'quiet' | 'locale' | 'maxFileSize'>;

interface WorkerInput {
  nassaqCheckWorker: true;
  targets: ArticleTarget[];
  options: WorkerOptions;
  /** Read by the main thread: a large registry takes longer to parse than a share of articles to index. */
  registries: Registries;
}

/** Messages from a worker: progress while reading, its statistics, then one outcome per article, in its order. */
type FromWorker =
  | { kind: 'read'; files: number }
  | { kind: 'stats'; exported: Exported }
  | { kind: 'outcome'; outcome: TransferredOutcome }
  | { kind: 'error'; message: string };

/** An outcome without its target (the main thread has it; the config is not sent back per file). */
type TransferredOutcome = DistributiveOmit<Outcome, 'target'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Checks `targets` on `workers` threads and yields their outcomes in order; `progress` hears of each
 * article read and of the end of indexing. Rejects if a worker fails outside the per-file guard.
 */
export async function* checkInWorkers(targets: readonly ArticleTarget[], options: WorkerOptions, registries: Registries, workers: number, progress: { read(): void; indexed(): void }): AsyncGenerator<Outcome> {
  const shards = Array.from({ length: workers }, (_, k) => targets.filter((_, i) => i % workers === k));
  const queues = shards.map(() => new Queue<FromWorker>());
  const threads = shards.map((shard, k) => {
    const input: WorkerInput = { nassaqCheckWorker: true, targets: shard, options: { ...options }, registries };
    const thread = new Worker(__filename, { workerData: input });
    thread.on('message', (message: FromWorker) => queues[k].push(message));
    thread.on('error', (error) => queues[k].push({ kind: 'error', message: error.stack ?? error.message }));
    thread.on('exit', (code) => code !== 0 && queues[k].push({ kind: 'error', message: `worker exited with code ${code}` }));
    return thread;
  });
  try {
    // Statistics of every share, in worker order; each worker then adds those of the others.
    const exported: Exported[] = [];
    for (const queue of queues) {
      for (;;) {
        const message = await queue.next();
        if (message.kind === 'read') for (let n = 0; n < message.files; n++) progress.read();
        else if (message.kind === 'stats') {
          exported.push(message.exported);
          break;
        } else throw workerFailure(message);
      }
    }
    threads.forEach((thread, k) => thread.postMessage(exported.filter((_, other) => other !== k)));
    progress.indexed();
    for (let i = 0; i < targets.length; i++) {
      const message = await queues[i % workers].next();
      if (message.kind !== 'outcome') throw workerFailure(message);
      yield { ...message.outcome, target: targets[i] } as Outcome;
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

function workerFailure(message: FromWorker): Error {
  return new Error(message.kind === 'error' ? message.message : `unexpected message from a worker: ${message.kind}`);
}

/** A worker: read, index, exchange statistics, lint. */
async function runWorker(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const send = (message: FromWorker) => port.postMessage(message);
  const others = new Promise<Exported[]>((resolve) => port.once('message', resolve));
  const t = translator(input.options.locale);
  const { targets, options } = input;
  // Progress in batches: a message per article would cost more than the progress is worth.
  let unreported = 0;
  const report = () => {
    send({ kind: 'read', files: unreported });
    unreported = 0;
  };
  const reads = readAll(targets, options, t, () => ++unreported === READ_BATCH && report());
  if (unreported > 0) report();
  const corpus = new CheckCorpus(targets, reads, options.cwd, undefined, t, undefined, input.registries);
  send({ kind: 'stats', exported: JSON.stringify([...corpus.exportStats()]) });
  for (const exported of await others) for (const [facetId, chunk] of JSON.parse(exported) as Array<[string, StatsChunk]>) corpus.addStats(facetId, chunk);
  for (let i = 0; i < targets.length; i++) {
    const { target: _, ...outcome } = await processFile(targets[i], reads[i], options, corpus.viewFor(targets[i]), t);
    send({ kind: 'outcome', outcome });
  }
}

/** Messages in arrival order, awaited one at a time. */
class Queue<T> {
  private items: T[] = [];
  private head = 0;
  private waiting?: (item: T) => void;

  push(item: T): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(item);
    else this.items.push(item);
  }

  next(): Promise<T> {
    if (this.head < this.items.length) {
      const item = this.items[this.head++];
      // Drop what was read once the queue is drained (no shift: it is linear on long queues).
      if (this.head === this.items.length) [this.items, this.head] = [[], 0];
      return Promise.resolve(item);
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

/** Called by the CLI's entry point: runs the worker when this thread is one. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.nassaqCheckWorker === true;
}

export function startCheckWorker(): void {
  runWorker(workerData as WorkerInput).catch((error: unknown) => {
    parentPort!.postMessage({ kind: 'error', message: (error as Error)?.stack ?? String(error) } satisfies FromWorker);
  });
}
