// The shared word facet: how often each Arabic word occurs and in how many files, and how often
// each pair of adjacent words occurs (keyed by the pair written without its space, so a merged
// token finds its spaced form in one lookup).
import { isArabicLetter } from '../text/chars';
import { surfaceKey } from '../text/normalize';
import { bump, type CorpusFacet, type FileInput } from './facet';

export interface WordData {
  tokenCount: number;
  /** word key → occurrences in this file */
  words: Map<string, number>;
  /** hash of `first + second` for adjacent Arabic words separated by one space → occurrences */
  pairs: Map<number, number>;
}

export class WordStats {
  tokenCount = 0;
  fileCount = 0;
  readonly words = new Map<string, number>();
  readonly wordFiles = new Map<string, number>();
  readonly pairs = new Map<number, number>();
  readonly pairFiles = new Map<number, number>();

  /** Occurrences of a word (compared on its surface key) in the corpus. */
  count(word: string): number {
    return this.words.get(surfaceKey(word)) ?? 0;
  }

  files(word: string): number {
    return this.wordFiles.get(surfaceKey(word)) ?? 0;
  }

  /** Occurrences of two adjacent words whose concatenation is `joined` (`الأمم المتحدة` for `الأممالمتحدة`). */
  pairCount(joined: string): number {
    return this.pairs.get(pairHash(surfaceKey(joined))) ?? 0;
  }

  pairFileCount(joined: string): number {
    return this.pairFiles.get(pairHash(surfaceKey(joined))) ?? 0;
  }
}

export const wordFacet: CorpusFacet<WordData, WordStats> = {
  id: 'words',
  collect: collectWords,
  createStats: () => new WordStats(),
  add: (stats, data) => apply(stats, data, 1),
  remove: (stats, data) => apply(stats, data, -1),
};

function apply(stats: WordStats, data: WordData, sign: 1 | -1): void {
  stats.tokenCount += sign * data.tokenCount;
  stats.fileCount += sign;
  for (const [word, count] of data.words) {
    bump(stats.words, word, sign * count);
    bump(stats.wordFiles, word, sign);
  }
  for (const [pair, count] of data.pairs) {
    bump(stats.pairs, pair, sign * count);
    bump(stats.pairFiles, pair, sign);
  }
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
  return { tokenCount, words, pairs };
}

function hasLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isArabicLetter(word.charCodeAt(i))) return true;
  return false;
}

/** A 52-bit FNV-1a style hash (two 26-bit lanes), exact in a double: collisions are negligible at corpus scale. */
export function pairHash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 2246822519);
  }
  return (a >>> 6) * 67108864 + (b >>> 6);
}
