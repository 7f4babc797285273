// Keeps the corpus index of the workspace: every article under the workspace folders, read at
// startup in batches (requests are answered meanwhile from what is indexed so far), then kept
// current from editor buffers (which override disk) and file-watcher events.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { ActorIndex, type RegistrySource } from '../core/actors/actor-index';
import { contentHash, CorpusIndex } from '../core/corpus/corpus-index';
import { fileInput } from '../core/corpus/facet';
import { workspaceFacets } from '../core/engine';
import { readArticle, type ArticleOk, type ReadOptions } from '../node/article-file';
import { InsideRoots } from '../node/inside';
import { indexThreadCount, IndexThreads, type IndexedFile } from '../node/index-threads';
import { walkTree } from '../node/walk';
import type { ConfigStore } from './configs';
import { t } from './l10n';
import type { RegistryStore } from './registries';

const BATCH = 64;
/** Paths classified (article or not) between two turns of the event loop. */
const CLASSIFY_BATCH = 1000;
/**
 * Progress is reported at most this often (and at the end): a report per batch was 1,600
 * messages for 50,000 articles, whose writes cost the main thread about half a second.
 */
const PROGRESS_MS = 100;
// Notifications to the client about indexing, besides LSP work-done progress (the VS Code status bar
// item, client/src/status.ts, shows them; other clients may ignore them):
/** `nassaq/indexing` {done, total}: sent when a scan starts ({done: 0}), after a batch at most every PROGRESS_MS, and at its end; counts are articles. */
export const INDEXING_NOTIFICATION = 'nassaq/indexing';
/** `nassaq/indexed` {files}: sent after every complete scan of the workspace, with the number of articles indexed. */
export const INDEXED_NOTIFICATION = 'nassaq/indexed';

/** The size and mtime (fstat) of the disk read whose text is indexed, and the clock before that read. */
export interface DiskStamp {
  size: number;
  mtimeMs: number;
  readAt: number;
}

export class WorkspaceIndex {
  readonly corpus = new CorpusIndex(workspaceFacets());
  /** Mentions of registry actors; re-matched when a registry changes (see rebuild). */
  readonly actors: ActorIndex;
  /** Open editor buffers: path → current text. */
  private readonly open = new Map<string, string>();
  private scan: Promise<void> = Promise.resolve();
  /** Disk reads in flight per file (watcher events, closed buffers), numbered: only the last one counts. */
  private readonly diskReads = new Map<string, number>();
  /** Per article indexed from disk (none while a buffer overrides it): lets a rename skip re-reading unchanged files. */
  private readonly stamps = new Map<string, DiskStamp>();
  /** The workspace folders of the last scan: files are read only if they resolve inside them. */
  private roots: readonly string[] = [];
  private indexing = false;
  private readonly listeners: Array<() => void> = [];
  /**
   * Awaited before a scan parses the registries, which takes a second for thousands of actors and
   * blocks: the linter sets it so that articles opened meanwhile are diagnosed first.
   */
  beforeRegistries: () => Promise<void> = async () => undefined;
  /** Worker threads a scan uses (`indexThreads` of the client's initializationOptions); by corpus size when undefined. */
  threads: number | undefined = undefined;
  private changed = () => this.listeners.forEach((listener) => listener());

  constructor(
    private readonly connection: Connection,
    private readonly configs: ConfigStore,
    private readonly registries: RegistryStore,
  ) {
    this.actors = new ActorIndex((file) => registries.pathFor(file));
  }

  /** Called (once per batch or edit) after the corpus statistics changed. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  /** Indexes every article under the roots; resolves when done. A new call waits for the previous scan. */
  rebuild(roots: readonly string[]): Promise<void> {
    this.roots = roots;
    this.scan = this.scan.then(() => this.scanRoots(roots));
    return this.scan;
  }

  /** Resolves when the current scan is over. */
  whenIndexed(): Promise<void> {
    return this.scan;
  }

  /** How the file was on disk when its indexed text was read from it; undefined if that text came from a buffer. */
  diskStamp(file: string): DiskStamp | undefined {
    return this.stamps.get(file);
  }

