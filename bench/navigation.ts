// Actor navigation on the hot actor (an exact, known number of mentions, 10,000+ by default):
// p50/p95 of references, rename (the edit computed, not applied), hover, definition, workspace
// symbols and the Actors view's list, each request timed as a client sees it (round trip, JSON
// included) after one untimed first call.
import { readFileSync } from 'node:fs';
import type { Hover, Location, SymbolInformation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { GeneratedCorpus } from './generate';
import { count, ms, sample, size, table, timed, type Stats } from './lib';
import { fileUri, type BenchServer } from './lsp';
import { verdict, type TargetName } from './targets';

export interface RequestResult {
  request: string;
  /** What came back, e.g. "10,001 locations". */
  result: string;
  firstMs: number;
  stats: Stats;
  responseBytes: number;
  target?: TargetName;
}

export interface NavigationResults {
  hotMentions: number;
  /** didOpen → diagnostics of the article with the hot mention, once indexed (0 if it was open already). */
  openMs: number;
  requests: RequestResult[];
  checks: string[];
}

export interface NavigationOptions {
  /** Timed runs per request, within `budgetMs` each (at least 5). */
  runs: number;
  budgetMs: number;
}

export async function benchNavigation(server: BenchServer, corpus: GeneratedCorpus, opened: ReadonlySet<string>, options: NavigationOptions): Promise<NavigationResults> {
  const { file, line, character } = corpus.hot.sample;
  const uri = fileUri(file);
  const open = opened.has(uri) ? { ms: 0 } : await timed(() => server.open(file, readFileSync(file, 'utf8')));
  const textDocument = { uri };
  const position = { line, character: character + 2 };
  const requests: RequestResult[] = [];
  const measure = async <T>(request: string, target: TargetName | undefined, method: string, params: unknown, describe: (result: T) => string) => {
    const first = await timed(() => server.request<T>(method, params));
    const timedRuns = await sample(options.runs, () => server.request<T>(method, params), { budgetMs: options.budgetMs });
    requests.push({ request, result: describe(timedRuns.last), firstMs: first.ms, stats: timedRuns.stats, responseBytes: Buffer.byteLength(JSON.stringify(timedRuns.last ?? null)), target });
  };

  await measure<Location[]>('references (hot actor)', 'references', 'textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, (r) => `${count(r?.length ?? 0)} locations`);
  await measure<WorkspaceEdit>('rename edit (hot actor)', 'rename', 'textDocument/rename', { textDocument, position, newName: 'رائد سليم الأنصاري' }, (r) => {
    const changes = (r?.documentChanges ?? []) as TextDocumentEdit[];
    return `${count(changes.reduce((n, c) => n + c.edits.length, 0))} edits in ${count(changes.length)} files`;
  });
  await measure<Hover | null>('hover (hot actor)', 'hover', 'textDocument/hover', { textDocument, position }, (r) => {
    const value = (r?.contents as { value?: string } | undefined)?.value ?? '';
    return /\*\*([\d,]+) mentions/.exec(value)?.[0].replace(/\*/g, '') ?? 'no card';
  });
  await measure<Location | null>('definition (hot actor)', 'definition', 'textDocument/definition', { textDocument, position }, (r) => (r ? `actors.yaml:${r.range.start.line + 1}` : 'none'));
  await measure<SymbolInformation[]>(`workspace/symbol "${corpus.hot.otherSpelling}"`, 'symbols', 'workspace/symbol', { query: corpus.hot.otherSpelling }, (r) => `${count(r?.length ?? 0)} symbols${r?.[0]?.name === corpus.hot.name ? ' (hot first)' : ''}`);
  await measure<SymbolInformation[]>('workspace/symbol "احمد" (broad)', 'symbols', 'workspace/symbol', { query: 'احمد' }, (r) => `${count(r?.length ?? 0)} symbols`);
  await measure<{ actors: unknown[] }>('nassaq/actors (Actors view, all)', undefined, 'nassaq/actors', {}, (r) => `${count(r?.actors.length ?? 0)} actors`);

  const checks: string[] = [];
  const expected = `${count(corpus.hot.mentions + 1)} locations`;
  if (requests[0].result !== expected) checks.push(`references: ${requests[0].result}, expected ${expected} (mentions + the registry entry)`);
  return { hotMentions: corpus.hot.mentions, openMs: open.ms, requests, checks };
}

export function formatNavigation(n: NavigationResults): string {
  const rows = n.requests.map((r) => [r.request, r.result, ms(r.firstMs), ms(r.stats.p50), ms(r.stats.p95), String(r.stats.runs), size(r.responseBytes), verdict(r.target, r.stats.p95)]);
  return [
    table(['request', 'result', 'first ms', 'p50 ms', 'p95 ms', 'runs', 'response', 'target'], rows),
    `(client round trip, JSON included; the first call is not among the runs; hot actor: ${count(n.hotMentions)} mentions)`,
    ...n.checks.map((c) => `CHECK FAILED: ${c}`),
  ].join('\n');
}
