// Actor navigation at corpus scale (issue #4): (a) the name matcher in process — tokenizing, the
// trie walk alone, and ActorIndex.update (match + mentions + positions + counts) over every
// article, against the whole registry; (b) the language server over stdio — time to index the
// corpus, its memory, and p50/p95 of references, rename, hover, definition and workspace symbols
// on the hot actor (10,000+ mentions).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Hover, Location, SymbolInformation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { GeneratedCorpus } from './generate';
import { count, cpuMs, loadBundled, mb, ms, now, processCpuMs, processMemory, sample, size, stats, table, timed, type ProcessMemory, type Stats } from './lib';
import { BenchServer } from './lsp';

export interface ActorsBenchOptions {
  /** Timed runs per LSP request (after one first call, reported apart). */
  runs: number;
  /** Stop timing a request after this many milliseconds (at least 5 runs). */
  budgetMs: number;
  /** Passes of the in-process matcher over the corpus. */
  passes: number;
  /** Extra node flags for the server (e.g. --cpu-prof). */
  serverNodeArgs?: string[];
  /** Skip the in-process part or the LSP part. */
  skipMatcher?: boolean;
  skipLsp?: boolean;
}

export interface MatcherResults {
  files: number;
  bytes: number;
  chars: number;
  registry: { actors: number; parseMs: number; setRegistriesMs: number; patterns: number };
  /** Per pass, total milliseconds of each stage; medians below. */
  passes: Array<{ tokenizeMs: number; lineIndexMs: number; matchMs: number; updateMs: number; wallMs: number; cpuMs: number }>;
  median: { tokenizeMs: number; lineIndexMs: number; matchMs: number; updateMs: number; totalMs: number };
  /** UTF-8 MB per second at the median. */
  mbPerSecond: { tokenize: number; match: number; update: number; total: number };
  mentions: number;
  hotMentions: number;
}

export interface RequestResult {
  request: string;
  /** What came back, e.g. "10,001 locations". */
  result: string;
  firstMs: number;
  stats: Stats;
  responseBytes: number;
}

export interface LspResults {
  startupMs: number;
  indexMs: number;
  /** Server CPU time (user + system) spent from `initialized` to `nassaq/indexed`. */
  indexCpuMs?: number;
  indexedFiles: number;
  memoryAfterIndex?: ProcessMemory;
  memoryAtEnd?: ProcessMemory;
  openMs: number;
  requests: RequestResult[];
}

export interface ActorsResults {
  corpus: { articles: number; bytes: number; actors: number; hotMentions: number; hotArticles: number; hotForms: GeneratedCorpus['hot']['forms'] };
  matcher?: MatcherResults;
  lsp?: LspResults;
  checks: string[];
}

/** Every article of the generated corpus, in path order. */
function articleFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(dir, f))
    .sort();
}

function median(values: number[]): number {
  return stats(values).p50;
}