  /** An editor buffer: it overrides the file on disk until closed. */
  setOpen(file: string, text: string): void {
    if (!this.isArticle(file)) return;
    this.open.set(file, text);
    this.stamps.delete(file);
    if (this.feed(file, text)) this.changed();
  }

  async closed(file: string): Promise<void> {
    this.open.delete(file);
    await this.refreshFromDisk(file);
  }

  /** A watcher event: the file was created, changed or deleted outside the editor. */
  async refreshFromDisk(file: string): Promise<void> {
    if (this.open.has(file)) return;
    const ticket = (this.diskReads.get(file) ?? 0) + 1;
    this.diskReads.set(file, ticket);
    const readAt = Date.now();
    const read = this.isArticle(file) ? await readArticle(file, this.readOptions(file)) : undefined;
    // Opened, or read again, while this read was in flight: the buffer or the newer read wins.
    if (this.diskReads.get(file) !== ticket) return;
    this.diskReads.delete(file);
    if (this.open.has(file)) return;
    const changed = read?.ok ? this.feedRead(read, readAt) : this.forget(file);
    if (changed) this.changed();
  }

  /** Indexes a text in the corpus and the actor index, tokenizing it once. */
  private feed(file: string, text: string): boolean {
    const hash = contentHash(text);
    if (this.corpus.holds(file, hash, text.length) && !this.actors.isStale(file, text, hash)) return false;
    const input = fileInput(text);
    const changed = this.corpus.update(file, text, input, hash);
    return this.actors.update(file, text, input.words, input.lines, hash) || changed;
  }

  private feedRead(read: ArticleOk, readAt: number): boolean {
    this.stamps.set(read.file, { size: read.size, mtimeMs: read.mtimeMs, readAt });
    return this.feed(read.file, read.text);
  }

  /** Adds what a worker indexed from disk, matched against the registries of `registryGeneration`. */
  private feedIndexed(indexed: IndexedFile & { ok: true }, readAt: number, registryGeneration: number): void {
    this.stamps.set(indexed.file, { size: indexed.size, mtimeMs: indexed.mtimeMs, readAt });
    this.corpus.updateEntry(indexed.file, indexed.entry);
    this.actors.updateMatched(indexed.file, indexed.entry.hash, indexed.entry.length, indexed.mentions, registryGeneration);
  }

  private forget(file: string): boolean {
    this.stamps.delete(file);
    const removed = this.corpus.remove(file);
    return this.actors.remove(file) || removed;
  }

  /** `max-file-size` of the nassaq.yaml that governs the file; `within`: the workspace folders (no symlink out of them). */
  private readOptions(file: string, inside?: InsideRoots): ReadOptions {
    return { maxBytes: this.configs.forFile(file).config.maxFileSize, ...(this.roots.length ? { within: inside ?? this.roots } : {}) };
  }

  private isArticle(file: string): boolean {
    return this.configs.forFile(file).isArticle(file);
  }

