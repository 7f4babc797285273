// `nassaq check`: finds the articles, reads them (synchronously: see readAll), lints (and with
// --fix repairs) each one in a fixed order, and hands the results to the chosen formatter.
// With --stats, the corpus statistics come from a stats file (see stats.ts) instead of the articles.
import * as path from 'node:path';
import type { NassaqConfig } from '../core/config/config';
import { fixAll, lintText, preferredFix } from '../core/engine';
import type { Finding, Severity } from '../core/rules/rule';
import { LineIndex } from '../core/text/lines';
import { translator, type Locale, type Translate } from '../core/l10n';
import type { CorpusView } from '../core/corpus/corpus-view';
import { DEFAULT_MAX_FILE_SIZE, readArticleSync, writeArticleIfUnchanged, type ArticleOk, type ArticleRead } from '../node/article-file';
import { removeStaleTempFiles } from '../node/atomic-write';
import { CheckCorpus, loadCorpusStats, loadRegistries } from './corpus';
import { checkInWorkers, workerCount } from './parallel';
import { StatsFileError, type CorpusStats } from '../core/corpus/stats-file';
import { discover, toPosix, type ArticleTarget } from './discover';
import { jsonReporter } from './format-json';
import { sarifReporter } from './format-sarif';
import { textReporter } from './format-text';
import type { Terminal } from './progress';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  paths: readonly string[];
  cwd: string;
  format: Format;
  fix: boolean;
  /** Report errors only. */
  quiet: boolean;
  configFile?: string;
  maxFileSize?: number;
  /** The language of messages (English when absent). */
  locale?: Locale;
  /** Worker threads to check on (`--jobs`); one by default (parallel.ts says why). */
  jobs?: number;
  /** A stats file of the whole corpus (`nassaq stats`, `nassaq stats merge`) to lint against. */
  stats?: string;
}

/** What finding and reading articles needs. */
export type ReadOptions = Pick<CheckOptions, 'paths' | 'cwd' | 'configFile' | 'maxFileSize'>;

/** Where a file is shown: relative to the working directory, with `/` and with the OS separator. */
export interface FileName {
  path: string;
  nativePath: string;
}

