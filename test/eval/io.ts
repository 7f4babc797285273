// Node side of the evaluation: reading article folders, writing a generated corpus, loading the
// Arabic dictionary when it exists, and the command-line arguments.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type NassaqConfig, type RuleSetting } from '../../server/src/core/config/config';
import type { CorpusFile } from '../../server/src/core/corpus/lint-corpus';
import { EMPTY_DICTIONARY, type Dictionary } from '../../server/src/core/lexicon/dictionary';
import { RULES } from '../../server/src/core/rules';
import type { EvalRule, Generated, Rates } from './generate';

export const ARTICLES_DIR = path.join(__dirname, 'articles');
const BOM = '\uFEFF';

/** The `.txt` files of a folder, sorted by name (the first `limit` of them if given). */
export function readArticles(dir: string, limit?: number): CorpusFile[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  return names.slice(0, limit ?? names.length).map((id) => {
    const text = readFileSync(path.join(dir, id), 'utf8');
    return { id, text: text.startsWith(BOM) ? text.slice(1) : text };
  });
}

export function writeGenerated(dir: string, generated: Generated): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const file of generated.files) writeFileSync(path.join(dir, 'articles', file.id), file.text);
  writeFileSync(path.join(dir, 'gold.json'), `${JSON.stringify(generated.gold, null, 1)}\n`);
}

/** The default configuration with every rule off except the ones evaluated. */
export function evalConfig(rules: readonly EvalRule[]): NassaqConfig {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of RULES) settings[rule.id] = { severity: (rules as readonly string[]).includes(rule.id) ? 'warning' : 'off', options: {} };
  return { ...DEFAULT_CONFIG, rules: settings };
}

export interface LoadedDictionary {
  dictionary: Dictionary;
  /** What was loaded, or why nothing was. */
  source: string;
}

/** The Arabic dictionary from server/src/node/lexicon.ts if it exists and loads, else the empty one. */
export async function loadDictionary(): Promise<LoadedDictionary> {
  const modulePath = path.resolve(__dirname, '../../server/src/node/lexicon');
  let loader: unknown;
  try {
    // Not imported statically: the loader may not exist yet.
    loader = (require(modulePath) as Record<string, unknown>).loadArabicDictionary;
  } catch (error) {
    return { dictionary: EMPTY_DICTIONARY, source: `empty (no dictionary loader: ${firstLine(error)})` };
  }
  if (typeof loader !== 'function') return { dictionary: EMPTY_DICTIONARY, source: 'empty (lexicon.ts has no loadArabicDictionary)' };
  try {
    const dictionary = (await (loader as () => unknown)()) as Dictionary & { size?: unknown };
    if (typeof dictionary?.has !== 'function') return { dictionary: EMPTY_DICTIONARY, source: 'empty (loadArabicDictionary returned no dictionary)' };
    // The loader may be lazy: asking the size makes it read its file now.
    const size = dictionary.size;
    if (size === 0) return { dictionary: EMPTY_DICTIONARY, source: 'empty (the dictionary file did not load; run `npm run build`)' };
    return { dictionary, source: `Arabic dictionary${typeof size === 'number' ? ` (${size} words)` : ''}` };
  } catch (error) {
    return { dictionary: EMPTY_DICTIONARY, source: `empty (loadArabicDictionary failed: ${firstLine(error)})` };
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

export interface EvalArgs {
  corpus?: string;
  clean?: string;
  out?: string;
  json: boolean;
  seed: number;
  limit?: number;
  sample: number;
  /** Generated corpora to evaluate, with seeds seed, seed + 1, …; default 5 on the built-in articles, else 1. */
  runs?: number;
  rates: Partial<Rates>;
}

const RATE_FLAGS: Record<string, keyof Rates> = {
  '--merge-al': 'mergeAl',
  '--merge-wa': 'mergeWa',
  '--merge-other': 'mergeOther',
  '--name': 'name',
  '--diacritic': 'diacritic',
};

/** --corpus DIR --clean DIR --out DIR --json --seed N --limit N --sample N --runs N; rates: --merge R (all three), --merge-al, --merge-wa, --merge-other, --name, --diacritic */
export function parseArgs(argv: readonly string[]): EvalArgs {
  const args: EvalArgs = { json: false, seed: 1, sample: 5, rates: {} };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
      return n;
    };
    if (flag === '--corpus') args.corpus = value();
    else if (flag === '--clean') args.clean = value();
    else if (flag === '--out') args.out = value();
    else if (flag === '--json') args.json = true;
    else if (flag === '--seed') args.seed = number();
    else if (flag === '--limit') args.limit = number();
    else if (flag === '--sample') args.sample = number();
    else if (flag === '--runs') args.runs = Math.max(1, Math.floor(number()));
    else if (flag === '--merge') args.rates.mergeAl = args.rates.mergeWa = args.rates.mergeOther = number();
    else if (Object.hasOwn(RATE_FLAGS, flag)) args.rates[RATE_FLAGS[flag]] = number();
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}
