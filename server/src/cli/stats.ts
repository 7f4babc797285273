// `nassaq stats [paths…] --out FILE`: the corpus statistics of some articles (a shard), found and
// read as `check` finds and reads them. `nassaq stats merge FILE… --out FILE`: statistics added
// up. Merging is addition, so shards can be merged in any order and grouping, and
// `nassaq check --stats merged.json <shard>` then lints a shard against the whole corpus.
// See docs/scaling.md.
import * as path from 'node:path';
import { CorpusStats } from '../core/corpus/stats-file';
import { translator, type Locale, type Translate } from '../core/l10n';
import { writeStatsFile } from '../node/stats-io';
import { discoverAndRead, EXIT_OK, EXIT_USAGE, fileName, loadStats, type ReadOptions } from './check';
import { cliIndex } from './corpus';
import { nassaqVersion } from './format-sarif';
import { textReporter } from './format-text';
import type { Terminal } from './progress';

export interface StatsOptions extends ReadOptions {
  out: string;
  locale?: Locale;
}

export async function runStats(options: StatsOptions, terminal: Terminal): Promise<number> {
  const t = translator(options.locale);
  const found = await discoverAndRead(options, terminal, t);
  if (!found) return EXIT_USAGE;
  const index = cliIndex();
  // Skipped files are named on stderr, as `check` names them; they are not counted.
  const reporter = textReporter(terminal, false, t);
  for (let i = 0; i < found.targets.length; i++) {
    const read = found.reads[i];
    if (read.ok) index.update(found.targets[i].file, read.text);
    else await reporter.skipped({ ...fileName(found.targets[i].file, options.cwd), reason: read.reason });
  }
  return write(CorpusStats.of(index), options, terminal, t);
}

export interface MergeOptions {
  files: readonly string[];
  out: string;
  cwd: string;
  locale?: Locale;
}

export async function runStatsMerge(options: MergeOptions, terminal: Terminal): Promise<number> {
  const t = translator(options.locale);
  const stats = await loadStats(options.files, options.cwd, terminal, t);
  if (stats === null) return EXIT_USAGE;
  return write(stats, options, terminal, t);
}

async function write(stats: CorpusStats, { out, cwd }: { out: string; cwd: string }, terminal: Terminal, t: Translate): Promise<number> {
  try {
    await writeStatsFile(path.resolve(cwd, out), stats, nassaqVersion());
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    terminal.err(`nassaq: ${t('cannot write {0}: {1}', out, err.code ?? err.message)}`);
    return EXIT_USAGE;
  }
  const files = t.plural(stats.index.fileCount, '{0} file', '{0} files');
  const words = t.plural(stats.index.words.tokenCount, '{0} word', '{0} words');
  await terminal.out(`${t('Statistics of {0} ({1}) written to {2}', files, words, out)}\n`);
  await terminal.flush();
  return EXIT_OK;
}
