// Loads the Arabic dictionary compiled at build time (scripts/build-lexicon.mjs → dist/lexicon/ar.dawg).
// Lazy: the file is read on the first lookup, so a server or CLI run that never asks pays nothing.
// A missing or corrupt file is one warning on stderr and an empty dictionary, never an exception.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DawgDictionary } from '../core/lexicon/dawg';
import type { Dictionary } from '../core/lexicon/dictionary';

export const LEXICON_RELATIVE_PATH = path.join('lexicon', 'ar.dawg');

/** dist/lexicon/ar.dawg next to the running bundle, or under the repository when running from sources (tsx). */
export function findLexiconFile(fromDir: string = __dirname): string {
  const beside = path.join(fromDir, LEXICON_RELATIVE_PATH);
  if (existsSync(beside)) return beside;
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    if (isNassaqRoot(dir)) return path.join(dir, 'dist', LEXICON_RELATIVE_PATH);
    if (path.dirname(dir) === dir) return beside;
  }
}

function isNassaqRoot(dir: string): boolean {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'nassaq';
  } catch {
    return false;
  }
}

/** A dictionary that reads its file on first use; lookups then go straight to the DAWG. */
export class LazyArabicDictionary implements Dictionary {
  private loaded: DawgDictionary | undefined;
  private failed = false;

  constructor(
    private readonly file?: string,
    private readonly warn: (message: string) => void = (message) => console.error(message),
  ) {}

  has(word: string): boolean {
    const dawg = this.loaded ?? this.load();
    return dawg !== undefined && dawg.has(word);
  }

  hasPrefix(prefix: string): boolean {
    const dawg = this.loaded ?? this.load();
    return dawg !== undefined && dawg.hasPrefix(prefix);
  }

  /** Number of words, or 0 when the file could not be loaded. */
  get size(): number {
    return (this.loaded ?? this.load())?.size ?? 0;
  }

  private load(): DawgDictionary | undefined {
    if (this.failed) return undefined;
    const file = this.file ?? findLexiconFile();
    try {
      this.loaded = new DawgDictionary(readFileSync(file));
    } catch (error) {
      this.failed = true;
      const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      this.warn(`nassaq: Arabic dictionary unavailable (${file}: ${why}); run \`npm run build\`. Words will not be checked against it.`);
    }
    return this.loaded;
  }
}

let shared: LazyArabicDictionary | undefined;

/**
 * The Arabic dictionary from @cspell/dict-ar (plain forms, no diacritics). Without `file`, one shared
 * instance; with `file`, a fresh one reading that file. Falls back to empty, with one warning.
 */
export function loadArabicDictionary(file?: string): LazyArabicDictionary {
  if (file !== undefined) return new LazyArabicDictionary(file);
  return (shared ??= new LazyArabicDictionary());
}
