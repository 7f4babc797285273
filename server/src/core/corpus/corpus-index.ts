// The corpus index: per-file facet data keyed by content, and corpus statistics kept up to date
// by difference. Pure and synchronous: the caller feeds it texts (from disk, editors or tests).
import { ChangeSet } from './change-set';
import { fileInput, type CorpusFacet, type FileInput, type StatsChunk } from './facet';
import { wordFacet, type WordStats } from './words';

export interface FileEntry {
  /** Content hash of the text the data was collected from. */
  readonly hash: number;
  readonly length: number;
  readonly data: ReadonlyMap<string, unknown>;
}

export class CorpusIndex {
  private readonly facets: readonly CorpusFacet[];
  private readonly entries = new Map<string, FileEntry>();
  private readonly stats = new Map<string, unknown>();
  /** Bumped on every change, so callers can tell whether corpus findings may have moved. */
  generation = 0;

  /**
   * `keepFileData: false` keeps only each file's hash: a run that indexes every file once (the CLI)
   * needs no per-file data, which is most of an index's memory, but such a file cannot change.
   */
  constructor(
    facets: readonly CorpusFacet[],
    private readonly options: { keepFileData?: boolean } = {},
  ) {
    this.facets = [wordFacet as CorpusFacet, ...facets.filter((f) => f.id !== wordFacet.id)];
    // Statistics that can report their net changes do so while files can change (see change-set.ts).
    const changes = options.keepFileData === false ? undefined : new ChangeSet();
    for (const facet of this.facets) {
      const stats = facet.createStats();
      if (changes && typeof stats === 'object' && stats !== null && 'changes' in stats) (stats as { changes?: ChangeSet }).changes = changes;
      this.stats.set(facet.id, stats);
    }
  }

  /** Files the statistics count: the indexed ones, and those of statistics added by addStats. */
  get fileCount(): number {
    return this.words.fileCount;
  }

  /** Ids of the indexed facets, the word facet first. */
  get facetIds(): string[] {
    return this.facets.map((facet) => facet.id);
  }

  has(fileId: string): boolean {
    return this.entries.has(fileId);
  }

  entry(fileId: string): FileEntry | undefined {
    return this.entries.get(fileId);
  }

  fileIds(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Collects a file's data; a file whose content did not change costs one hash. Returns whether anything changed. */
  update(fileId: string, text: string, input?: FileInput, hash = contentHash(text)): boolean {
    if (this.holds(fileId, hash, text.length)) return false;
    this.replace(fileId, this.collect(text, input, hash));
    return true;
  }

  /** Whether the file is indexed with the text of this hash and length. */
  holds(fileId: string, hash: number, length: number): boolean {
    const entry = this.entries.get(fileId);
    return entry !== undefined && entry.hash === hash && entry.length === length;
  }

  /**
   * A text's entry for these facets, without indexing it: another thread collects entries that
   * this index then adds with updateEntry. Facet data is plain data (maps, arrays, typed arrays),
   * so an entry crosses threads by structured clone.
   */
  collect(text: string, input: FileInput = fileInput(text), hash = contentHash(text)): FileEntry {
    const data = new Map<string, unknown>();
    for (const facet of this.facets) data.set(facet.id, facet.collect(input));
    return { hash, length: text.length, data };
  }

  /** Adds an entry collected elsewhere (another process or thread) for the same facets; returns whether anything changed. */
  updateEntry(fileId: string, entry: FileEntry): boolean {
    if (this.holds(fileId, entry.hash, entry.length)) return false;
    this.replace(fileId, entry);
    return true;
  }

  remove(fileId: string): boolean {
    if (!this.entries.has(fileId)) return false;
    this.replace(fileId, undefined);
    return true;
  }

  statsOf<S>(facet: CorpusFacet<unknown, S>): S {
    const stats = this.stats.get(facet.id);
    if (stats === undefined) throw new Error(`facet ${facet.id} is not indexed`);
    return stats as S;
  }

  get words(): WordStats {
    return this.statsOf(wordFacet);
  }

  /** Every facet's statistics as JSON-able chunks, with the facet's id: what a stats file holds. */
  *exportStats(): Generator<[facetId: string, chunk: StatsChunk]> {
    for (const facet of this.facets) for (const chunk of facet.exportStats(this.stats.get(facet.id))) yield [facet.id, chunk];
  }

  /**
   * Adds exported statistics of files this index does not hold (another shard's): merging is
   * addition, so shards merge in any order and grouping. Those files must not be indexed here too,
   * or they count twice; such statistics cannot be removed again.
   */
  addStats(facetId: string, chunk: StatsChunk): void {
    const facet = this.facets.find((f) => f.id === facetId);
    if (!facet) throw new Error(`facet ${facetId} is not indexed`);
    facet.addStats(this.stats.get(facet.id), chunk);
    this.generation++;
  }

  private replace(fileId: string, entry: FileEntry | undefined): void {
    const old = this.entries.get(fileId);
    if (old?.data === NO_DATA) throw new Error(`${fileId} is indexed without its data: it cannot change`);
    for (const facet of this.facets) {
      const stats = this.stats.get(facet.id);
      if (old) facet.remove(stats, old.data.get(facet.id));
      if (entry) facet.add(stats, entry.data.get(facet.id));
    }
    if (entry) this.entries.set(fileId, this.options.keepFileData === false ? { hash: entry.hash, length: entry.length, data: NO_DATA } : entry);
    else this.entries.delete(fileId);
    this.generation++;
  }
}

const NO_DATA: ReadonlyMap<string, unknown> = new Map();

/** FNV-1a over UTF-16 code units; with the length it tells whether a file's text changed. */
export function contentHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
