// npm run bench [-- --only actors] [--articles N] [--actors K] [--hot M] [--seed S] [--runs N]
//                  [--budget SECONDS] [--passes N] [--out DIR | --corpus DIR] [--keep] [--no-lsp]
//                  [--no-matcher] [--server-prof DIR] [--json]
// Runs the benchmarks on a generated corpus (bench/generate.ts), prints a table per benchmark
// and writes bench/results/<benchmark>.json. Needs dist/ (npm run bench builds it first).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { benchActors, formatActors } from './actors';
import { DEFAULTS, generateCorpus, type GeneratedCorpus } from './generate';
import { count, environment, intFlag, mb, parseFlags, stringFlag, writeResults, type Flags } from './lib';
import { SERVER } from './lsp';

/** One benchmark: runs on the shared corpus, returns its printable report and its results. */
interface Benchmark {
  description: string;
  run(corpus: GeneratedCorpus, flags: Flags): Promise<{ report: string; results: unknown }>;
}

const BENCHMARKS: Record<string, Benchmark> = {
  actors: {
    description: 'actor matcher throughput; LSP index time, memory, references/rename/hover/definition/symbols',
    async run(corpus, flags) {
      const serverProf = stringFlag(flags, 'server-prof');
      const results = await benchActors(corpus, {
        runs: intFlag(flags, 'runs', 20),
        budgetMs: intFlag(flags, 'budget', 30) * 1000,
        passes: intFlag(flags, 'passes', 3),
        skipLsp: flags['no-lsp'] === true,
        skipMatcher: flags['no-matcher'] === true,
        serverNodeArgs: serverProf ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(serverProf)] : [],
      });
      return { report: formatActors(results), results };
    },
  },
};

const CORPUS_INFO = 'bench-corpus.json';

/** The corpus: generated into a temporary folder (or --out), or read back from --corpus DIR. */
function corpusFor(flags: Flags): { corpus: GeneratedCorpus; temporary: boolean } {
  const existing = stringFlag(flags, 'corpus');
  if (existing) {
    const info = path.join(existing, CORPUS_INFO);
    if (!existsSync(info)) throw new Error(`${existing} has no ${CORPUS_INFO}; generate it with bench/generate.ts or --out`);
    return { corpus: JSON.parse(readFileSync(info, 'utf8')) as GeneratedCorpus, temporary: false };
  }
  const out = stringFlag(flags, 'out');
  const corpus = generateCorpus({
    out,
    articles: intFlag(flags, 'articles', DEFAULTS.articles),
    actors: intFlag(flags, 'actors', DEFAULTS.actors),
    hotMentions: intFlag(flags, 'hot', DEFAULTS.hotMentions),
    seed: intFlag(flags, 'seed', DEFAULTS.seed),
  });
  writeFileSync(path.join(corpus.dir, CORPUS_INFO), JSON.stringify(corpus, null, 2));
  return { corpus, temporary: !out };
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv);
  if (flags.help === true) {
    console.log(readFileSync(__filename, 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
    return;
  }
  const only = stringFlag(flags, 'only')?.split(',') ?? Object.keys(BENCHMARKS);
  for (const name of only) if (!BENCHMARKS[name]) throw new Error(`Unknown benchmark '${name}' (known: ${Object.keys(BENCHMARKS).join(', ')})`);
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build (npm run bench does)`);

  const started = Date.now();
  const { corpus, temporary } = corpusFor(flags);
  const generatedIn = (Date.now() - started) / 1000;
  console.log(`Corpus ${corpus.dir}: ${count(corpus.articles)} articles (${mb(corpus.bytes)}), ${count(corpus.actors.total)} actors, hot actor ${count(corpus.hot.mentions)} mentions (seed ${corpus.options.seed}; ready in ${generatedIn.toFixed(1)} s)\n`);
  try {
    for (const name of only) {
      const benchmarkStarted = Date.now();
      const { report, results } = await BENCHMARKS[name].run(corpus, flags);
      const seconds = (Date.now() - benchmarkStarted) / 1000;
      const file = writeResults(name, { benchmark: name, description: BENCHMARKS[name].description, environment: environment(), corpus: { ...corpus, dir: undefined, articlesDir: undefined, registry: undefined }, flags, seconds, results });
      if (flags.json === true) console.log(JSON.stringify(results, null, 2));
      else console.log(`== ${name} (${seconds.toFixed(1)} s) ==\n${report}\n`);
      console.log(`Results: ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    if (temporary && flags.keep !== true) rmSync(corpus.dir, { recursive: true, force: true });
    else console.log(`Corpus kept in ${corpus.dir} (reuse it with --corpus ${corpus.dir})`);
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
