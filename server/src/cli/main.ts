// Entry point of the `nassaq` command: `nassaq check [paths…]`, `nassaq stats [paths…]`,
// `nassaq stats merge FILE…`, `nassaq convert [paths…]`, `nassaq rules`, --help, --version.
import { parseArgs } from 'node:util';
import { english, LOCALES, localeOf, translator, type Locale, type Translate } from '../core/l10n';
import { RULES } from '../core/rules';
import { removePendingTempFiles } from '../node/atomic-write';
import { EXIT_OK, EXIT_USAGE, FORMATS, runCheck, type Format } from './check';
import { runConvert } from './convert';
import { runStats, runStatsMerge } from './stats';
import { nassaqVersion } from './format-sarif';
import { isCheckWorker, startCheckWorker } from './parallel';
import { Terminal } from './progress';

/** `--help`, in the language of messages. Names of commands and options stay as they are typed. */
function help(t: Translate): string {
  const table = (rows: ReadonlyArray<readonly [string, string]>) =>
    rows.map(([left, text]) => `  ${left.padEnd(23)}${text.split('\n').join(`\n${' '.repeat(25)}`)}`).join('\n');
  return `${[
    t('Usage: {0}', 'nassaq <command> [options]'),
    '',
    t('Commands:'),
    table([
      ['check [paths…]', t('Lint article files (default path: .)')],
      ['stats [paths…]', t('Write the corpus statistics of these articles (a shard) to --out')],
      ['stats merge FILE…', t('Add statistics files up into --out')],
      ['convert [paths…]', t('Convert articles in Windows-1256, ISO-8859-6 or UTF-16 to UTF-8')],
      ['rules', t('List the rules')],
    ]),
    '',
    t('Options:'),
    table([
      ['-f, --format FORMAT', t('text (default), json or sarif (rules: text or json)')],
      ['    --fix', t('Apply safe fixes in place, then report what remains')],
      ['-q, --quiet', t('Report errors only')],
      ['-c, --config FILE', t('Use this nassaq.yaml instead of the nearest one')],
      ['    --locale ar|en', t('Language of messages (default: LC_ALL, LC_MESSAGES or LANG\nwhen they start with ar; English for json and sarif)')],
      ['    --max-file-size N', t('Skip files larger than N bytes (suffixes K, M, G; default 20M,\nor max-file-size in nassaq.yaml)')],
      ['-j, --jobs N', t('check: threads to use (default 1; the report is the same)')],
      ['    --stats FILE', t('check: lint against these statistics of the whole corpus\n(from stats or stats merge; see docs/scaling.md)')],
      ['-o, --out FILE', t('stats: where to write the statistics (gzip if it ends with .gz)')],
      ['-h, --help', t('Show this help')],
      ['-v, --version', t('Show the version')],
    ]),
    '',
    t('Options of convert:'),
    table([
      ['    --to utf-8', t('The target encoding (the only one)')],
      ['    --backup', t('Keep the original as <file>.bak')],
      ['    --dry-run', t('Only list the files that would be converted')],
    ]),
    '',
    t('Exit codes:'),
    table([
      ['0', t('no error-level problem')],
      ['1', t('error-level problems found')],
      ['2', t('usage or configuration error (also: a fix could not be written,\nor a rule crashed on a file)')],
    ]),
    '',
    t('Exit codes of convert:'),
    table([
      ['0', t('all files converted (or already UTF-8)')],
      ['1', t('some files left alone (with --dry-run: some files to convert)')],
      ['2', t('usage or configuration error, or a file could not be written')],
    ]),
  ].join('\n')}\n`;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
  'max-file-size': { type: 'string' },
  to: { type: 'string' },
  backup: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  stats: { type: 'string', multiple: true },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

class UsageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

export async function run(argv: readonly string[], terminal: Terminal, cwd = process.cwd(), env: Env = process.env): Promise<number> {
  // Usage errors are told in the language the command line asks for, even when it is faulty.
  const t = translator(usageLocale(argv, env));
  try {
    return await dispatch(argv, terminal, cwd, env, t);
  } catch (error) {
    if (!(error instanceof UsageError) && (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    terminal.err(`nassaq: ${error instanceof UsageError ? error.message : parseArgsMessage(error as Error, t)}`);
    terminal.err(t("Run 'nassaq --help' for usage."));
    return EXIT_USAGE;
  }
}

/** The language of usage errors: as chooseLocale decides, from a lenient reading of the arguments. */
function usageLocale(argv: readonly string[], env: Env): Locale {
  try {
    const { values } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false });
    const option = typeof values.locale === 'string' && (LOCALES as readonly string[]).includes(values.locale) ? values.locale : undefined;
    const format = typeof values.format === 'string' && (FORMATS as readonly string[]).includes(values.format) ? (values.format as Format) : 'text';
    return chooseLocale(option, format, env);
  } catch {
    return 'en';
  }
}

/** node:util parseArgs's errors, in the language of messages (its own text when not recognized). */
function parseArgsMessage(error: Error & { code?: string }, t: Translate): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return t("unknown option '{0}'", unknown[1]);
  const missing = /^Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missing) return t("option '{0}' needs a value", missing[1]);
  const noValue = /^Option '([^']+)' does not take an argument/.exec(error.message);
  if (noValue) return t("option '{0}' takes no value", noValue[1]);
  return error.message;
}

