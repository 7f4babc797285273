// The actor name matcher in process (issue #4): tokenizing, the trie walk alone, and
// ActorIndex.update (match + mentions + positions + counts) over every article of a generated
// corpus, against its whole registry, in MB/s; the index's count of the hot actor's mentions is
// checked against the generator's. (The server's navigation requests are in navigation.ts.)
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedCorpus } from './generate';
import { count, cpuMs, loadBundled, median, mb, ms, now, table } from './lib';

export interface MatcherResults {
  files: number;
  bytes: number;
  chars: number;
  registry: { actors: number; parseMs: number; setRegistriesMs: number; patterns: number };
  /** Per pass, total milliseconds of each stage; medians below. */
  passes: Array<{ wordsMs: number; lineIndexMs: number; matchMs: number; updateMs: number; wallMs: number; cpuMs: number }>;
  median: { wordsMs: number; lineIndexMs: number; matchMs: number; updateMs: number; totalMs: number };
  /** UTF-8 MB per second at the median. */
  mbPerSecond: { words: number; match: number; update: number; total: number };
  mentions: number;
  hotMentions: number;
  /** The generator's count of the hot actor's mentions. */
  expectedHotMentions: number;
}

/** Every article of the generated corpus, in path order. */
function articleFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(dir, f))
    .sort();
}

export function benchMatcher(corpus: GeneratedCorpus, passes: number): MatcherResults {
  const { ActorIndex, LineIndex, NameMatcher, parseRegistry, arabicWords } = loadBundled<typeof import('./core')>('core.ts');
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
    const run = { wordsMs: 0, lineIndexMs: 0, matchMs: 0, updateMs: 0, wallMs: 0, cpuMs: 0 };
    const passStart = now();
    const passCpu = cpuMs();
    let found = 0;
    for (let i = 0; i < files.length; i++) {
      const text = texts[i];
      const t0 = now();
      const words = arabicWords(text);
      const t1 = now();
      const lines = new LineIndex(text);
      const t2 = now();
      found += matcher.match(words).length;
      const t3 = now();
      index.update(files[i], text, words, lines);
      const t4 = now();
      run.wordsMs += t1 - t0;
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
    wordsMs: median(runs.map((r) => r.wordsMs)),
    lineIndexMs: median(runs.map((r) => r.lineIndexMs)),
    matchMs: median(runs.map((r) => r.matchMs)),
    updateMs: median(runs.map((r) => r.updateMs)),
    totalMs: median(runs.map((r) => r.wordsMs + r.lineIndexMs + r.updateMs)),
  };
  const rate = (msTotal: number) => bytes / 1e6 / (msTotal / 1000);
  return {
    files: files.length,
    bytes,
    chars,
    registry: { actors: parsed.actors.length, parseMs, setRegistriesMs, patterns: matcher.size },
    passes: runs,
    median: med,
    mbPerSecond: { words: rate(med.wordsMs), match: rate(med.matchMs), update: rate(med.updateMs), total: rate(med.totalMs) },
    mentions,
    hotMentions,
    expectedHotMentions: corpus.hot.mentions,
  };
}

export function formatMatcher(m: MatcherResults): string {
  const out: string[] = [];
  out.push(`Median of ${m.passes.length} passes over ${count(m.files)} articles (${mb(m.bytes)}); registry: ${count(m.registry.actors)} actors, ${count(m.registry.patterns)} trie patterns, parsed in ${ms(m.registry.parseMs)} ms, indexed in ${ms(m.registry.setRegistriesMs)} ms`);
  out.push(
    table(
      ['stage', 'ms', 'MB/s'],
      [
        ['arabic words', ms(m.median.wordsMs), m.mbPerSecond.words.toFixed(1)],
        ['line index', ms(m.median.lineIndexMs), '–'],
        ['trie match (NameMatcher.match)', ms(m.median.matchMs), m.mbPerSecond.match.toFixed(1)],
        ['ActorIndex.update (match + store)', ms(m.median.updateMs), m.mbPerSecond.update.toFixed(1)],
        ['total: words + lines + update', ms(m.median.totalMs), m.mbPerSecond.total.toFixed(1)],
      ],
    ),
  );
  out.push(`Mentions found: ${count(m.mentions)} (hot actor: ${count(m.hotMentions)}); a pass took ${passTimes(m)}`);
  if (m.hotMentions !== m.expectedHotMentions) out.push(`CHECK FAILED: the index counts ${count(m.hotMentions)} mentions of the hot actor, the generator wrote ${count(m.expectedHotMentions)}`);
  return out.join('\n');
}

/** Wall and CPU seconds of the median pass: CPU well under wall means other processes took the cores. */
function passTimes(m: MatcherResults): string {
  const pass = [...m.passes].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((m.passes.length - 1) / 2)];
  return `${(pass.wallMs / 1000).toFixed(1)} s wall, ${(pass.cpuMs / 1000).toFixed(1)} s CPU`;
}
