// What changed in the corpus statistics since a cache last looked, and what each cached answer
// read, so that a keystroke drops only the answers it can have changed. A keystroke changes one or
// two words of one file; dropping every cached name analysis on every keystroke made each one
// recompute the whole open article's words (issue #6, keystroke latency).
//
// Keys are fold keys (foldKey of the surface key): a read of any spelling depends on its fold key,
// and a change of any spelling invalidates its fold key, so spellings that fold together (hamza
// forms, ta marbuta) share one key. Adjacent-pair reads depend on the pair's hash.
import { foldKey, surfaceKey } from '../text/normalize';

/** Past this many changed keys between two looks, a cache is dropped whole (a scan, a merge). */
const MAX_CHANGES = 20_000;

interface Delta {
  count: number;
  files: number;
}

/** Net changes of word, pair and name-position counts, recorded as the statistics change. */
export class ChangeSet {
  private readonly words = new Map<string, Delta>();
  private readonly pairs = new Map<number, Delta>();
  private readonly named = new Map<string, number>();
  private overflowed = false;

  word(key: string, count: number, files: number): void {
    if (!this.full()) addDelta(this.words, key, count, files);
  }

  pair(hash: number, count: number, files: number): void {
    if (!this.full()) addDelta(this.pairs, hash, count, files);
  }

  /** A count of name positions by fold key. */
  name(key: string, count: number): void {
    if (this.full()) return;
    this.named.set(key, (this.named.get(key) ?? 0) + count);
  }

  /** Statistics added in bulk (another shard's): everything may have changed. */
  everything(): void {
    this.overflowed = true;
    this.clear();
  }

  /** The fold keys and pair hashes whose counts changed since the last call, or 'all'; starts afresh. */
  take(): { folds: Set<string>; pairs: Set<number> } | 'all' {
    if (this.overflowed) {
      this.overflowed = false;
      return 'all';
    }
    const folds = new Set<string>();
    // A file removed and added again with the same word changes nothing: only net changes count.
    for (const [key, delta] of this.words) if (delta.count !== 0 || delta.files !== 0) folds.add(foldKey(key));
    for (const [key, count] of this.named) if (count !== 0) folds.add(key);
    const pairs = new Set<number>();
    for (const [hash, delta] of this.pairs) if (delta.count !== 0 || delta.files !== 0) pairs.add(hash);
    this.clear();
    return { folds, pairs };
  }

  private full(): boolean {
    if (this.overflowed) return true;
    if (this.words.size + this.pairs.size + this.named.size < MAX_CHANGES) return false;
    this.everything();
    return true;
  }

  private clear(): void {
    this.words.clear();
    this.pairs.clear();
    this.named.clear();
  }
}

function addDelta<K>(deltas: Map<K, Delta>, key: K, count: number, files: number): void {
  const delta = deltas.get(key);
  if (delta) {
    delta.count += count;
    delta.files += files;
  } else deltas.set(key, { count, files });
}

/** What one cached answer read: words (any spelling), fold keys, pairs (joined spellings). */
export interface Reads {
  words: string[];
  folds: string[];
  pairs: string[];
  /** Reads of cached answers it used, which it depends on as well. */
  nested: Reads[];
}

interface CachedRef {
  table: Map<string, unknown>;
  key: string;
}

/**
 * Records the reads of cached answers as they are computed, and drops the answers whose reads a
 * ChangeSet names. `pairHash` is the word statistics' hash of a joined pair.
 */
export class ReadTracker {
  private current: Reads | undefined;
  private readonly byFold = new Map<string, CachedRef[]>();
  private readonly byPair = new Map<number, CachedRef[]>();
  /** The reads of each cached answer, by table, for answers used inside another's computation. */
  private readonly readsOf = new Map<Map<string, unknown>, Map<string, Reads>>();
  private refs = 0;

  constructor(private readonly pairHash: (joined: string) => number) {}

  word(word: string): void {
    this.current?.words.push(word);
  }

  fold(key: string): void {
    this.current?.folds.push(key);
  }

  pair(joined: string): void {
    this.current?.pairs.push(joined);
  }

  /** Computes a cached answer, recording what it read under `table`/`key`. */
  compute<V>(table: Map<string, unknown>, key: string, compute: () => V): V {
    const parent = this.current;
    const reads: Reads = { words: [], folds: [], pairs: [], nested: [] };
    this.current = reads;
    try {
      const value = compute();
      this.register(table, key, reads);
      return value;
    } finally {
      this.current = parent;
      parent?.nested.push(reads);
    }
  }

  /** A cached answer was used: whatever is being computed read what it read. */
  used(table: Map<string, unknown>, key: string): void {
    if (!this.current) return;
    const reads = this.readsOf.get(table)?.get(key);
    if (reads) this.current.nested.push(reads);
  }

  /** Drops the answers that read a changed key. */
  invalidate(folds: ReadonlySet<string>, pairs: ReadonlySet<number>): void {
    for (const fold of folds) this.drop(this.byFold, fold);
    for (const pair of pairs) this.drop(this.byPair, pair);
  }

  /** A table was emptied by its owner: its answers' reads are no longer needed. */
  forget(table: Map<string, unknown>): void {
    this.readsOf.delete(table);
  }

  /** References kept, stale ones included: past a bound the owner starts afresh. */
  get size(): number {
    return this.refs;
  }

  private drop<K>(index: Map<K, CachedRef[]>, key: K): void {
    const refs = index.get(key);
    if (!refs) return;
    for (const { table, key: cached } of refs) {
      table.delete(cached);
      this.readsOf.get(table)?.delete(cached);
    }
    index.delete(key);
  }

  private register(table: Map<string, unknown>, key: string, reads: Reads): void {
    let tableReads = this.readsOf.get(table);
    if (!tableReads) this.readsOf.set(table, (tableReads = new Map()));
    // A second answer kept under the same key (a word's transliteration, on its entry) adds to the first's reads.
    const previous = tableReads.get(key);
    tableReads.set(key, previous ? { words: [], folds: [], pairs: [], nested: [previous, reads] } : reads);
    const ref: CachedRef = { table, key };
    const folds = new Set<string>();
    const pairs = new Set<number>();
    const visit = (r: Reads): void => {
      for (const word of r.words) folds.add(foldKey(surfaceKey(word)));
      for (const fold of r.folds) folds.add(fold);
      for (const joined of r.pairs) pairs.add(this.pairHash(joined));
      for (const nested of r.nested) visit(nested);
    };
    visit(reads);
    for (const fold of folds) push(this.byFold, fold, ref);
    for (const pair of pairs) push(this.byPair, pair, ref);
    this.refs += folds.size + pairs.size;
  }
}

function push<K>(index: Map<K, CachedRef[]>, key: K, ref: CachedRef): void {
  const refs = index.get(key);
  if (refs) refs.push(ref);
  else index.set(key, [ref]);
}
