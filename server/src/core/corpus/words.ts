// The shared word facet: how often each Arabic word occurs and in how many files, and how often
// each pair of adjacent words occurs (keyed by the pair written without its space, so a merged
// token finds its spaced form in one lookup).
import { AFTER_SPACE, FNV_SEED, fnv } from '../text/arabic-words';
import { foldKey, surfaceKey } from '../text/normalize';
import type { ChangeSet } from './change-set';
import { CountTable } from './count-table';
import { bump, countsOf, readTable, sortedTableChunks, StatsChunkError, tableChunks, type CorpusFacet, type FileInput, type StatsChunk } from './facet';

/** One file's words, kept compact: a corpus of 50,000 files holds one of these per file. */
export interface WordData {
  tokenCount: number;
  /** Distinct word keys, and how often each occurs in the file. */
  words: string[];
  wordCounts: Uint32Array;
  /** Distinct hashes of `first + second` for adjacent Arabic words separated by one space, with counts. */
  pairs: Int32Array;
  pairCounts: Uint32Array;
}

/** Occurrences in the corpus, and in how many files. */
interface Tally {
  count: number;
  files: number;
  /** A word's key, shared by every file's word list (see apply). */
  readonly key?: string;
}

export class WordStats {
  tokenCount = 0;
  fileCount = 0;
  readonly words = new Map<string, Tally>();
  readonly pairs = new CountTable();
  /** Net changes, for caches that follow them (set by CorpusIndex for an index whose files may change). */
  changes: ChangeSet | undefined = undefined;
  /** Distinct words per fold key (see foldKey): most words have one spelling, and then no other needs looking up. */
  private readonly folds = new Map<string, number>();

  /** Occurrences of a word (compared on its surface key) in the corpus. */
  count(word: string): number {
    return this.words.get(surfaceKey(word))?.count ?? 0;
  }

  files(word: string): number {
    return this.words.get(surfaceKey(word))?.files ?? 0;
  }

  /** Occurrences of two adjacent words whose concatenation is `joined` (`الأمم المتحدة` for `الأممالمتحدة`). */
  pairCount(joined: string): number {
    return this.pairs.count(pairKey(joined));
  }

  pairFileCount(joined: string): number {
    return this.pairs.files(pairKey(joined));
  }

  /** Whether the corpus has a word with the fold key of `word` other than `word` itself. */
  hasOtherSpelling(word: string): boolean {
    const key = surfaceKey(word);
    return (this.folds.get(foldKey(key)) ?? 0) > (this.words.has(key) ? 1 : 0);
  }

  /** Adds occurrences and files of one word (negative to take them away); returns its entry while it lasts. */
  addWord(key: string, count: number, files: number): Tally | undefined {
    let entry = this.words.get(key);
    if (!entry) {
      if (files <= 0) return undefined;
      this.words.set(key, (entry = { count, files, key }));
      bump(this.folds, foldKey(key), 1);
      return entry;
    }
    entry.count += count;
    entry.files += files;
    if (entry.files > 0) return entry;
    this.words.delete(key);
    bump(this.folds, foldKey(key), -1);
    return undefined;
  }
}

export const wordFacet: CorpusFacet<WordData, WordStats> = {
  id: 'words',
  collect: collectWords,
  createStats: () => new WordStats(),
  add: (stats, data) => apply(stats, data, 1),
  remove: (stats, data) => apply(stats, data, -1),
  exportStats: exportWordStats,
  addStats: addWordStats,
};

function apply(stats: WordStats, data: WordData, sign: 1 | -1): void {
  stats.tokenCount += sign * data.tokenCount;
  stats.fileCount += sign;
  const words = data.words;
  const changes = stats.changes;
  for (let i = 0; i < words.length; i++) {
    changes?.word(words[i], sign * data.wordCounts[i], sign);
    const entry = stats.addWord(words[i], sign * data.wordCounts[i], sign);
    // One string per distinct word in the whole index: each file's list points at the corpus's copy
    // (the file's own strings were sliced from its text, and would keep it alive).
    if (entry?.key !== undefined) words[i] = entry.key;
  }
  for (let i = 0; i < data.pairs.length; i++) {
    changes?.pair(data.pairs[i], sign * data.pairCounts[i], sign);
    stats.pairs.add(data.pairs[i], sign * data.pairCounts[i], sign);
  }
}

