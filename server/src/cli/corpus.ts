// The corpus of one `nassaq check` run: every article it reads, indexed once, so corpus rules
// see the same statistics in the CLI as in the language server. With `--stats`, the statistics
// come from a stats file of the whole corpus instead (the run's articles are counted in it): rules
// read only statistics (CorpusView), never other files' data, so a shard checked against the
// merged statistics gets the findings of one run over the whole corpus.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ActorIndex, type RegistrySource } from '../core/actors/actor-index';
import { parseRegistry } from '../core/actors/registry';
import { english, type Translate } from '../core/l10n';
import type { NassaqConfig } from '../core/config/config';
import { LineIndex } from '../core/text/lines';
import { contentHash, CorpusIndex } from '../core/corpus/corpus-index';
import type { CorpusView } from '../core/corpus/corpus-view';
import type { StatsChunk } from '../core/corpus/facet';
import { viewOf } from '../core/corpus/lint-corpus';
import { CorpusStats } from '../core/corpus/stats-file';
import { ruleFacets } from '../core/engine';
import type { Dictionary } from '../core/lexicon/dictionary';
import type { ArticleRead } from '../node/article-file';
import { loadArabicDictionary } from '../node/lexicon';
import { readStatsFile } from '../node/stats-io';
import type { ArticleTarget } from './discover';
import { nassaqVersion } from './format-sarif';

/** The index of a CLI run: the rule catalogue's facets. Stats files hold the statistics of these. */
export function cliIndex(): CorpusIndex {
  // Each article is indexed once per run: its data is not kept once added up.
  return new CorpusIndex(ruleFacets(), { keepFileData: false });
}

/** The statistics of stats files, added up; throws StatsFileError (its message is for the user). */
export async function loadCorpusStats(files: readonly string[], cwd: string, t: Translate): Promise<CorpusStats> {
  const stats = new CorpusStats(cliIndex());
  for (const file of files) await readStatsFile(path.resolve(cwd, file), file, stats, nassaqVersion(), t);
  return stats;
}

/** The actor registries of a run's articles, and their problems as `file:line:col  severity  message`. */
export interface Registries {
  sources: RegistrySource[];
  messages: string[];
  /** A registry has errors: the run reports them and exits with 2. */
  failed: boolean;
}

/** Reads and checks the registries that govern `targets`, each once, in path order. */
export function loadRegistries(targets: readonly ArticleTarget[], cwd: string, t: Translate): Registries {
  const registries: Registries = { sources: [], messages: [], failed: false };
  // A registry that resolves outside the corpus (a symbolic link) is never read; nassaq.yaml's own `actors` is refused earlier.
  for (const file of [...new Set(targets.filter((target) => target.registryInside).map((target) => target.registry))].sort()) {
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
      registries.messages.push(`${path.relative(cwd, file) || file}:${line + 1}:${character + 1}  ${problem.severity}  ${problem.message}`);
      if (problem.severity === 'error') registries.failed = true;
    }
    registries.sources.push({ file, actors: parsed.actors });
  }
  return registries;
}

export class CheckCorpus {
  private readonly index: CorpusIndex;
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
    /** Statistics of the whole corpus (`--stats`), which count these articles already. */
    stats?: { stats: CorpusStats; file: string },
    /** The registries, when read already (a worker thread gets them from the main thread). */
    registries?: Registries,
  ) {
    this.index = stats?.stats.index ?? cliIndex();
    if (stats) this.checkCounted(reads, stats, t);
    else
      reads.forEach((read, i) => {
        if (read.ok) this.index.update(targets[i].file, read.text);
      });
    const loaded = registries ?? loadRegistries(targets, cwd, t);
    this.messages.push(...loaded.messages);
    this.failed = loaded.failed;
    this.actors.setRegistries(loaded.sources);
  }

  /** Warns about articles the statistics do not count: changed since `nassaq stats`, or of another corpus. */
  private checkCounted(reads: readonly ArticleRead[], { stats, file }: { stats: CorpusStats; file: string }, t: Translate): void {
    const uncounted = reads.filter((read) => read.ok && !stats.counts(contentHash(read.text))).length;
    if (uncounted === 0) return;
    this.messages.push(
      `nassaq: ${t.plural(
        uncounted,
        'warning: {1} does not count {0} article checked here (changed since the statistics were collected?): its findings may differ from one run',
        'warning: {1} does not count {0} articles checked here (changed since the statistics were collected?): their findings may differ from one run',
        file,
      )}`,
    );
  }

  /** The statistics of the articles indexed here, for another thread's index (see parallel.ts). */
  exportStats(): Iterable<[facetId: string, chunk: StatsChunk]> {
    return this.index.exportStats();
  }

  /** Adds statistics of articles indexed elsewhere. */
  addStats(facetId: string, chunk: StatsChunk): void {
    this.index.addStats(facetId, chunk);
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
