// The corpus of one `nassaq check` run: every article it reads, indexed once, so corpus rules
// see the same statistics in the CLI as in the language server.
import type { NassaqConfig } from '../core/config/config';
import { CorpusIndex } from '../core/corpus/corpus-index';
import type { CorpusView } from '../core/corpus/corpus-view';
import { viewOf } from '../core/corpus/lint-corpus';
import { ruleFacets } from '../core/engine';
import type { Dictionary } from '../core/lexicon/dictionary';
import type { ArticleRead } from '../node/article-file';
import { loadArabicDictionary } from '../node/lexicon';
import type { ArticleTarget } from './discover';

export class CheckCorpus {
  private readonly index = new CorpusIndex(ruleFacets());
  private readonly views = new Map<NassaqConfig, CorpusView>();

  constructor(
    targets: readonly ArticleTarget[],
    reads: readonly ArticleRead[],
    private readonly dictionary: Dictionary = loadArabicDictionary(),
  ) {
    reads.forEach((read, i) => {
      if (read.ok) this.index.update(targets[i].file, read.text);
    });
  }

  /** The corpus as seen under one configuration (its accept list). */
  viewFor(config: NassaqConfig): CorpusView {
    let view = this.views.get(config);
    if (!view) {
      view = viewOf(this.index, this.dictionary, config);
      this.views.set(config, view);
    }
    return view;
  }
}
