// The corpus as rules see it, one view per configuration (each has its own accept list).
import type { ActorIndex } from '../core/actors/actor-index';
import type { NassaqConfig } from '../core/config/config';
import type { CorpusIndex } from '../core/corpus/corpus-index';
import type { CorpusView } from '../core/corpus/corpus-view';
import { viewOf } from '../core/corpus/lint-corpus';
import type { Dictionary } from '../core/lexicon/dictionary';
import { loadArabicDictionary } from '../node/lexicon';
import type { CorpusSource } from './linter';

export class CorpusViews implements CorpusSource {
  private views = new WeakMap<NassaqConfig, Map<string, CorpusView>>();
  private registryGeneration = -1;

  constructor(
    private readonly corpus: CorpusIndex,
    private readonly actors: ActorIndex,
    /** The registry governing a file. */
    private readonly registryFor: (file: string) => string,
    private readonly dictionary: Dictionary = loadArabicDictionary(),
  ) {}

  /** Moves whenever corpus statistics or registries change (both counters only grow). */
  get generation(): number {
    return this.corpus.generation + this.actors.generation;
  }

  /** The corpus as the file sees it: its configuration's accept list and its actor registry. */
  view(config: NassaqConfig, file?: string): CorpusView {
    if (this.registryGeneration !== this.actors.registryGeneration) {
      this.views = new WeakMap(); // views hold the registries of their time
      this.registryGeneration = this.actors.registryGeneration;
    }
    const registry = file === undefined ? '' : this.registryFor(file);
    let byRegistry = this.views.get(config);
    if (!byRegistry) this.views.set(config, (byRegistry = new Map()));
    let view = byRegistry.get(registry);
    if (!view) byRegistry.set(registry, (view = viewOf(this.corpus, this.dictionary, config, registry ? this.actors.registryView(registry) : undefined)));
    return view;
  }

  clear(): void {
    this.views = new WeakMap();
  }
}
