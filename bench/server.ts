// The language server over stdio (dist/server.js), cold: each session is a new process on the
// corpus. A session measures initialize (spawn → result), the first diagnostics of an article
// opened right after `initialized` (while the workspace is being indexed), the time to a complete
// index (`initialized` → `nassaq/indexed`) and the memory then. The first session goes on with
// navigation and editing; later ones (up to `runs`, within `budgetMs`) only repeat the start-up,
// whose figures are medians over the sessions.
import { readFileSync } from 'node:fs';
import { benchEditing, formatEditing, type EditOptions, type EditResults } from './edit';
import type { BenchCorpus } from './corpus';
import { count, mb, median, ms, now, processCpuMs, processMemory, repeatWithin, table, type ProcessMemory } from './lib';
import { BenchServer, fileUri } from './lsp';
import { benchNavigation, formatNavigation, type NavigationOptions, type NavigationResults } from './navigation';
import { verdict } from './targets';

export interface ServerOptions {
  runs: number;
  budgetMs: number;
  /** Why navigation or editing is not measured, if it is not; undefined means measure it. */
  skipNavigation?: string;
  skipEditing?: string;
  navigation: NavigationOptions;
  editing: EditOptions;
  /** Extra node flags for the server (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** The server's `indexThreads` (worker threads for indexing); the server's own choice when undefined. */
  indexThreads?: number;
}

export interface SessionResult {
  initializeMs: number;
  firstDiagnosticsMs: number;
  /** The first diagnostics came before `nassaq/indexed`. */
  whileIndexing: boolean;
  indexMs: number;
  /** Server CPU (user + system) from `initialized` to `nassaq/indexed`. */
  indexCpuMs?: number;
  indexedFiles: number;
  /** Worker threads the server indexed on (its log says so), 0 for its own thread. */
  indexThreads: number;
  afterIndex?: ProcessMemory;
}

export interface ServerResults {
  sessions: SessionResult[];
  /** Medians over the sessions. */
  initializeMs: number;
  firstDiagnosticsMs: number;
  indexMs: number;
  indexCpuMs?: number;
  rssAfterIndex?: number;
  /** After navigation and editing (first session). */
  atEnd?: ProcessMemory;
  navigation?: NavigationResults;
  navigationSkipped?: string;
  editing?: EditResults;
  editingSkipped?: string;
  checks: string[];
}

const BOM = '\uFEFF';

export async function benchServer(corpus: BenchCorpus, options: ServerOptions): Promise<ServerResults> {
  const results: Partial<ServerResults> = { navigationSkipped: options.skipNavigation, editingSkipped: options.skipEditing };
  const sessions = await repeatWithin(options.runs, options.budgetMs, async (run) => {
    const server = new BenchServer(options.nodeArgs);
    try {
      const session = await startSession(server, corpus, options.indexThreads);
      if (run === 0 && (!options.skipNavigation || !options.skipEditing)) {
        await followUp(server, corpus, options, results);
        results.atEnd = processMemory(server.pid);
      }
      return session;
    } finally {
      await server.stop();
    }
  });
  const checks = sessions.filter((s) => s.indexedFiles !== corpus.articles).map((s) => `the server indexed ${count(s.indexedFiles)} files, the corpus has ${count(corpus.articles)}`);
  const defined = (values: Array<number | undefined>) => values.filter((v): v is number => v !== undefined);
  return {
    ...results,
    sessions,
    initializeMs: median(sessions.map((s) => s.initializeMs)),
    firstDiagnosticsMs: median(sessions.map((s) => s.firstDiagnosticsMs)),
    indexMs: median(sessions.map((s) => s.indexMs)),
    indexCpuMs: median(defined(sessions.map((s) => s.indexCpuMs))),
    rssAfterIndex: median(defined(sessions.map((s) => s.afterIndex?.rss))),
    checks: [...new Set(checks)],
  };
}

