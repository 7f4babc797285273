// Decides which files `nassaq check` looks at and which configuration governs each one.
// A named file is always checked; a named directory is walked and filtered by the include and
// exclude globs of the nearest nassaq.yaml (or of `--config`).
import { readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type NassaqConfig } from '../core/config/config';
import { articleMatcher, type ArticleMatcher } from '../core/config/match';
import { LineIndex } from '../core/text/lines';
import { english, type Translate } from '../core/l10n';
import { configFor, loadConfigFile, type LoadedConfig } from '../node/config-loader';
import { resolvesInside } from '../node/inside';
import { walkTree } from '../node/walk';

export interface ArticleTarget {
  /** Absolute path. */
  file: string;
  config: NassaqConfig;
  /** The actor registry that governs it (absolute; the file may not exist). */
  registry: string;
  /** False when the registry resolves outside its config's folder and the given paths (a symlink): it is not read. */
  registryInside: boolean;
  /** For a symbolic link found in a walked folder: the folder it must resolve inside to be read. */
  within?: string;
}

export interface Discovery {
  targets: ArticleTarget[];
  /** Problems to show on stderr: config warnings, and errors when `errors` is non-empty. */
  messages: string[];
  /** Fatal problems (missing path, broken config): exit code 2. */
  failed: boolean;
}

export async function discover(paths: readonly string[], cwd: string, configFile?: string, t: Translate = english): Promise<Discovery> {
  // What the run may read: the given paths (a given file: its folder) and the folders of the configurations in force.
  const roots: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    roots.push(stat && !stat.isDirectory() ? path.dirname(absolute) : absolute);
  }
  const configs = new ConfigSet(cwd, t, roots);
  const explicit = configFile === undefined ? undefined : configs.load(path.resolve(cwd, configFile));
  const found = new Map<string, ArticleTarget>();
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) missing.push(`nassaq: ${t('no such file or directory: {0}', given)}`);
    else if (stat.isDirectory()) await walkDirectory(absolute, explicit, configs, found);
    else found.set(absolute, targetOf(absolute, explicit ?? configs.forDirectory(path.dirname(absolute)), roots));
  }
  const targets = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const messages = [...missing, ...configs.problemLines()];
  return { targets, messages, failed: missing.length > 0 || configs.broken };
}

async function walkDirectory(dir: string, explicit: LoadedConfig | undefined, configs: ConfigSet, found: Map<string, ArticleTarget>): Promise<void> {
  const { files: entries, links } = await walkTree(dir);
  const governing = explicit ? () => explicit : nestedConfigs(dir, entries, configs);
  const matchers = new Map<LoadedConfig, ArticleMatcher>();
  const roots = [dir];
  // Symbolic links are articles like any file, but read only if they resolve inside the walked folder.
  for (const [list, within] of [[entries, undefined], [links, dir]] as const) {
    for (const entry of list) {
      const file = path.join(dir, entry);
      const loaded = governing(path.dirname(file));
      if (!loaded.parsed.usable) continue;
      let matches = matchers.get(loaded);
      if (!matches) matchers.set(loaded, (matches = articleMatcher(loaded.parsed.config)));
      if (matches(relativeForGlobs(loaded, file, dir))) found.set(file, { ...targetOf(file, loaded, roots), ...(within ? { within } : {}) });
    }
  }
}

function targetOf(file: string, loaded: LoadedConfig, roots: readonly string[]): ArticleTarget {
  const { config } = loaded.parsed;
  const registry = path.resolve(loaded.root, config.actors);
  return { file, config, registry, registryInside: resolvesInside(registry, [loaded.root, ...roots]) };
}

/**
 * Path of `file` for the include/exclude globs: relative to the config's folder. A `--config`
 * file from elsewhere cannot see the walked folder that way, so its globs apply relative to it.
 */
function relativeForGlobs(loaded: LoadedConfig, file: string, walkedDir: string): string {
  let relative = path.relative(loaded.root, file);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) relative = path.relative(walkedDir, file);
  return toPosix(relative);
}

/** Maps a folder under `dir` to the nearest nassaq.yaml above it, including ones inside the tree. */
function nestedConfigs(dir: string, entries: readonly string[], configs: ConfigSet): (folder: string) => LoadedConfig {
  const byFolder = new Map<string, LoadedConfig>();
  byFolder.set(dir, configs.forDirectory(dir));
  for (const entry of entries) {
    if (path.basename(entry) === CONFIG_FILE_NAME) {
      const file = path.join(dir, entry);
      byFolder.set(path.dirname(file), configs.load(file));
    }
  }
  return function governing(folder: string): LoadedConfig {
    const known = byFolder.get(folder);
    if (known) return known;
    const result = folder === dir || !folder.startsWith(dir) ? byFolder.get(dir)! : governing(path.dirname(folder));
    byFolder.set(folder, result);
    return result;
  };
}

/** Loads each config file once and remembers their problems. */
class ConfigSet {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly defaultsByDir = new Map<string, LoadedConfig>();

  constructor(
    private readonly cwd: string,
    private readonly t: Translate,
    /** The given paths: a registry may resolve inside them as well as beside its nassaq.yaml. */
    private readonly roots: readonly string[] = [],
  ) {}

  load(file: string): LoadedConfig {
    let loaded = this.byFile.get(file);
    if (!loaded) this.byFile.set(file, (loaded = loadConfigFile(file, this.t, this.roots)));
    return loaded;
  }

  forDirectory(dir: string): LoadedConfig {
    const found = configFor(dir, this.t, this.roots);
    if (found.file) return this.load(path.resolve(found.file));
    let defaults = this.defaultsByDir.get(found.root);
    if (!defaults) this.defaultsByDir.set(found.root, (defaults = found));
    return defaults;
  }

  get broken(): boolean {
    return [...this.byFile.values()].some((loaded) => !loaded.parsed.usable);
  }

  /** `nassaq.yaml:line:col  severity  message` for every problem of every loaded config. */
  problemLines(): string[] {
    const lines: string[] = [];
    for (const [file, loaded] of this.byFile) lines.push(...formatConfigProblems(file, loaded, this.cwd));
    return lines;
  }
}

export function formatConfigProblems(file: string, loaded: LoadedConfig, cwd: string): string[] {
  if (loaded.parsed.problems.length === 0) return [];
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // unreadable: the problem itself says so, at 1:1
  }
  const index = new LineIndex(text);
  const shown = path.relative(cwd, file) || file;
  return loaded.parsed.problems.map((problem) => {
    const { line, character } = index.positionAt(problem.offset);
    return `${shown}:${line + 1}:${character + 1}  ${problem.severity}  ${problem.message}`;
  });
}

export function toPosix(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}
