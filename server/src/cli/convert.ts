// `nassaq convert [paths…] --to utf-8`: converts the articles found as `check` finds them from a
// detected legacy encoding (Windows-1256, ISO-8859-6, UTF-16) to UTF-8, each one atomically and
// only if it did not change since it was read. Files already in UTF-8 are left as they are.
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../core/config/size';
import { translator, type Locale } from '../core/l10n';
import { removeStaleTempFiles } from '../node/atomic-write';
import { convertToUtf8, type ConvertOutcome } from '../node/convert';
import { ENCODING_NAMES } from '../node/encoding';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, fileName, mapOrdered } from './check';
import { discover } from './discover';
import type { Terminal } from './progress';

export interface ConvertCliOptions {
  paths: readonly string[];
  cwd: string;
  format: 'text' | 'json';
  backup: boolean;
  dryRun: boolean;
  configFile?: string;
  maxFileSize?: number;
  /** The language of messages (English when absent). */
  locale?: Locale;
}

const CONCURRENCY = 8;

export async function runConvert(options: ConvertCliOptions, terminal: Terminal): Promise<number> {
  const t = translator(options.locale);
  const discovery = await discover(options.paths, options.cwd, options.configFile, t);
  for (const message of discovery.messages) terminal.err(message);
  if (discovery.failed) return EXIT_USAGE;
  if (discovery.targets.length === 0) terminal.err(`nassaq: ${t('no article files found (see include/exclude in nassaq.yaml)')}`);

  // A run killed before left temporary files beside the articles: tidy them before writing.
  if (!options.dryRun) await removeStaleTempFiles(discovery.targets.map((target) => path.dirname(target.file)));
  const outcomes: ConvertOutcome[] = [];
  terminal.startProgress(discovery.targets.length, options.dryRun ? t('Checking') : t('Converting'));
  try {
    const convert = (target: (typeof discovery.targets)[number]) =>
      convertToUtf8(target.file, {
        backup: options.backup,
        dryRun: options.dryRun,
        maxBytes: options.maxFileSize ?? target.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
        t,
        ...(target.within ? { within: [target.within] } : {}),
      });
    for await (const outcome of mapOrdered(discovery.targets, CONCURRENCY, convert)) {
      outcomes.push(outcome);
      terminal.tick();
    }
  } finally {
    terminal.stopProgress();
  }

  const shown = (file: string) => fileName(file, options.cwd);
  const converted = outcomes.filter((o) => o.kind === 'converted');
  const left = outcomes.filter((o) => o.kind === 'left' || o.kind === 'failed');
  const unchanged = outcomes.filter((o) => o.kind === 'unchanged').length;
  if (options.format === 'json') {
    const json = {
      version: 1,
      dryRun: options.dryRun,
      converted: converted.map((o) => ({ file: shown(o.file).path, from: o.from, ...(o.backup ? { backup: shown(o.backup).path } : {}) })),
      left: left.map((o) => ({ file: shown(o.file).path, reason: o.reason })),
      unchanged,
    };
    await terminal.out(`${JSON.stringify(json)}\n`);
  } else {
    let chunk = '';
    for (const o of converted) {
      const from = ENCODING_NAMES[o.from];
      chunk += `${shown(o.file).nativePath}: ${options.dryRun ? t('would convert from {0} to UTF-8', from) : t('converted from {0} to UTF-8', from)}\n`;
    }
    await terminal.out(chunk);
    for (const o of left) terminal.err(`${shown(o.file).nativePath}: ${o.reason}`);
    const notes = [t.plural(unchanged, '{0} already UTF-8', '{0} already UTF-8')];
    if (left.length > 0) notes.push(t.plural(left.length, '{0} left alone', '{0} left alone'));
    const summary = options.dryRun
      ? t.plural(converted.length, 'Would convert {0} file to UTF-8 ({1})', 'Would convert {0} files to UTF-8 ({1})', notes.join(t(', ')))
      : t.plural(converted.length, 'Converted {0} file to UTF-8 ({1})', 'Converted {0} files to UTF-8 ({1})', notes.join(t(', ')));
    await terminal.out(`${summary}\n`);
  }
  await terminal.flush();
  if (left.some((o) => o.kind === 'failed')) return EXIT_USAGE;
  return left.length > 0 || (options.dryRun && converted.length > 0) ? EXIT_ERRORS : EXIT_OK;
}
