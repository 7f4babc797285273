// Which actors.yaml governs an article, and its parsed content. Open buffers override disk; a
// broken registry keeps the last good one in force and reports its problems in actors.yaml.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RegistrySource } from '../core/actors/actor-index';
import { parseRegistry, REGISTRY_FILE_NAME, type Actor, type RegistryProblem } from '../core/actors/registry';
import { LineIndex } from '../core/text/lines';
import type { ConfigStore } from './configs';
import { t } from './l10n';

export interface LoadedRegistry {
  file: string;
  actors: readonly Actor[];
  /** The text the actors were read from (their spans point into it). */
  text: string;
  lines: LineIndex;
}

export interface RegistryHost {
  openText(file: string): string | undefined;
  /** Whether the file may be read from disk: it resolves (symbolic links followed) inside the workspace. */
  mayRead(file: string): boolean;
  reportProblems(file: string, text: string, problems: readonly RegistryProblem[]): void;
}

export class RegistryStore {
  private readonly loaded = new Map<string, LoadedRegistry | undefined>();
  /** Last good content per file: a registry with YAML errors keeps it in force. */
  private readonly lastGood = new Map<string, LoadedRegistry>();

  constructor(
    private readonly configs: ConfigStore,
    private readonly host: RegistryHost,
  ) {}

  /** The registry file that governs an article (it may not exist yet). */
  pathFor(articleFile: string): string {
    const { root, config } = this.configs.forFile(articleFile);
    return path.resolve(root, config.actors);
  }

  /** Whether the path is a registry in use, or named like one. */
  isRegistry(file: string): boolean {
    return this.loaded.has(file) || path.basename(file) === REGISTRY_FILE_NAME;
  }

  /** The registry at a path, or undefined when there is none. */
  get(file: string): LoadedRegistry | undefined {
    if (!this.loaded.has(file)) this.loaded.set(file, this.read(file));
    return this.loaded.get(file);
  }

  /** The registries governing the given articles, loaded. */
  sourcesFor(articles: Iterable<string>): RegistrySource[] {
    const files = new Set<string>();
    for (const article of articles) files.add(this.pathFor(article));
    for (const file of this.loaded.keys()) files.add(file);
    const sources: RegistrySource[] = [];
    for (const file of [...files].sort()) {
      const registry = this.get(file);
      if (registry) sources.push({ file, actors: registry.actors });
    }
    return sources;
  }

  /** Forget a registry's content after it was edited, created or deleted. */
  invalidate(file: string): void {
    this.loaded.delete(file);
  }

  private read(file: string): LoadedRegistry | undefined {
    const text = this.host.openText(file) ?? (this.host.mayRead(file) ? readOrUndefined(file) : undefined);
    if (text === undefined) {
      this.lastGood.delete(file);
      return undefined;
    }
    const parsed = parseRegistry(text, t);
    this.host.reportProblems(file, text, parsed.problems);
    if (!parsed.usable) return this.lastGood.get(file) ?? { file, actors: [], text, lines: new LineIndex(text) };
    const registry = { file, actors: parsed.actors, text, lines: new LineIndex(text) };
    this.lastGood.set(file, registry);
    return registry;
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
