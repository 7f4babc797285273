// npm run bench [-- options]            (issue #6; npm run bench builds dist/ first)
//
// Corpus (one of):
//   --generate N          generate N articles with bench/generate.ts (default 5,000)
//   --scale A,B,…         generate each size in turn (e.g. 10000,25000,50000) and print a scaling table
//   --corpus DIR          a folder of .txt articles (or a corpus kept with --out); without the
//                         generator's metadata, navigation (which needs the hot actor) is skipped
// Generator: --actors K (5,000)  --hot M (12,000 mentions)  --seed S (1); --out DIR writes (and
//   keeps) each corpus in DIR/<articles>, --keep keeps the temporary one
//
// Benchmarks: --only cli,server,navigation,edit,matcher (default: all but matcher)
//   cli          nassaq check vs cSpell + @cspell/dict-ar, new processes: wall, CPU, files/s, MB/s, peak RSS
//   server       initialize, first diagnostics while indexing, complete index, RSS
//   navigation   references, rename, hover, definition, workspace symbols on the hot actor (p50/p95)
//   edit         keystroke → diagnostics in a 10 KB article (p50/p95), debounce excluded
//   matcher      the actor matcher in process (MB/s)
// Repetitions: --runs N (3): CLI runs per tool and server sessions, medians reported; fewer once a
//   measurement has used --budget S seconds (60), which also bounds each phase of the edit benchmark
//   (at least 20 edits). --no-cspell. A --scale run compares with cSpell on its smallest size and
//   measures navigation and editing on its largest; --every-size: all on every size.
// Sizes: --edits N (200), --push-edits N (50), --requests N (20) within --request-budget S (5)
//   per request, --passes N (3, matcher). --server-prof DIR: CPU profiles of the server.
//   --index-threads N: the server's indexing worker threads (0: none; default: its own choice).
// Output: a table per benchmark, and every figure in --results FILE (default bench/results.json).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { benchCli, cspellMissing, formatCli, type CliResults } from './cli';
import { describe, dispose, existing, generate, type BenchCorpus } from './corpus';
import { DEFAULTS } from './generate';
import { environment, intFlag, loadAverage, parseFlags, RESULTS_FILE, stringFlag, writeResults, type Flags } from './lib';
import { SERVER } from './lsp';
import { benchMatcher, formatMatcher, type MatcherResults } from './matcher';
import { formatScale } from './scale';
import { benchServer, formatServer, type ServerResults } from './server';

const BENCHMARKS = ['cli', 'server', 'navigation', 'edit', 'matcher'] as const;
type Name = (typeof BENCHMARKS)[number];
const DEFAULT_SET: readonly Name[] = ['cli', 'server', 'navigation', 'edit'];

export interface CorpusRun {
  corpus: Omit<BenchCorpus, 'generated'> & { generated?: Omit<NonNullable<BenchCorpus['generated']>, 'dir' | 'articlesDir' | 'registry'> };
  cli?: CliResults;
  server?: ServerResults;
  matcher?: MatcherResults;
  seconds: number;
}

function selected(flags: Flags): Set<Name> {
  const names = stringFlag(flags, 'only')?.split(',') ?? DEFAULT_SET;
  for (const name of names) if (!(BENCHMARKS as readonly string[]).includes(name)) throw new Error(`Unknown benchmark '${name}' (known: ${BENCHMARKS.join(', ')})`);
  return new Set(names as Name[]);
}

