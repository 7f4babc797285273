// What a rule sees of the corpus while it checks one file.
import type { RegistryView } from '../actors/actor-index';
import type { Dictionary } from '../lexicon/dictionary';
import type { CorpusIndex } from './corpus-index';
import type { CorpusFacet } from './facet';
import type { WordStats } from './words';

export interface CorpusView {
  /** Word and adjacent-pair frequencies over every indexed file (this one included). */
  readonly words: WordStats;
  /** The Arabic dictionary (exact surface forms; see lexicon/words.ts for clitic-aware lookups). */
  readonly dictionary: Dictionary;
  /** Words of the `accept` list, as surface keys (see text/normalize.ts). */
  readonly accepted: Dictionary;
  readonly fileCount: number;
  /** The actor registry governing the text, if there is one: its names are canonical. */
  readonly actors?: RegistryView;
  /** Statistics of a rule's own facet. */
  stats<S>(facet: CorpusFacet<unknown, S>): S;
}

export function corpusView(index: CorpusIndex, dictionary: Dictionary, accepted: Dictionary, actors?: RegistryView): CorpusView {
  return {
    words: index.words,
    dictionary,
    accepted,
    ...(actors ? { actors } : {}),
    get fileCount() {
      return index.fileCount;
    },
    stats: (facet) => index.statsOf(facet),
  };
}
