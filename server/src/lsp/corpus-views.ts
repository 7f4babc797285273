// The corpus as rules see it, one view per configuration (each has its own accept list).
import type { NassaqConfig } from '../core/config/config';
import type { CorpusIndex } from '../core/corpus/corpus-index';
import type { CorpusView } from '../core/corpus/corpus-view';
import { viewOf } from '../core/corpus/lint-corpus';
import type { Dictionary } from '../core/lexicon/dictionary';
import { loadArabicDictionary } from '../node/lexicon';
import type { CorpusSource } from './linter';

export class CorpusViews implements CorpusSource {
  private views = new WeakMap<NassaqConfig, CorpusView>();

  constructor(
    private readonly corpus: CorpusIndex,
    private readonly dictionary: Dictionary = loadArabicDictionary(),
  ) {}

  get generation(): number {
    return this.corpus.generation;
  }

  view(config: NassaqConfig): CorpusView {
    let view = this.views.get(config);
    if (!view) this.views.set(config, (view = viewOf(this.corpus, this.dictionary, config)));
    return view;
  }

  clear(): void {
    this.views = new WeakMap();
  }
}