async function dispatch(argv: readonly string[], terminal: Terminal, cwd: string, env: Env, t: Translate): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.version) return print(terminal, `${nassaqVersion()}\n`);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return print(terminal, help(translator(chooseLocale(values.locale, 'text', env))));
  const format = parseFormat(values.format, t);
  const locale = chooseLocale(values.locale, format, env);
  if (command !== 'convert' && (values.to !== undefined || values.backup || values['dry-run'])) {
    throw new UsageError(t('--to, --backup and --dry-run are options of convert'));
  }
  if (command !== 'stats' && values.out !== undefined) throw new UsageError(t('--out is an option of stats'));
  if (command !== 'check' && values.stats !== undefined) throw new UsageError(t('--stats is an option of check'));
  if (command !== 'check' && values.jobs !== undefined) throw new UsageError(t('--jobs is an option of check'));
  const size = (value: string | undefined) => (value === undefined ? undefined : parseSize(value, t));
  if (command === 'stats') {
    if (values.fix || values.quiet || format !== 'text') throw new UsageError(t("'stats' takes no --fix, --quiet or --format"));
    if (values.out === undefined) throw new UsageError(t("'stats' needs --out FILE"));
    if (rest[0] !== 'merge') return runStats({ paths: rest.length > 0 ? rest : ['.'], cwd, out: values.out, configFile: values.config, maxFileSize: size(values['max-file-size']), locale }, terminal);
    if (values.config !== undefined || values['max-file-size'] !== undefined) throw new UsageError(t("'stats merge' takes only --out and --locale"));
    if (rest.length < 2) throw new UsageError(t("'stats merge' needs the statistics files to add up"));
    return runStatsMerge({ files: rest.slice(1), out: values.out, cwd, locale }, terminal);
  }
  if (command === 'convert') {
    if (values.fix || values.quiet) throw new UsageError(t("'convert' takes no --fix or --quiet"));
    if (values.to !== undefined && !/^utf-?8$/i.test(values.to)) throw new UsageError(t("'convert' converts to utf-8 only, not '{0}'", values.to));
    if (format === 'sarif') throw new UsageError(t("'convert' supports --format text or json"));
    return runConvert(
      {
        paths: rest.length > 0 ? rest : ['.'],
        cwd,
        format,
        backup: values.backup ?? false,
        dryRun: values['dry-run'] ?? false,
        configFile: values.config,
        maxFileSize: size(values['max-file-size']),
        locale,
      },
      terminal,
    );
  }
  if (command === 'check') {
    return runCheck(
      {
        paths: rest.length > 0 ? rest : ['.'],
        cwd,
        format,
        fix: values.fix ?? false,
        quiet: values.quiet ?? false,
        configFile: values.config,
        maxFileSize: size(values['max-file-size']),
        jobs: values.jobs === undefined ? undefined : parseJobs(values.jobs, t),
        locale,
        stats: oneStatsFile(values.stats, t),
      },
      terminal,
    );
  }
  if (command === 'rules') {
    if (rest.length > 0) throw new UsageError(t("'rules' takes no arguments (got '{0}')", rest[0]));
    if (values.fix || values.config !== undefined || values['max-file-size'] !== undefined) throw new UsageError(t("'rules' takes only --format and --locale"));
    if (format === 'sarif') throw new UsageError(t("'rules' supports --format text or json"));
    return print(terminal, format === 'json' ? rulesJson(translator(locale)) : rulesText(translator(locale)));
  }
  if (command === undefined) throw new UsageError(t('missing command: check, stats, convert or rules'));
  throw new UsageError(t("unknown command '{0}'; expected check, stats, convert or rules", command));
}

