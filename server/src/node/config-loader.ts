// Finds and reads `nassaq.yaml` on disk. Shared by the language server and the CLI.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG } from '../core/config/config';
import { parseConfig, type ParsedConfig } from '../core/config/parse';
import { english, type Translate } from '../core/l10n';
import { RULES } from '../core/rules';
import { resolvesInside } from './inside';

/** Walks up from `startDir` to the filesystem root (or `stopDir`, inclusive) looking for nassaq.yaml. */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopDir ? path.resolve(stopDir) : undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  /** The config file, or undefined when none was found and defaults apply. */
  file?: string;
  /** The folder that include/exclude globs are relative to. */
  root: string;
  parsed: ParsedConfig;
}

export function parseConfigText(text: string, t: Translate = english): ParsedConfig {
  return parseConfig(text, RULES, t);
}

/**
 * Refuses an `actors` path that leaves the corpus: the registry must resolve, symbolic links
 * followed, inside the folder holding nassaq.yaml or one of `roots` (the workspace folders, the
 * paths given to the CLI). A refused path is an error of nassaq.yaml (the file is unusable) and
 * the configuration falls back to the default registry path, so nobody reads the refused one.
 */
export function confineRegistry(parsed: ParsedConfig, configDir: string, roots: readonly string[], t: Translate = english): ParsedConfig {
  const registry = path.resolve(configDir, parsed.config.actors);
  if (resolvesInside(registry, [configDir, ...roots])) return parsed;
  const span = parsed.actorsSpan ?? { offset: 0, length: 0 };
  const message = t("'actors' must name a file inside the folder of nassaq.yaml or the workspace; {0} is outside, not read", parsed.config.actors);
  return { ...parsed, config: { ...parsed.config, actors: DEFAULT_CONFIG.actors }, usable: false, problems: [...parsed.problems, { ...span, severity: 'error', message }] };
}

/** Reads a config file; an unreadable file is a problem at offset 0, never an exception. `roots`: see confineRegistry. */
export function loadConfigFile(file: string, t: Translate = english, roots: readonly string[] = []): LoadedConfig {
  const root = path.dirname(path.resolve(file));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const message = t('cannot read {0}: {1}', file, (error as NodeJS.ErrnoException).code ?? String(error));
    return { file, root, parsed: { config: DEFAULT_CONFIG, usable: false, problems: [{ offset: 0, length: 0, severity: 'error', message }] } };
  }
  return { file, root, parsed: confineRegistry(parseConfigText(text, t), root, roots, t) };
}

/** The configuration governing files under `dir`: the nearest nassaq.yaml above it, or defaults rooted at `dir`. */
export function configFor(dir: string, t: Translate = english, roots: readonly string[] = []): LoadedConfig {
  const file = findConfigFile(dir);
  if (file) return loadConfigFile(file, t, roots);
  return { root: path.resolve(dir), parsed: { config: DEFAULT_CONFIG, usable: true, problems: [] } };
}