function sizes(flags: Flags): number[] | undefined {
  const scale = stringFlag(flags, 'scale');
  if (!scale) return undefined;
  const list = scale.split(',').map((s) => Number(s.replace(/_/g, '')));
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--scale takes article counts separated by commas, not '${scale}'`);
  return list.sort((a, b) => a - b);
}

/** In a --scale run, cSpell runs on the smallest size only, navigation and editing on the largest only. */
interface Place {
  first: boolean;
  last: boolean;
}

async function measure(corpus: BenchCorpus, only: Set<Name>, flags: Flags, place: Place): Promise<CorpusRun> {
  const started = Date.now();
  const runs = intFlag(flags, 'runs', 3);
  const budgetMs = intFlag(flags, 'budget', 60) * 1000;
  const run: CorpusRun = { corpus: publicCorpus(corpus), seconds: 0 };
  const everySize = flags['every-size'] === true;
  const notHere = !place.last && !everySize ? 'a --scale run measures it on its largest size only (--every-size: on every size)' : undefined;
  console.log(`${describe(corpus)}\n`);
  if (only.has('cli')) {
    const skipCspell = flags['no-cspell'] === true ? 'skipped with --no-cspell' : !place.first && !everySize ? 'a --scale run compares with cSpell on its smallest size only (--every-size: on every size)' : undefined;
    run.cli = await benchCli(corpus, { runs, budgetMs, skipCspell });
    console.log(`== cli ==\n${formatCli(run.cli)}\n`);
  }
  if (only.has('server') || only.has('navigation') || only.has('edit')) {
    const profile = stringFlag(flags, 'server-prof');
    run.server = await benchServer(corpus, {
      runs,
      budgetMs,
      skipNavigation: !only.has('navigation') ? 'not in --only' : !corpus.generated ? 'the corpus has no hot actor (not generated by bench/generate.ts)' : notHere,
      skipEditing: !only.has('edit') ? 'not in --only' : notHere,
      navigation: { runs: intFlag(flags, 'requests', 20), budgetMs: intFlag(flags, 'request-budget', 5) * 1000 },
      editing: { edits: intFlag(flags, 'edits', 200), pushEdits: intFlag(flags, 'push-edits', 50), budgetMs },
      nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profile)] : [],
      indexThreads: flags['index-threads'] === undefined ? undefined : intFlag(flags, 'index-threads', 0),
    });
    console.log(`== server ==\n${formatServer(run.server, corpus.articles)}\n`);
  }
  if (only.has('matcher')) {
    if (corpus.generated) {
      run.matcher = benchMatcher(corpus.generated, intFlag(flags, 'passes', 3));
      console.log(`== matcher ==\n${formatMatcher(run.matcher)}\n`);
    } else console.log('== matcher ==\nskipped: the corpus has no registry (not generated by bench/generate.ts)\n');
  }
  run.seconds = (Date.now() - started) / 1000;
  return run;
}

/** The corpus as stored in the results: no machine-specific paths of the generator. */
function publicCorpus(corpus: BenchCorpus): CorpusRun['corpus'] {
  const { generated, ...rest } = corpus;
  if (!generated) return rest;
  const { dir: _dir, articlesDir: _articles, registry: _registry, ...info } = generated;
  return { ...rest, generated: info };
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.help === true) {
    console.log(readFileSync(__filename, 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
    return 0;
  }
  const only = selected(flags);
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build (npm run bench does)`);
  if (only.has('cli') && flags['no-cspell'] !== true && cspellMissing()) throw new Error(cspellMissing());
  const started = Date.now();
  const env = environment();
  console.log(`Nassaq benchmarks: ${env.cpus} CPUs (${env.cpu}), node ${env.node}, commit ${env.commit}${env.dirty ? ' (uncommitted changes)' : ''}, load average ${loadAverage().join(' ')}\n`);
  const corpusDir = stringFlag(flags, 'corpus');
  const scale = sizes(flags);
  if (corpusDir && (scale || flags.generate !== undefined)) throw new Error('--corpus measures a given folder: it does not go with --generate or --scale');
  const plan = scale ?? [intFlag(flags, 'generate', DEFAULTS.articles)];
  const runs: CorpusRun[] = [];
  // Written after every corpus, so that a long run stopped midway keeps what it measured.
  const save = () => writeResults({ environment: { ...env, loadAfter: loadAverage() }, flags, seconds: (Date.now() - started) / 1000, runs }, path.resolve(stringFlag(flags, 'results') ?? RESULTS_FILE));
  for (const [i, articles] of plan.entries()) {
    const corpus = corpusDir ? existing(corpusDir) : generate(flags, articles);
    const interrupted = () => (dispose(corpus), process.exit(130));
    process.once('SIGINT', interrupted);
    try {
      runs.push(await measure(corpus, only, flags, { first: i === 0, last: i === plan.length - 1 }));
      save();
    } finally {
      process.off('SIGINT', interrupted);
      dispose(corpus);
    }
  }
  if (runs.length > 1) console.log(`== scaling ==\n${formatScale(runs)}\n`);
  const file = save();
  const loadAfter = loadAverage();
  if (flags.json === true) console.log(readFileSync(file, 'utf8'));
  const failed = countChecks(runs);
  console.log(`Results: ${path.relative(process.cwd(), file)}; load average before ${(env.loadBefore as number[]).join(' ')}, after ${loadAfter.join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  if (failed) console.log(`${failed} CHECK FAILED line(s) above: a figure may not measure what it says`);
  return failed ? 1 : 0;
}

function countChecks(runs: readonly CorpusRun[]): number {
  let n = 0;
  for (const r of runs) {
    n += (r.cli?.checks.length ?? 0) + (r.server?.checks.length ?? 0) + (r.server?.navigation?.checks.length ?? 0) + (r.server?.editing?.checks.length ?? 0);
    if (r.matcher && r.matcher.hotMentions !== r.matcher.expectedHotMentions) n++;
  }
  return n;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