/** The one stats file of `check --stats` (several are merged first, into one file all shards share). */
function oneStatsFile(files: string[] | undefined, t: Translate): string | undefined {
  if (files !== undefined && files.length > 1) throw new UsageError(t("--stats takes one file: add several up first with 'nassaq stats merge'"));
  return files?.[0];
}

async function print(terminal: Terminal, text: string): Promise<number> {
  await terminal.out(text);
  await terminal.flush();
  return EXIT_OK;
}

function parseFormat(value: string | undefined, t: Translate): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(t("unknown format '{0}'; expected {1}", value, FORMATS.join(t(', '))));
}

/**
 * The language of messages: --locale, else (text output only) the environment's, by POSIX
 * precedence: LC_ALL, LC_MESSAGES, LANG, Arabic when it starts with `ar`. JSON and SARIF stay
 * English unless --locale asks otherwise, so machine output does not depend on the machine.
 */
export function chooseLocale(option: string | undefined, format: Format, env: Env): Locale {
  if (option !== undefined) {
    if (!(LOCALES as readonly string[]).includes(option)) {
      const t = translator(chooseLocale(undefined, format, env));
      throw new UsageError(t("unknown locale '{0}'; expected {1} or {2}", option, LOCALES[0], LOCALES[1]));
    }
    return option as Locale;
  }
  if (format !== 'text') return 'en';
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return localeOf(tag) ?? 'en';
}

/** Bytes, with an optional K, M or G suffix (powers of 1024). */
function parseJobs(value: string, t: Translate): number {
  if (!/^[1-9]\d{0,2}$/.test(value.trim())) throw new UsageError(t("--jobs expects a number of threads such as 2, not '{0}'", value));
  return Number(value);
}

export function parseSize(value: string, t: Translate = english): number {
  const match = /^(\d+)\s*([KMG]?)i?B?$/i.exec(value.trim());
  if (!match) throw new UsageError(t("--max-file-size expects a number of bytes such as 5000000 or 20M, not '{0}'", value));
  const scale = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(match[1]) * scale;
}

/** `nassaq rules`: ids and severities as they are written in nassaq.yaml, the rest in the language of messages. */
function rulesText(t: Translate): string {
  const heads = [t('rule'), t('severity'), t('fixable'), t('description')];
  const fixable = (rule: (typeof RULES)[number]) => (rule.fixable ? t('yes') : t('no'));
  const idWidth = Math.max(...RULES.map((rule) => rule.id.length), heads[0].length);
  const severityWidth = Math.max(8, heads[1].length);
  const fixableWidth = Math.max(...RULES.map((rule) => fixable(rule).length), heads[2].length);
  const row = (cells: readonly string[]) => `${cells[0].padEnd(idWidth)}  ${cells[1].padEnd(severityWidth)}  ${cells[2].padEnd(fixableWidth)}  ${cells[3]}`;
  const rows = RULES.map((rule) => row([rule.id, rule.defaultSeverity, fixable(rule), rule.describe(t)]));
  return `${[row(heads), ...rows].join('\n')}\n`;
}

function rulesJson(t: Translate): string {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    severity: rule.defaultSeverity,
    fixable: rule.fixable,
    description: rule.describe(t),
    options: Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, spec]) => [name, { description: spec.describe(t), values: spec.values, default: spec.default }])),
  }));
  return `${JSON.stringify({ version: 1, rules }, null, 2)}\n`;
}

async function main(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`nassaq check | head`): stop quietly.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const terminal = new Terminal(process.stdout, process.stderr);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      // Files are replaced by rename, so none is half-written; only temporary files may remain.
      removePendingTempFiles();
      terminal.stopProgress();
      process.exit(code);
    });
  }
  try {
    process.exitCode = await run(process.argv.slice(2), terminal);
  } catch (error) {
    terminal.stopProgress();
    process.stderr.write(`nassaq: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}

if (isCheckWorker()) startCheckWorker();
else if (require.main === module) void main();
