// The shared word facet: how often each Arabic word occurs and in how many files, and how often
// each pair of adjacent words occurs (keyed by the pair written without its space, so a merged
// token finds its spaced form in one lookup).
import { isArabicLetter } from '../text/chars';
import { surfaceKey } from '../text/normalize';
import { countsOf, readTable, StatsChunkError, tableChunks, type StatsChunk } from './facet';
import { bump, type CorpusFacet, type FileInput } from './facet';

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
}

export class WordStats {
  tokenCount = 0;
  fileCount = 0;
  readonly words = new Map<string, Tally>();
  readonly pairs = new Map<number, Tally>();

  /** Occurrences of a word (compared on its surface key) in the corpus. */
  count(word: string): number {
    return this.words.get(surfaceKey(word))?.count ?? 0;
  }

  files(word: string): number {
    return this.words.get(surfaceKey(word))?.files ?? 0;
  }

  /** Occurrences of two adjacent words whose concatenation is `joined` (`الأمم المتحدة` for `الأممالمتحدة`). */
  pairCount(joined: string): number {
    return this.pairs.get(pairHash(surfaceKey(joined)))?.count ?? 0;
  }

  pairFileCount(joined: string): number {
    return this.pairs.get(pairHash(surfaceKey(joined)))?.files ?? 0;
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
  for (let i = 0; i < data.words.length; i++) tally(stats.words, data.words[i], sign, data.wordCounts[i]);
  for (let i = 0; i < data.pairs.length; i++) tally(stats.pairs, data.pairs[i], sign, data.pairCounts[i]);
}

function tally<K>(map: Map<K, Tally>, key: K, sign: 1 | -1, count: number): void {
  const entry = map.get(key);
  if (!entry) {
    if (sign > 0) map.set(key, { count, files: 1 });
    return;
  }
  entry.count += sign * count;
  entry.files += sign;
  if (entry.files === 0) map.delete(key);
}

function collectWords({ tokens }: FileInput): WordData {
  const words = new Map<string, number>();
  const pairs = new Map<number, number>();
  let tokenCount = 0;
  let previous: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'arabic') {
      // A pair is two Arabic words separated by exactly one plain space.
      if (!(token.kind === 'space' && token.text === ' ')) previous = undefined;
      continue;
    }
    tokenCount++;
    const key = surfaceKey(token.text);
    bump(words, key, 1);
    if (previous !== undefined && tokens[i - 1].kind === 'space') bump(pairs, pairHash(previous + key), 1);
    previous = hasLetters(key) ? key : undefined;
  }
  const pairList = [...pairs.keys()];
  return {
    tokenCount,
    words: [...words.keys()],
    wordCounts: Uint32Array.from(words.values()),
    pairs: Int32Array.from(pairList),
    pairCounts: Uint32Array.from(pairList, (pair) => pairs.get(pair)!),
  };
}

function hasLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isArabicLetter(word.charCodeAt(i))) return true;
  return false;
}

/**
 * A 30-bit FNV-1a hash: small integers make fast Map keys (a 52-bit float key was 10x slower).
 * A collision only adds a false spaced-form count to one pair in a billion-wide space; the rules
 * using it never decide on that count alone.
 */
export function pairHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash ^ (hash >>> 30)) & 0x3fffffff;
}

// ---- exported statistics: every figure is a sum over files (tokens, files, occurrences, files containing) ----

function* exportWordStats(stats: WordStats): Generator<StatsChunk> {
  yield ['totals', stats.tokenCount, stats.fileCount];
  const columns = [(tally: Tally) => tally.count, (tally: Tally) => tally.files];
  yield* tableChunks('words', stats.words, columns);
  yield* tableChunks('pairs', stats.pairs, columns);
}

function addWordStats(stats: WordStats, chunk: StatsChunk): void {
  if (chunk[0] === 'totals') {
    const [tokens, files] = countsOf(chunk.slice(1), 'totals', 2);
    stats.tokenCount += tokens;
    stats.fileCount += files;
  } else if (chunk[0] === 'words') addTallies(stats.words, readTable(chunk, 'string', 2));
  else if (chunk[0] === 'pairs') addTallies(stats.pairs, readTable(chunk, 'integer', 2));
  else throw new StatsChunkError(`unknown table '${String(chunk[0])}'`);
}

function addTallies<K>(map: Map<K, Tally>, { keys, columns: [counts, files] }: { keys: K[]; columns: number[][] }): void {
  for (let i = 0; i < keys.length; i++) {
    if (files[i] === 0) continue;
    const entry = map.get(keys[i]);
    if (entry) {
      entry.count += counts[i];
      entry.files += files[i];
    } else map.set(keys[i], { count: counts[i], files: files[i] });
  }
}
