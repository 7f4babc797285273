// Lints a whole corpus held in memory: index every file, then check each against the corpus.
// The CLI and the evaluation use it; the server keeps a long-lived CorpusIndex instead.
import type { RegistryView } from '../actors/actor-index';
import type { NassaqConfig } from '../config/config';
import { lintText, ruleFacets } from '../engine';
import type { Dictionary } from '../lexicon/dictionary';
import { WordSetDictionary } from '../lexicon/dictionary';
import type { Finding } from '../rules/rule';
import { surfaceKey } from '../text/normalize';
import { CorpusIndex } from './corpus-index';
import { corpusView, type CorpusView } from './corpus-view';

export interface CorpusFile {
  id: string;
  text: string;
}

export function buildCorpus(files: Iterable<CorpusFile>): CorpusIndex {
  const index = new CorpusIndex(ruleFacets());
  for (const file of files) index.update(file.id, file.text);
  return index;
}

export function viewOf(index: CorpusIndex, dictionary: Dictionary, config: NassaqConfig, actors?: RegistryView): CorpusView {
  return corpusView(index, dictionary, new WordSetDictionary(config.accept.map(surfaceKey)), actors);
}

export function lintCorpus(files: readonly CorpusFile[], config: NassaqConfig, dictionary: Dictionary): Map<string, Finding[]> {
  const corpus = viewOf(buildCorpus(files), dictionary, config);
  return new Map(files.map((file) => [file.id, lintText(file.text, config, { corpus })]));
}
