// What a dictionary answers. The Arabic dictionary compiled from @cspell/dict-ar and the small
// word sets built from `accept` lists both implement it.
export interface Dictionary {
  /** True when `word` (an exact surface form, without diacritics or tatweel) is a known word. */
  has(word: string): boolean;
}

export const EMPTY_DICTIONARY: Dictionary = { has: () => false };

export class WordSetDictionary implements Dictionary {
  private readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}