/** initialize, open the edit target at once, wait for the index. */
async function startSession(server: BenchServer, corpus: BenchCorpus, indexThreads: number | undefined): Promise<SessionResult> {
  let indexedAt: number | undefined;
  const indexed = server.nextIndexed().then((files) => ((indexedAt = now()), files));
  await server.initialize(corpus.root, indexThreads === undefined ? undefined : { indexThreads });
  const initializedAt = now();
  const initializeMs = initializedAt - server.spawnedAt;
  const cpuAtStart = processCpuMs(server.pid);
  await server.open(corpus.editTarget.file, articleText(corpus.editTarget.file));
  const firstDiagnosticsMs = now() - server.spawnedAt;
  const whileIndexing = indexedAt === undefined;
  const indexedFiles = await indexed;
  const cpuAtIndexed = processCpuMs(server.pid);
  return {
    initializeMs,
    firstDiagnosticsMs,
    whileIndexing,
    indexMs: indexedAt! - initializedAt,
    indexCpuMs: cpuAtStart === undefined || cpuAtIndexed === undefined ? undefined : cpuAtIndexed - cpuAtStart,
    indexedFiles,
    indexThreads: Number(/on (\d+) worker threads/.exec(server.log.join(''))?.[1] ?? 0),
    afterIndex: processMemory(server.pid),
  };
}

async function followUp(server: BenchServer, corpus: BenchCorpus, options: ServerOptions, results: Partial<ServerResults>): Promise<void> {
  const uri = fileUri(corpus.editTarget.file);
  if (!options.skipNavigation && corpus.generated) results.navigation = await benchNavigation(server, corpus.generated, new Set([uri]), options.navigation);
  if (!options.skipEditing) results.editing = await benchEditing(server, uri, corpus.editTarget, articleText(corpus.editTarget.file), options.editing);
}

/** An article as an editor holds it: without a byte-order mark. */
function articleText(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function formatServer(r: ServerResults, articles: number): string {
  const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
  const rows = [
    ['initialize (spawn → result)', `${ms(r.initializeMs)} ms`, verdict('initialize', r.initializeMs)],
    [`first diagnostics of an article opened at once (spawn → publish; ${r.sessions.every((x) => x.whileIndexing) ? 'while indexing' : 'the index was complete first'})`, `${ms(r.firstDiagnosticsMs)} ms`, verdict('firstDiagnostics', r.firstDiagnosticsMs)],
    [`complete index of ${count(articles)} articles (initialized → nassaq/indexed)`, s(r.indexMs), verdict('index', r.indexMs)],
    ['  on worker threads (the server\'s log)', [...new Set(r.sessions.map((x) => x.indexThreads))].join(' / '), ''],
    ['  server CPU while indexing (every thread)', r.indexCpuMs === undefined || Number.isNaN(r.indexCpuMs) ? 'n/a' : s(r.indexCpuMs), ''],
    ['RSS after indexing', r.rssAfterIndex === undefined || Number.isNaN(r.rssAfterIndex) ? 'n/a' : mb(r.rssAfterIndex), verdict('serverRss', r.rssAfterIndex)],
  ];
  if (r.atEnd) rows.push(['RSS / peak RSS after navigation and editing', `${mb(r.atEnd.rss)} / ${mb(r.atEnd.peak)}`, '']);
  const out = [table([`language server (median of ${r.sessions.length} session${r.sessions.length > 1 ? 's' : ''})`, 'figure', 'target'], rows)];
  out.push(r.navigation ? `\nNavigation\n${formatNavigation(r.navigation)}` : `\nNavigation skipped: ${r.navigationSkipped ?? 'not asked for'}`);
  out.push(r.editing ? `\nEditing\n${formatEditing(r.editing)}` : `\nEditing skipped: ${r.editingSkipped ?? 'not asked for'}`);
  for (const check of r.checks) out.push(`CHECK FAILED: ${check}`);
  return out.join('\n');
}