function collectWords({ words: { count, before, forms } }: FileInput): WordData {
  // One lookup per word and per pair gives a position in plain arrays of keys and counts, which
  // become the typed arrays at the end (TypedArray.from over a Map iterator is slow).
  const words: string[] = [];
  const wordCounts: number[] = [];
  const wordSlots = new KeySlots(count * 2);
  const pairs: number[] = [];
  const pairCounts: number[] = [];
  const pairSlots = new KeySlots(count * 2);
  // The FNV state after the previous word, if it has letters: a pair's hash continues it over the
  // next word, so no `previous + key` string is built per word. Same value as pairKey(previous + key).
  let previous = -1;
  for (let w = 0; w < count; w++) {
    const form = forms[w];
    // A pair is two Arabic words separated by exactly one plain space.
    if (previous !== -1 && before[w] === AFTER_SPACE) {
      const hash = finishHash(fnv(previous, form.surface));
      pairSlots.count(pairSlots.findHash(hash), hash, pairs, pairCounts, hash);
    }
    wordSlots.count(wordSlots.findWord(form.hash, form.surface, words), form.hash, words, wordCounts, form.surface);
    previous = form.hasLetters ? form.hash : -1;
  }
  return {
    tokenCount: count,
    // A copy at its exact length: the list is kept per file, the one grown by push has spare room.
    words: words.slice(),
    wordCounts: new Uint32Array(wordCounts),
    pairs: new Int32Array(pairs),
    pairCounts: new Uint32Array(pairCounts),
  };
}

/**
 * One file's distinct words (or pairs) → their positions in its lists, by open addressing on the
 * FNV hashes collectWords has anyway, in typed arrays: a Map would hash every word again, and
 * grow and rehash as the file's words come in. A file has at most as many distinct words, and
 * pairs, as words, so a table with twice as many slots stays at most half full.
 */
class KeySlots {
  /** Position + 1 of the key in a slot; 0 marks an empty slot. */
  private readonly positions: Int32Array;
  private readonly hashes: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(tokenCount: number) {
    const bits = Math.max(4, Math.ceil(Math.log2(tokenCount + 1)));
    this.positions = new Int32Array(1 << bits);
    this.hashes = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  /** The slot of `word` (FNV hash `hash`, list `words`), or the empty slot where it goes. */
  findWord(hash: number, word: string, words: readonly string[]): number {
    let slot = this.home(hash);
    while (this.positions[slot] !== 0 && (this.hashes[slot] !== (hash | 0) || words[this.positions[slot] - 1] !== word)) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The slot of a key that is its own hash (a pair hash), or the empty slot where it goes. */
  findHash(hash: number): number {
    let slot = this.home(hash);
    while (this.positions[slot] !== 0 && this.hashes[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** One more occurrence of `key`, found at `slot`: its count goes up, or it joins the lists with a count of one. */
  count<K>(slot: number, hash: number, keys: K[], counts: number[], key: K): void {
    const position = this.positions[slot] - 1;
    if (position >= 0) {
      counts[position]++;
      return;
    }
    this.hashes[slot] = hash;
    this.positions[slot] = keys.length + 1;
    keys.push(key);
    counts.push(1);
  }

  /** Multiplicative hashing spreads the hash's high bits over the table (as CountTable does). */
  private home(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }
}

/** The key of two adjacent words in the pair counts, from the pair written without its space. */
export function pairKey(joined: string): number {
  return pairHash(surfaceKey(joined));
}

/**
 * A 30-bit FNV-1a hash: small integers make fast Map keys (a 52-bit float key was 10x slower).
 * A collision only adds a false spaced-form count to one pair in a billion-wide space; the rules
 * using it never decide on that count alone.
 */
export function pairHash(text: string): number {
  return finishHash(fnv(FNV_SEED, text));
}

const MAX_PAIR_HASH = 0x3fffffff;

function finishHash(hash: number): number {
  return (hash ^ (hash >>> 30)) & MAX_PAIR_HASH;
}

// ---- exported statistics: every figure is a sum over files (tokens, files, occurrences, files containing) ----

function* exportWordStats(stats: WordStats): Generator<StatsChunk> {
  yield ['totals', stats.tokenCount, stats.fileCount];
  const columns = [(tally: Tally) => tally.count, (tally: Tally) => tally.files];
  yield* tableChunks('words', stats.words, columns);
  const { keys, counts, files } = stats.pairs.sorted();
  yield* sortedTableChunks('pairs', keys, [counts, files]);
}

function addWordStats(stats: WordStats, chunk: StatsChunk): void {
  stats.changes?.everything();
  if (chunk[0] === 'totals') {
    const [tokens, files] = countsOf(chunk.slice(1), 'totals', 2);
    stats.tokenCount += tokens;
    stats.fileCount += files;
  } else if (chunk[0] === 'words') {
    const { keys, columns: [counts, files] } = readTable(chunk, 'string', 2);
    // Through addWord, which keeps the per-fold counts.
    for (let i = 0; i < keys.length; i++) stats.addWord(keys[i], counts[i], files[i]);
  } else if (chunk[0] === 'pairs') {
    const { keys, columns: [counts, files] } = readTable(chunk, 'integer', 2);
    const bad = keys.find((key) => key > MAX_PAIR_HASH);
    if (bad !== undefined) throw new StatsChunkError(`pair key ${bad} is not a pair hash`);
    for (let i = 0; i < keys.length; i++) stats.pairs.add(keys[i], counts[i], files[i]);
  } else throw new StatsChunkError(`unknown table '${String(chunk[0])}'`);
}