export interface FileReport extends FileName {
  text: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface FileNote extends FileName {
  reason: string;
}

export interface Summary {
  /** Files checked (skipped ones not counted). */
  files: number;
  filesWithProblems: number;
  counts: Record<Severity, number>;
  /** Reported findings that `--fix` would repair. */
  fixable: number;
  skipped: number;
  fix?: { applied: number; files: number; notFixed: number };
}

export interface Reporter {
  file(report: FileReport): Promise<void>;
  skipped(note: FileNote): Promise<void>;
  notFixed(note: FileNote): Promise<void>;
  end(summary: Summary): Promise<void>;
}

export type Outcome =
  | { kind: 'skipped'; target: ArticleTarget; reason: string; failed?: boolean }
  | { kind: 'checked'; target: ArticleTarget; text: string; findings: Finding[]; applied: number; notFixed?: string; failed?: boolean };

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
const NO_LINES = new LineIndex('');

export async function runCheck(options: CheckOptions, terminal: Terminal): Promise<number> {
  const t = translator(options.locale);
  // A bad stats file stops the run before any article is read.
  const stats = options.stats === undefined ? undefined : await loadStats([options.stats], options.cwd, terminal, t);
  if (stats === null) return EXIT_USAGE;
  const targets = await discoverTargets(options, terminal, t);
  if (!targets) return EXIT_USAGE;
  // Against a stats file there is no index to build: one thread lints as fast as it reads.
  const workers = stats ? 1 : workerCount(targets.length, options.jobs);
  const outcomes = workers > 1 ? checkOnThreads(targets, options, workers, terminal, t) : checkOnThisThread(targets, options, stats, terminal, t);

  const reporter = createReporter(options.format, terminal, options, t);
  const summary = emptySummary(options.fix);
  // A fix that could not be written, or a crash inside a rule: reported, and the exit code is 2.
  let failed = false;
  try {
    for await (const outcome of outcomes) {
      if (outcome === EXIT_USAGE) return EXIT_USAGE;
      terminal.tick();
      await record(outcome, options.cwd, reporter, summary);
      if (outcome.failed) failed = true;
    }
  } finally {
    terminal.stopProgress();
  }
  await reporter.end(summary);
  await terminal.flush();
  if (failed) return EXIT_USAGE;
  return summary.counts.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Reads and indexes every article, then lints them in order; yields EXIT_USAGE first if a registry is broken. */
async function* checkOnThisThread(targets: ArticleTarget[], options: CheckOptions, stats: CorpusStats | undefined, terminal: Terminal, t: Translate): AsyncGenerator<Outcome | typeof EXIT_USAGE> {
  const reads = await readWithProgress(targets, options, terminal, t);
  // A run killed before left temporary files beside the articles: tidy them before writing.
  if (options.fix) await removeStaleTempFiles(targets.map((target) => path.dirname(target.file)));
  // Corpus rules compare each article with all the others: index everything before linting.
  const corpus = new CheckCorpus(targets, reads, options.cwd, undefined, t, stats && { stats, file: options.stats! });
  for (const message of corpus.messages) terminal.err(message);
  if (corpus.failed) return yield EXIT_USAGE;
  terminal.startProgress(targets.length, options.fix ? t('Fixing') : t('Checking'));
  for (let i = 0; i < targets.length; i++) yield await processFile(targets[i], reads[i], options, corpus.viewFor(targets[i]), t);
}

/** The same on worker threads (parallel.ts), which read, index and lint; this thread reports. */
async function* checkOnThreads(targets: ArticleTarget[], options: CheckOptions, workers: number, terminal: Terminal, t: Translate): AsyncGenerator<Outcome | typeof EXIT_USAGE> {
  // Registries are read once, here, and their problems reported before any thread starts.
  const registries = loadRegistries(targets, options.cwd, t);
  for (const message of registries.messages) terminal.err(message);
  if (registries.failed) return yield EXIT_USAGE;
  if (options.fix) await removeStaleTempFiles(targets.map((target) => path.dirname(target.file)));
  terminal.startProgress(targets.length, t('Indexing'));
  const indexed = () => {
    terminal.stopProgress();
    terminal.startProgress(targets.length, options.fix ? t('Fixing') : t('Checking'));
  };
  yield* checkInWorkers(targets, options, registries, workers, { read: () => terminal.tick(), indexed });
}

/** Finds the articles and reads them, as check does; undefined when the paths or configuration are wrong (reported). */
export async function discoverAndRead(options: ReadOptions, terminal: Terminal, t: Translate): Promise<{ targets: ArticleTarget[]; reads: ArticleRead[] } | undefined> {
  const targets = await discoverTargets(options, terminal, t);
  return targets && { targets, reads: readWithProgress(targets, options, terminal, t) };
}

/** Finds the articles; undefined when the paths or configuration are wrong (reported). */
async function discoverTargets(options: ReadOptions, terminal: Terminal, t: Translate): Promise<ArticleTarget[] | undefined> {
  const discovery = await discover(options.paths, options.cwd, options.configFile, t);
  for (const message of discovery.messages) terminal.err(message);
  if (discovery.failed) return undefined;
  if (discovery.targets.length === 0) terminal.err(`nassaq: ${t('no article files found (see include/exclude in nassaq.yaml)')}`);
  return discovery.targets;
}

function readWithProgress(targets: readonly ArticleTarget[], options: ReadOptions & { fix?: boolean }, terminal: Terminal, t: Translate): ArticleRead[] {
  terminal.startProgress(targets.length, t('Indexing'));
  try {
    return readAll(targets, options, t, () => terminal.tick());
  } finally {
    terminal.stopProgress();
  }
}

/** Stats files added up, or null when one cannot be used (reported). */
export async function loadStats(files: readonly string[], cwd: string, terminal: Terminal, t: Translate): Promise<CorpusStats | null> {
  try {
    return await loadCorpusStats(files, cwd, t);
  } catch (error) {
    if (!(error instanceof StatsFileError)) throw error;
    terminal.err(`nassaq: ${error.message}`);
    return null;
  }
}

function createReporter(format: Format, terminal: Terminal, options: CheckOptions, t: Translate): Reporter {
  if (format === 'json') return jsonReporter(terminal, options.fix);
  if (format === 'sarif') return sarifReporter(terminal, options.cwd, t);
  return textReporter(terminal, options.fix, t);
}

function emptySummary(fix: boolean): Summary {
  return {
    files: 0,
    filesWithProblems: 0,
    counts: { error: 0, warning: 0, info: 0, hint: 0 },
    fixable: 0,
    skipped: 0,
    fix: fix ? { applied: 0, files: 0, notFixed: 0 } : undefined,
  };
}

async function record(outcome: Outcome, cwd: string, reporter: Reporter, summary: Summary): Promise<void> {
  const name = fileName(outcome.target.file, cwd);
  if (outcome.kind === 'skipped') {
    summary.skipped++;
    await reporter.skipped({ ...name, reason: outcome.reason });
    return;
  }
  summary.files++;
  if (outcome.findings.length > 0) summary.filesWithProblems++;
  for (const finding of outcome.findings) {
    summary.counts[finding.severity]++;
    if (preferredFix(finding)) summary.fixable++;
  }
  if (summary.fix && outcome.applied > 0) {
    summary.fix.applied += outcome.applied;
    summary.fix.files++;
  }
  if (summary.fix && outcome.notFixed) {
    summary.fix.notFixed++;
    await reporter.notFixed({ ...name, reason: outcome.notFixed });
  }
  // Line starts are only needed to place findings.
  const lines = outcome.findings.length > 0 ? new LineIndex(outcome.text) : NO_LINES;
  await reporter.file({ ...name, text: outcome.text, lines, findings: outcome.findings });
}

export function fileName(file: string, cwd: string): FileName {
  const nativePath = path.relative(cwd, file) || path.basename(file);
  return { path: toPosix(nativePath), nativePath };
}

/**
 * Reads every target, in order. Synchronously: the run waits for the reads anyway, and the four
 * asynchronous steps of readArticle cost several times the CPU (see readArticleSync).
 */
export function readAll(targets: readonly ArticleTarget[], options: Pick<ReadOptions, 'maxFileSize'> & { fix?: boolean }, t: Translate, onRead: () => void): ArticleRead[] {
  // --max-file-size wins over max-file-size in the nassaq.yaml that governs the file.
  const maxBytes = (target: ArticleTarget) => options.maxFileSize ?? target.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  return targets.map((target) => {
    // The bytes are kept only to check, before --fix writes, that the file did not change.
    const read = readArticleSync(target.file, { maxBytes: maxBytes(target), t, keepBytes: options.fix === true, ...(target.within ? { within: [target.within] } : {}) });
    onRead();
    return read;
  });
}

/** Lints and (with --fix) repairs one file. Never rejects. */
export async function processFile(target: ArticleTarget, read: ArticleRead, options: Pick<CheckOptions, 'fix' | 'quiet' | 'locale'>, corpus: CorpusView, t: Translate): Promise<Outcome> {
  if (!read.ok) return { kind: 'skipped', target, reason: read.reason };
  try {
    const findings = lintText(read.text, target.config, { corpus, locale: options.locale });
    const outcome: Outcome = { kind: 'checked', target, text: read.text, findings, applied: 0 };
    if (options.fix && findings.some((f) => preferredFix(f) !== undefined)) await fixFile(read, target.config, corpus, outcome, t);
    if (options.quiet) outcome.findings = outcome.findings.filter((f) => f.severity === 'error');
    return outcome;
  } catch (error) {
    return { kind: 'skipped', target, reason: t('internal error while linting: {0}', (error as Error)?.message ?? String(error)), failed: true };
  }
}

/** Applies safe fixes and writes them, unless the file changed meanwhile; updates `outcome`. */
async function fixFile(read: ArticleOk, config: NassaqConfig, corpus: CorpusView, outcome: Extract<Outcome, { kind: 'checked' }>, t: Translate): Promise<void> {
  const fixed = fixAll(read.text, config, { corpus });
  if (fixed.text === read.text) return;
  try {
    if (!read.bytes) throw new Error(`${read.file} was read without its bytes`);
    const written = await writeArticleIfUnchanged(read.file, read.bytes, fixed.text, read.bom, t);
    if (!written.written) {
      outcome.notFixed = written.reason;
      return;
    }
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    outcome.notFixed = t('cannot write the fixes ({0}); not fixed', err?.code ?? err?.message ?? String(error));
    outcome.failed = true;
    return;
  }
  outcome.text = fixed.text;
  outcome.applied = fixed.applied;
  outcome.findings = lintText(fixed.text, config, { corpus, locale: t.locale });
}

/** Runs `fn` over `items` with at most `limit` in flight and yields the results in input order. */
export async function* mapOrdered<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const start = (): void => {
    const promise = fn(items[next++]);
    promise.catch(() => undefined); // rejections surface when awaited in order, not as unhandled
    pending.push(promise);
  };
  while (next < items.length && pending.length < Math.max(1, limit)) start();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    if (next < items.length) start();
    yield result;
  }
}
