// Entry point of the `nassaq` command: `nassaq check [paths…]`, `nassaq convert [paths…]`,
// `nassaq rules`, --help, --version.
import { parseArgs } from 'node:util';
import { LOCALES, localeOf, type Locale } from '../core/l10n';
import { RULES } from '../core/rules';
import { removePendingTempFiles } from '../node/atomic-write';
import { EXIT_OK, EXIT_USAGE, FORMATS, runCheck, type Format } from './check';
import { runConvert } from './convert';
import { nassaqVersion } from './format-sarif';
import { Terminal } from './progress';

const HELP = `Usage: nassaq <command> [options]

Commands:
  check [paths…]         Lint article files (default path: .)
  convert [paths…]       Convert articles in Windows-1256, ISO-8859-6 or UTF-16 to UTF-8
  rules                  List the rules

Options:
  -f, --format FORMAT    text (default), json or sarif (rules: text or json)
      --fix              Apply safe fixes in place, then report what remains
  -q, --quiet            Report errors only
  -c, --config FILE      Use this nassaq.yaml instead of the nearest one
      --locale ar|en     Language of messages (default: LC_ALL, LC_MESSAGES or LANG
                         when they start with ar; English for json and sarif)
      --max-file-size N  Skip files larger than N bytes (suffixes K, M, G; default 20M,
                         or max-file-size in nassaq.yaml)

Options of convert:
      --to utf-8         The target encoding (the only one)
      --backup           Keep the original as <file>.bak
      --dry-run          Only list the files that would be converted
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 no error-level problem, 1 error-level problems found,
            2 usage or configuration error (also: a fix could not be written,
              or a rule crashed on a file).
            convert: 0 all converted (or already UTF-8), 1 some files left alone
              (or to convert, with --dry-run), 2 as above.
`;

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
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

class UsageError extends Error {}

export async function run(argv: readonly string[], terminal: Terminal, cwd = process.cwd(), env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    return await dispatch(argv, terminal, cwd, env);
  } catch (error) {
    if (!(error instanceof UsageError) && (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    terminal.err(`nassaq: ${(error as Error).message}`);
    terminal.err("Run 'nassaq --help' for usage.");
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], terminal: Terminal, cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.version) return print(terminal, `${nassaqVersion()}\n`);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return print(terminal, HELP);
  const format = parseFormat(values.format);
  if (command !== 'convert' && (values.to !== undefined || values.backup || values['dry-run'])) {
    throw new UsageError('--to, --backup and --dry-run are options of convert');
  }
  if (command === 'convert') {
    if (values.fix || values.quiet) throw new UsageError("'convert' takes no --fix or --quiet");
    if (values.to !== undefined && !/^utf-?8$/i.test(values.to)) throw new UsageError(`'convert' converts to utf-8 only, not '${values.to}'`);
    if (format === 'sarif') throw new UsageError("'convert' supports --format text or json");
    return runConvert(
      {
        paths: rest.length > 0 ? rest : ['.'],
        cwd,
        format,
        backup: values.backup ?? false,
        dryRun: values['dry-run'] ?? false,
        configFile: values.config,
        maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size']),
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
        maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size']),
        locale: chooseLocale(values.locale, format, env),
      },
      terminal,
    );
  }
  if (command === 'rules') {
    if (rest.length > 0) throw new UsageError(`'rules' takes no arguments (got '${rest[0]}')`);
    if (values.fix || values.config !== undefined || values['max-file-size'] !== undefined) throw new UsageError("'rules' takes only --format");
    if (format === 'sarif') throw new UsageError("'rules' supports --format text or json");
    return print(terminal, format === 'json' ? rulesJson() : rulesText());
  }
  if (command === undefined) throw new UsageError('missing command: check, convert or rules');
  throw new UsageError(`unknown command '${command}'; expected check, convert or rules`);
}

async function print(terminal: Terminal, text: string): Promise<number> {
  await terminal.out(text);
  await terminal.flush();
  return EXIT_OK;
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format '${value}'; expected ${FORMATS.join(', ')}`);
}

/**
 * The language of messages: --locale, else (text output only) the environment's, by POSIX
 * precedence: LC_ALL, LC_MESSAGES, LANG, Arabic when it starts with `ar`. JSON and SARIF stay
 * English unless --locale asks otherwise, so machine output does not depend on the machine.
 */
export function chooseLocale(option: string | undefined, format: Format, env: Readonly<Record<string, string | undefined>>): Locale {
  if (option !== undefined) {
    if (!(LOCALES as readonly string[]).includes(option)) throw new UsageError(`unknown locale '${option}'; expected ${LOCALES.join(' or ')}`);
    return option as Locale;
  }
  if (format !== 'text') return 'en';
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return localeOf(tag) ?? 'en';
}

/** Bytes, with an optional K, M or G suffix (powers of 1024). */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*([KMG]?)i?B?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size expects a number of bytes such as 5000000 or 20M, not '${value}'`);
  const scale = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(match[1]) * scale;
}

function rulesText(): string {
  const idWidth = Math.max(...RULES.map((rule) => rule.id.length), 4);
  const header = `${'rule'.padEnd(idWidth)}  severity  fixable  description`;
  const rows = RULES.map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(8)}  ${(rule.fixable ? 'yes' : 'no').padEnd(7)}  ${rule.description}`);
  return `${[header, ...rows].join('\n')}\n`;
}

function rulesJson(): string {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    severity: rule.defaultSeverity,
    fixable: rule.fixable,
    description: rule.description,
    options: rule.options ?? {},
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

if (require.main === module) void main();