  private async scanRoots(roots: readonly string[]): Promise<void> {
    this.indexing = true;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    try {
      const files: string[] = [];
      let listed = 0;
      for (const root of roots) {
        const { files: found, links } = await walkTree(root).catch(() => ({ files: [] as string[], links: [] as string[] }));
        // Symbolic links are listed too: readArticle reads them only if they resolve inside the workspace.
        for (const relative of [...found, ...links]) {
          const file = path.join(root, relative);
          if (this.isArticle(file)) files.push(file);
          // Tens of thousands of paths take a second: an article opened meanwhile is diagnosed first.
          if (++listed % CLASSIFY_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      const seen = new Set(files);
      for (const known of [...this.corpus.fileIds()]) if (!seen.has(known) && !this.open.has(known)) this.forget(known);
      // Registries first: every article is then matched against the actors in force.
      await this.beforeRegistries();
      const sources = this.registries.sourcesFor([...files, ...this.open.keys()]);
      this.actors.setRegistries(sources);
      for (const [file, text] of this.open) this.feed(file, text);
      progress?.begin(t('Indexing corpus'), 0, t('{0}/{1} files', 0, files.length.toLocaleString('en')), false);
      void this.connection.sendNotification(INDEXING_NOTIFICATION, { done: 0, total: files.length });
      let done = 0;
      let reportedAt = Date.now();
      const indexed = (count: number) => {
        done += count;
        this.changed();
        if (done < files.length && Date.now() - reportedAt < PROGRESS_MS) return;
        reportedAt = Date.now();
        progress?.report(Math.round((done / files.length) * 100), t('{0}/{1} files', done.toLocaleString('en'), files.length.toLocaleString('en')));
        void this.connection.sendNotification(INDEXING_NOTIFICATION, { done, total: files.length });
      };
      const threads = indexThreadCount(files.length, this.threads);
      const rest = threads > 0 ? await this.indexOnThreads(files, threads, sources, indexed) : files;
      const inside = this.roots.length ? new InsideRoots(this.roots) : undefined;
      for (let start = 0; start < rest.length; start += BATCH) {
        const batch = rest.slice(start, start + BATCH);
        const reading = batch.filter((file) => !this.open.has(file));
        const readAt = Date.now();
        const reads = await Promise.all(reading.map((file) => readArticle(file, this.readOptions(file, inside))));
        reads.forEach((read, i) => {
          if (this.open.has(reading[i])) return; // opened while it was read: the buffer wins
          if (read.ok) return void this.feedRead(read, readAt);
          this.skipped(read);
        });
        indexed(batch.length);
        await new Promise((resolve) => setImmediate(resolve)); // let requests through between batches
      }
    } catch (error) {
      this.connection.console.error(`Indexing failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      this.indexing = false;
      progress?.done();
      // Clients and tests wait for this instead of sleeping.
      void this.connection.sendNotification(INDEXED_NOTIFICATION, { files: this.corpus.fileCount });
    }
  }

  /**
   * Indexes `files` on `count` worker threads, BATCH articles per message, two messages in flight
   * per worker. Returns the files left unindexed because a worker failed (the caller indexes them).
   */
  private async indexOnThreads(files: readonly string[], count: number, sources: readonly RegistrySource[], indexed: (count: number) => void): Promise<string[]> {
    const generation = this.actors.registryGeneration;
    let pool: IndexThreads;
    try {
      pool = new IndexThreads(count, sources, this.roots.length ? this.roots : undefined);
    } catch (error) {
      this.connection.console.warn(`Could not start indexing threads, indexing on the main thread: ${error instanceof Error ? error.message : String(error)}`);
      return [...files];
    }
    this.connection.console.info(`Indexing ${files.length.toLocaleString('en')} articles on ${count} worker threads`);
    const left: string[] = [];
    const inFlight = new Set<Promise<void>>();
    try {
      for (let start = 0; start < files.length; start += BATCH) {
        const batch = files.slice(start, start + BATCH);
        const readAt = Date.now();
        const tasks = batch.filter((file) => !this.open.has(file)).map((file) => ({ file, scope: this.registries.pathFor(file), maxBytes: this.configs.forFile(file).config.maxFileSize }));
        const job = pool.index(tasks).then(
          (results) => {
            for (const result of results) {
              if (this.open.has(result.file)) continue; // opened while it was read: the buffer wins
              if (result.ok) this.feedIndexed(result, readAt, generation);
              else this.skipped(result);
            }
            indexed(batch.length);
          },
          (error: Error) => {
            if (left.length === 0) this.connection.console.warn(`Indexing on worker threads failed, continuing on the main thread: ${error.message}`);
            left.push(...batch);
          },
        );
        inFlight.add(job);
        void job.then(() => inFlight.delete(job), () => inFlight.delete(job));
        if (inFlight.size >= 2 * pool.size) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      await pool.close();
    }
    return left;
  }

  /** An article that could not be read: forgotten, and a symbolic link out of the workspace is logged. */
  private skipped(read: { file: string; kind: string; reason: string }): void {
    if (read.kind === 'outside') this.connection.console.warn(`${read.file}: ${read.reason}`);
    this.forget(read.file);
  }
}
