// npm run eval [-- --corpus DIR] [--clean DIR] [--json] [--seed N] [--runs N] [--limit N] [--sample N] [--out DIR]
// Injects errors into clean articles, lints them as a corpus and scores merged-word,
// actor-spelling and stray-diacritic; --clean counts their flags on real articles.
import * as path from 'node:path';
import { DEFAULT_RATES, generate } from './generate';
import { ARTICLES_DIR, loadDictionary, parseArgs, readArticles, writeGenerated } from './io';
import { cleanJsonOf, formatClean, formatEval, jsonOf } from './report';
import { cleanRate, evaluate } from './score';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const started = Date.now();
  const { dictionary, source } = await loadDictionary();
  if (source.startsWith('empty')) console.error(`warning: dictionary: ${source}`);
  const json: Record<string, unknown> = { dictionary: source };
  const text: string[] = [];

  if (!args.clean || args.corpus) {
    const corpus = args.corpus ?? ARTICLES_DIR;
    const base = readArticles(corpus, args.limit);
    const runs = args.runs ?? (args.corpus ? 1 : 5);
    const seeds = Array.from({ length: runs }, (_, i) => args.seed + i);
    const rates = { ...DEFAULT_RATES, ...args.rates };
    if (args.out) writeGenerated(args.out, generate(base, { seed: seeds[0], rates }));
    const result = evaluate(base, { seeds, rates, dictionary, baseCheck: true });
    const title = `Synthetic errors in ${path.relative(process.cwd(), corpus) || corpus}: ${result.files} articles, ${result.words} Arabic words, seeds ${seeds.join(', ')}; dictionary: ${source}`;
    text.push(formatEval(result, title, args.sample, true));
    json.synthetic = { corpus, rates, ...jsonOf(result, args.sample) };
  }
  if (args.clean) {
    const clean = cleanRate(readArticles(args.clean, args.limit), dictionary, args.sample);
    text.push(formatClean(clean, `Flags on clean text in ${args.clean}; dictionary: ${source}`));
    json.clean = { corpus: args.clean, ...cleanJsonOf(clean) };
  }
  if (args.json) console.log(JSON.stringify(json, null, 1));
  else console.log(`${text.join('\n\n')}\n\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