export function benchMatcher(corpus: GeneratedCorpus, passes: number): MatcherResults {
  const { ActorIndex, LineIndex, NameMatcher, parseRegistry, tokenize } = loadBundled<typeof import('./core')>('core.ts');
  const files = articleFiles(corpus.articlesDir);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const registryText = readFileSync(corpus.registry, 'utf8');
  let start = now();
  const parsed = parseRegistry(registryText);
  const parseMs = now() - start;
  if (!parsed.usable || parsed.problems.length) throw new Error(`the generated registry has problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const scope = () => corpus.registry;
  const sources = [{ file: corpus.registry, actors: parsed.actors }];
  // The bare trie, as ActorIndex builds it, to time the walk without the index's bookkeeping.
  const matcher = new NameMatcher();
  let target = 0;
  for (const actor of parsed.actors) for (const spelling of [actor.name, ...actor.aliases, ...actor.variants]) matcher.add(spelling, target++);

  const runs: MatcherResults['passes'] = [];
  let setRegistriesMs = 0;
  let mentions = 0;
  let hotMentions = 0;
  for (let pass = 0; pass < passes; pass++) {
    const index = new ActorIndex(scope);
    start = now();
    index.setRegistries(sources);
    setRegistriesMs = now() - start;
    const run = { tokenizeMs: 0, lineIndexMs: 0, matchMs: 0, updateMs: 0, wallMs: 0, cpuMs: 0 };
    const passStart = now();
    const passCpu = cpuMs();
    let found = 0;
    for (let i = 0; i < files.length; i++) {
      const text = texts[i];
      const t0 = now();
      const tokens = tokenize(text);
      const t1 = now();
      const lines = new LineIndex(text);
      const t2 = now();
      found += matcher.match(tokens).length;
      const t3 = now();
      index.update(files[i], text, tokens, lines);
      const t4 = now();
      run.tokenizeMs += t1 - t0;
      run.lineIndexMs += t2 - t1;
      run.matchMs += t3 - t2;
      run.updateMs += t4 - t3;
    }
    run.wallMs = now() - passStart;
    run.cpuMs = cpuMs() - passCpu;
    runs.push(run);
    mentions = index.actors.reduce((n, a) => n + index.mentionCount(a.ordinal), 0);
    if (found !== mentions) throw new Error(`the bare matcher found ${found} mentions, the index ${mentions}`);
    const hot = index.actors.find((a) => a.id === corpus.hot.id)!;
    hotMentions = index.mentionCount(hot.ordinal);
  }
  const med = {
    tokenizeMs: median(runs.map((r) => r.tokenizeMs)),
    lineIndexMs: median(runs.map((r) => r.lineIndexMs)),
    matchMs: median(runs.map((r) => r.matchMs)),
    updateMs: median(runs.map((r) => r.updateMs)),
    totalMs: median(runs.map((r) => r.tokenizeMs + r.lineIndexMs + r.updateMs)),
  };
  const rate = (msTotal: number) => bytes / 1e6 / (msTotal / 1000);
  return {
    files: files.length,
    bytes,
    chars,
    registry: { actors: parsed.actors.length, parseMs, setRegistriesMs, patterns: matcher.size },
    passes: runs,
    median: med,
    mbPerSecond: { tokenize: rate(med.tokenizeMs), match: rate(med.matchMs), update: rate(med.updateMs), total: rate(med.totalMs) },
    mentions,
    hotMentions,
  };
}

export async function benchLsp(corpus: GeneratedCorpus, runs: number, budgetMs: number, nodeArgs: string[] = []): Promise<LspResults> {
  const server = new BenchServer(nodeArgs);
  try {
    const indexed = server.nextIndexed();
    const init = await timed(() => server.initialize(corpus.dir));
    const initializedAt = now();
    const cpuAtStart = processCpuMs(server.pid);
    const indexedFiles = await indexed;
    const indexMs = now() - initializedAt;
    const cpuAtIndexed = processCpuMs(server.pid);
    const indexCpuMs = cpuAtStart === undefined || cpuAtIndexed === undefined ? undefined : cpuAtIndexed - cpuAtStart;
    const memoryAfterIndex = processMemory(server.pid);

    const { file, line, character } = corpus.hot.sample;
    const open = await timed(() => server.open(file, readFileSync(file, 'utf8')));
    const textDocument = { uri: open.value };
    const position = { line, character: character + 2 };
    const requests: RequestResult[] = [];
    const measure = async <T>(request: string, method: string, params: unknown, describe: (result: T) => string) => {
      const first = await timed(() => server.request<T>(method, params));
      const timedRuns = await sample(runs, () => server.request<T>(method, params), { budgetMs });
      requests.push({ request, result: describe(timedRuns.last), firstMs: first.ms, stats: timedRuns.stats, responseBytes: Buffer.byteLength(JSON.stringify(timedRuns.last ?? null)) });
    };

    await measure<Location[]>('references (hot actor)', 'textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, (r) => `${count(r?.length ?? 0)} locations`);
    await measure<WorkspaceEdit>('rename edit (hot actor)', 'textDocument/rename', { textDocument, position, newName: 'رائد سليم الأنصاري' }, (r) => {
      const changes = (r?.documentChanges ?? []) as TextDocumentEdit[];
      return `${count(changes.reduce((n, c) => n + c.edits.length, 0))} edits in ${count(changes.length)} files`;
    });
    await measure<Hover | null>('hover (hot actor)', 'textDocument/hover', { textDocument, position }, (r) => {
      const value = (r?.contents as { value?: string } | undefined)?.value ?? '';
      return /\*\*([\d,]+) mentions/.exec(value)?.[0].replace(/\*/g, '') ?? 'no card';
    });
    await measure<Location | null>('definition (hot actor)', 'textDocument/definition', { textDocument, position }, (r) => (r ? `actors.yaml:${r.range.start.line + 1}` : 'none'));
    await measure<SymbolInformation[]>(`workspace/symbol "${corpus.hot.otherSpelling}"`, 'workspace/symbol', { query: corpus.hot.otherSpelling }, (r) => `${count(r?.length ?? 0)} symbols${r?.[0]?.name === corpus.hot.name ? ' (hot first)' : ''}`);
    await measure<SymbolInformation[]>('workspace/symbol "احمد" (broad)', 'workspace/symbol', { query: 'احمد' }, (r) => `${count(r?.length ?? 0)} symbols`);
    await measure<{ actors: unknown[] }>('nassaq/actors (Actors view, all)', 'nassaq/actors', {}, (r) => `${count(r?.actors.length ?? 0)} actors`);

    const memoryAtEnd = processMemory(server.pid);
    return { startupMs: init.ms, indexMs, indexCpuMs, indexedFiles, memoryAfterIndex, memoryAtEnd, openMs: open.ms, requests };
  } finally {
    await server.stop();
  }
}

export async function benchActors(corpus: GeneratedCorpus, options: ActorsBenchOptions): Promise<ActorsResults> {
  const checks: string[] = [];
  const results: ActorsResults = {
    corpus: { articles: corpus.articles, bytes: corpus.bytes, actors: corpus.actors.total, hotMentions: corpus.hot.mentions, hotArticles: corpus.hot.articles, hotForms: corpus.hot.forms },
    checks,
  };
  if (!options.skipMatcher) {
    results.matcher = benchMatcher(corpus, options.passes);
    if (results.matcher.hotMentions !== corpus.hot.mentions) checks.push(`hot actor: the index counts ${results.matcher.hotMentions} mentions, the generator wrote ${corpus.hot.mentions}`);
  }
  if (!options.skipLsp) {
    results.lsp = await benchLsp(corpus, options.runs, options.budgetMs, options.serverNodeArgs);
    if (results.lsp.indexedFiles !== corpus.articles) checks.push(`the server indexed ${results.lsp.indexedFiles} files, not ${corpus.articles}`);
    const references = results.lsp.requests[0]?.result;
    const expected = `${count(corpus.hot.mentions + 1)} locations`;
    if (references !== expected) checks.push(`references: ${references}, expected ${expected} (mentions + the registry entry)`);
  }
  return results;
}

export function formatActors(results: ActorsResults): string {
  const out: string[] = [];
  const c = results.corpus;
  out.push(`Corpus: ${count(c.articles)} articles, ${mb(c.bytes)}, ${count(c.actors)} actors; hot actor: ${count(c.hotMentions)} mentions in ${count(c.hotArticles)} articles (name ${count(c.hotForms.name)}, listed variants ${count(c.hotForms.variant)}, other spelling ${count(c.hotForms.spelling)}, alias ${count(c.hotForms.alias)})`);
  const m = results.matcher;
  if (m) {
    out.push('');
    out.push(`Matcher in process (median of ${m.passes.length} passes; registry: ${count(m.registry.actors)} actors, ${count(m.registry.patterns)} trie patterns, parsed in ${ms(m.registry.parseMs)} ms, indexed in ${ms(m.registry.setRegistriesMs)} ms)`);
    out.push(
      table(
        ['stage', 'ms', 'MB/s'],
        [
          ['tokenize', ms(m.median.tokenizeMs), m.mbPerSecond.tokenize.toFixed(1)],
          ['line index', ms(m.median.lineIndexMs), '–'],
          ['trie match (NameMatcher.match)', ms(m.median.matchMs), m.mbPerSecond.match.toFixed(1)],
          ['ActorIndex.update (match + store)', ms(m.median.updateMs), m.mbPerSecond.update.toFixed(1)],
          ['total: tokenize + lines + update', ms(m.median.totalMs), m.mbPerSecond.total.toFixed(1)],
        ],
      ),
    );
    out.push(`Mentions found: ${count(m.mentions)} (hot actor: ${count(m.hotMentions)}); a pass took ${passTimes(m)}`);
  }
  const l = results.lsp;
  if (l) {
    out.push('');
    const mem = (x?: ProcessMemory) => (x ? `RSS ${mb(x.rss)}, peak ${mb(x.peak)}` : 'n/a');
    out.push(`Language server (stdio): initialize ${ms(l.startupMs)} ms; indexed ${count(l.indexedFiles)} files in ${(l.indexMs / 1000).toFixed(1)} s (server CPU ${l.indexCpuMs === undefined ? 'n/a' : `${(l.indexCpuMs / 1000).toFixed(1)} s`}); after indexing ${mem(l.memoryAfterIndex)}; at the end ${mem(l.memoryAtEnd)}; didOpen → diagnostics ${ms(l.openMs)} ms`);
    out.push(
      table(
        ['request', 'result', 'first ms', 'p50 ms', 'p95 ms', 'max ms', 'runs', 'response'],
        l.requests.map((r) => [r.request, r.result, ms(r.firstMs), ms(r.stats.p50), ms(r.stats.p95), ms(r.stats.max), String(r.stats.runs), size(r.responseBytes)]),
      ),
    );
    out.push('(client round trip, JSON encoding and decoding included; the first call is not among the runs)');
  }
  for (const check of results.checks) out.push(`CHECK FAILED: ${check}`);
  return out.join('\n');
}

/** Wall and CPU seconds of the median pass: CPU well under wall means other processes took the cores. */
function passTimes(m: MatcherResults): string {
  const pass = [...m.passes].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((m.passes.length - 1) / 2)];
  return `${(pass.wallMs / 1000).toFixed(1)} s wall, ${(pass.cpuMs / 1000).toFixed(1)} s CPU`;
}
