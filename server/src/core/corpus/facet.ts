// A facet is one kind of corpus knowledge: what a rule needs to know about the other files.
// Each file contributes data computed from its text alone; the corpus keeps statistics that
// add and remove those contributions, so an edit updates them by difference, never by rebuild.
import { arabicWords, type ArabicWords } from '../text/arabic-words';
import { LineIndex } from '../text/lines';

/** What a facet reads of a file: its Arabic words, not Token objects, which indexing never builds. */
export interface FileInput {
  readonly text: string;
  readonly words: ArabicWords;
  readonly lines: LineIndex;
}

/** A text's facet input. */
export function fileInput(text: string): FileInput {
  return { text, words: arabicWords(text), lines: new LineIndex(text) };
}

export interface CorpusFacet<Data = unknown, Stats = unknown> {
  /** Unique id, usually the rule id. */
  readonly id: string;
  /** This file's contribution. Pure: depends on the text only. */
  collect(file: FileInput): Data;
  createStats(): Stats;
  add(stats: Stats, data: Data): void;
  /** Exactly undoes `add` of the same data. */
  remove(stats: Stats, data: Data): void;
  /**
   * The statistics as JSON-able chunks (`[table, keys, column…]`, see tableChunks), in a fixed
   * order: equal statistics export equally. For stats files, so shards can be indexed apart.
   */
  exportStats(stats: Stats): Iterable<StatsChunk>;
  /**
   * Adds one exported chunk into `stats`, as `add` adds a file: merging is addition, so it is
   * associative and commutative. Derived values (a cache `version`) are bumped as `add` bumps them.
   * Throws StatsChunkError on a chunk it cannot read.
   */
  addStats(stats: Stats, chunk: StatsChunk): void;
}

/** Adds `delta` to a counter in a map, deleting the key when it reaches zero. */
export function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

// ---- exported statistics ----
// Every facet's statistics are sums of per-file contributions (counts, file counts), never maxima
// or shares, so the statistics of two shards add up to those of their union.

/** A piece of a facet's exported statistics: a table name, then columns. JSON-able. */
export type StatsChunk = readonly unknown[];

/** A chunk of exported statistics that is not what its facet writes. */
export class StatsChunkError extends Error {}

/** Rows per chunk: a stats file holds one chunk per line, never one line of millions of entries. */
export const CHUNK_ROWS = 50_000;

/**
 * A table as chunks `[table, keys, column…]`, keys sorted (code units; numbers by value), at most
 * CHUNK_ROWS rows each. Integer keys (hashes) are written as differences from the previous key,
 * which keeps them short.
 */
export function* tableChunks<K extends string | number, V>(table: string, map: ReadonlyMap<K, V>, columns: ReadonlyArray<(value: V) => number>): Generator<StatsChunk> {
  const keys = [...map.keys()];
  if (typeof keys[0] === 'number') (keys as number[]).sort((a, b) => a - b);
  else keys.sort();
  yield* sortedTableChunks(table, keys, columns.map((column) => keys.map((key) => column(map.get(key)!))));
}

/** A table already sorted by key, as tableChunks writes it: `columns[c][i]` is column c of row `keys[i]`. */
export function* sortedTableChunks(table: string, keys: ArrayLike<string | number>, columns: ReadonlyArray<ArrayLike<number>>): Generator<StatsChunk> {
  const slice = <T>(values: ArrayLike<T>, start: number, end: number) => Array.from({ length: end - start }, (_, i) => values[start + i]);
  for (let start = 0; start < keys.length; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, keys.length);
    const rows = slice<string | number>(keys, start, end);
    const written = typeof rows[0] === 'number' ? rows.map((key, i) => (i === 0 ? key : (key as number) - (rows[i - 1] as number))) : rows;
    yield [table, written, ...columns.map((column) => slice(column, start, end))];
  }
}

export interface Table<K> {
  keys: K[];
  columns: number[][];
}

/** Reads a chunk written by tableChunks with `width` columns of counts; throws StatsChunkError when malformed. */
export function readTable(chunk: StatsChunk, keys: 'string', width: number): Table<string>;
export function readTable(chunk: StatsChunk, keys: 'integer', width: number): Table<number>;
export function readTable(chunk: StatsChunk, keyKind: 'string' | 'integer', width: number): Table<string | number> {
  const [table, keys, ...columns] = chunk;
  if (columns.length !== width || !Array.isArray(keys)) throw new StatsChunkError(`table '${String(table)}' needs keys and ${width} columns`);
  if (keyKind === 'string' && !keys.every((key) => typeof key === 'string')) throw new StatsChunkError(`table '${String(table)}' has a key that is not a string`);
  const read = keyKind === 'integer' ? countsOf(keys, `${String(table)} keys`).slice() : keys;
  if (keyKind === 'integer') for (let i = 1; i < read.length; i++) read[i] += read[i - 1];
  return { keys: read, columns: columns.map((column, i) => countsOf(column, `${String(table)} column ${i + 1}`, keys.length)) };
}

/** Non-negative integers, as many as `length` when given. */
export function countsOf(value: unknown, what: string, length?: number): number[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) throw new StatsChunkError(`${what}: expected ${length ?? 'an array of'} numbers`);
  for (const n of value) if (!Number.isSafeInteger(n) || n < 0) throw new StatsChunkError(`${what}: ${JSON.stringify(n)} is not a count`);
  return value as number[];
}

/** Statistics made of counter maps (key → sum over files), one table each. */
export type CounterTables<S> = Readonly<Record<string, (stats: S) => Map<string, number>>>;

export function* exportCounterTables<S>(stats: S, tables: CounterTables<S>): Generator<StatsChunk> {
  for (const [table, map] of Object.entries(tables)) yield* tableChunks(table, map(stats), [(count) => count]);
}

export function addCounterTable<S>(stats: S, tables: CounterTables<S>, chunk: StatsChunk): void {
  const map = Object.hasOwn(tables, String(chunk[0])) ? tables[String(chunk[0])](stats) : undefined;
  if (!map) throw new StatsChunkError(`unknown table '${String(chunk[0])}'`);
  const { keys, columns } = readTable(chunk, 'string', 1);
  for (let i = 0; i < keys.length; i++) bump(map, keys[i], columns[0][i]);
}
