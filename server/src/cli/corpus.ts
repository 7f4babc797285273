// The corpus of one `nassaq check` run: every article it reads, indexed once, so corpus rules
// see the same statistics in the CLI as in the language server.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ActorIndex } from '../core/actors/actor-index';
import { parseRegistry } from '../core/actors/registry';
import { english, type Translate } from '../core/l10n';
import type { NassaqConfig } from '../core/config/config';
import { LineIndex } from '../core/text/lines';
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
  private readonly actors = new ActorIndex();
  private readonly views = new Map<string, CorpusView>();
  private readonly configIds = new Map<NassaqConfig, number>();
  /** Registry problems, as `file:line:col  severity  message`. */
  readonly messages: string[] = [];
  /** A registry has errors: the run reports them and exits with 2. */
  failed = false;

  constructor(
    targets: readonly ArticleTarget[],
    reads: readonly ArticleRead[],
    cwd: string,
    private readonly dictionary: Dictionary = loadArabicDictionary(),
    t: Translate = english,
  ) {
    reads.forEach((read, i) => {
      if (read.ok) this.index.update(targets[i].file, read.text);
    });
    const sources = [];
    // A registry that resolves outside the corpus (a symbolic link) is never read; nassaq.yaml's own `actors` is refused earlier.
    for (const file of [...new Set(targets.filter((t) => t.registryInside).map((t) => t.registry))].sort()) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      } catch {
        continue; // no registry: corpus majorities decide
      }
      const parsed = parseRegistry(text, t);
      const lines = new LineIndex(text);
      for (const problem of parsed.problems) {
        const { line, character } = lines.positionAt(problem.offset);
        this.messages.push(`${path.relative(cwd, file) || file}:${line + 1}:${character + 1}  ${problem.severity}  ${problem.message}`);
        if (problem.severity === 'error') this.failed = true;
      }
      sources.push({ file, actors: parsed.actors });
    }
    this.actors.setRegistries(sources);
  }

  /** The corpus as seen by one article: its configuration's accept list, its registry. */
  viewFor(target: ArticleTarget): CorpusView {
    let configId = this.configIds.get(target.config);
    if (configId === undefined) this.configIds.set(target.config, (configId = this.configIds.size));
    const key = `${configId}\n${target.registry}`;
    let view = this.views.get(key);
    if (!view) {
      view = viewOf(this.index, this.dictionary, target.config, this.actors.registryView(target.registry));
      this.views.set(key, view);
    }
    return view;
  }
}
