// Which nassaq.yaml governs a file, and its parsed content. Open buffers override disk; a broken
// file keeps the last good configuration in force and reports its problems.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type NassaqConfig } from '../core/config/config';
import { articleMatcher, type ArticleMatcher } from '../core/config/match';
import type { ConfigProblem } from '../core/config/parse';
import { confineRegistry, findConfigFile, parseConfigText } from '../node/config-loader';
import { t } from './l10n';

export interface ResolvedConfig {
  /** Path of the nassaq.yaml in force, if any. */
  file?: string;
  /** Folder the include/exclude globs are relative to. */
  root: string;
  config: NassaqConfig;
  isArticle(filePath: string): boolean;
}

interface LoadedFile {
  config: NassaqConfig;
  matcher: ArticleMatcher;
  problems: ConfigProblem[];
}

export interface ConfigHost {
  /** The text of an open editor buffer for the path, if one is open. */
  openText(filePath: string): string | undefined;
  workspaceRoots(): readonly string[];
  /** Called whenever a config file is (re)parsed, with its problems (possibly none). */
  reportProblems(file: string, text: string, problems: readonly ConfigProblem[]): void;
}

export class ConfigStore {
  private readonly fileForDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedFile>();
  private readonly lastGood = new Map<string, NassaqConfig>();
  /** forFile's answers by folder, for the workspace folders of `resolvedRoots`; cleared with fileForDir. */
  private readonly resolvedForDir = new Map<string, ResolvedConfig>();
  private resolvedRoots = '';

  constructor(private readonly host: ConfigHost) {}

  /** Cached by folder: a scan asks for every article of the workspace, tens of thousands of times. */
  forFile(filePath: string): ResolvedConfig {
    const dir = path.dirname(filePath);
    const roots = this.host.workspaceRoots().join('\0');
    if (roots !== this.resolvedRoots) {
      this.resolvedForDir.clear();
      this.resolvedRoots = roots;
    }
    let resolved = this.resolvedForDir.get(dir);
    if (!resolved) this.resolvedForDir.set(dir, (resolved = this.resolve(dir)));
    return resolved;
  }

  /** Everything forFile answers depends on the file's folder alone. */
  private resolve(dir: string): ResolvedConfig {
    const workspaceRoot = this.workspaceRootOf(dir);
    const file = this.configFileFor(dir, workspaceRoot);
    const root = file ? path.dirname(file) : (workspaceRoot ?? dir);
    const loaded = file ? this.load(file) : undefined;
    const config = loaded?.config ?? DEFAULT_CONFIG;
    const matcher = loaded?.matcher ?? articleMatcher(DEFAULT_CONFIG);
    return { file, root, config, isArticle: (p) => matcher(path.relative(root, p).split(path.sep).join('/')) };
  }

  /** Forget cached state after a config file was created, changed, opened, closed or deleted. */
  invalidate(file: string): void {
    this.loaded.delete(file);
    this.fileForDir.clear();
    this.resolvedForDir.clear();
  }

  isConfigFile(filePath: string): boolean {
    return path.basename(filePath) === 'nassaq.yaml';
  }

  private workspaceRootOf(filePath: string): string | undefined {
    let best: string | undefined;
    for (const root of this.host.workspaceRoots()) {
      const relative = path.relative(root, filePath);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || root.length > best.length)) best = root;
    }
    return best;
  }

  private configFileFor(dir: string, stopDir: string | undefined): string | undefined {
    if (!this.fileForDir.has(dir)) this.fileForDir.set(dir, findConfigFile(dir, stopDir));
    return this.fileForDir.get(dir);
  }

  private load(file: string): LoadedFile {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    const text = this.host.openText(file) ?? readOrEmpty(file);
    // The registry must stay inside the folder of nassaq.yaml or the workspace folder holding it.
    const workspaceRoot = this.workspaceRootOf(file);
    const parsed = confineRegistry(parseConfigText(text, t), path.dirname(file), workspaceRoot ? [workspaceRoot] : [], t);
    if (parsed.usable) this.lastGood.set(file, parsed.config);
    const config = parsed.usable ? parsed.config : (this.lastGood.get(file) ?? DEFAULT_CONFIG);
    const loaded = { config, matcher: articleMatcher(config), problems: parsed.problems };
    this.loaded.set(file, loaded);
    this.host.reportProblems(file, text, parsed.problems);
    return loaded;
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
