// Arabic helpers for the generator: words of a text, clitic splits, loose keys for grouping the
// spellings of one name, and the misspellings a name can suffer.
import { isArabicLetter } from '../../server/src/core/text/chars';
import { tokenize, type Token } from '../../server/src/core/text/tokenize';

export interface Word {
  token: Token;
  /** True when exactly one plain space separates this word from the previous one. */
  joinedToPrevious: boolean;
}

/** The Arabic words of a text, with whether each follows the previous one after a single space. */
export function wordsOf(text: string): Word[] {
  const tokens = tokenize(text);
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'arabic') continue;
    const joined = i >= 2 && tokens[i - 1].kind === 'space' && tokens[i - 1].text === ' ' && tokens[i - 2].kind === 'arabic';
    words.push({ token: tokens[i], joinedToPrevious: joined });
  }
  return words;
}

export function lettersOnly(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isArabicLetter(word.charCodeAt(i))) return false;
  return word.length > 0;
}

const PROCLITICS = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك', 'فك'];

export interface CliticSplit {
  prefix: string;
  /** The word without its proclitics, with the alef of ال restored after ل (للأمم → الأمم). */
  stem: string;
  /** True when the stem's ال lost its alef in the text (ل + الأمم written للأمم). */
  elided: boolean;
}

export function cliticSplits(token: string): CliticSplit[] {
  const splits: CliticSplit[] = [];
  for (const prefix of PROCLITICS) {
    if (token.length - prefix.length < 2 || !token.startsWith(prefix)) continue;
    splits.push({ prefix, stem: token.slice(prefix.length), elided: false });
  }
  for (const p of ['', 'و', 'ف']) {
    if (token.startsWith(`${p}لل`) && token.length - p.length > 3) splits.push({ prefix: `${p}ل`, stem: `ا${token.slice(p.length + 1)}`, elided: true });
  }
  return splits;
}

/** The token a stem is written as after `prefix` (undoes `cliticSplits`). */
export function withPrefix(split: CliticSplit, stem: string): string {
  return split.prefix + (split.elided ? stem.slice(1) : stem);
}

const looseCache = new Map<string, string>();

/** Groups the spellings of a word: hamza forms, ى/ي and ة/ه compare equal. */
export function looseKey(word: string): string {
  let key = looseCache.get(word);
  if (key !== undefined) return key;
  key = word.replace(/[أإآٱ]/g, 'ا').replace(/[ىئ]/g, 'ي').replace(/ؤ/g, 'و').replace(/ة/g, 'ه');
  if (looseCache.size > 200_000) looseCache.clear();
  looseCache.set(word, key);
  return key;
}

/** A name's loose key as a list of units, with عبد joined to the word after it. */
export function looseUnits(words: readonly string[]): string[] {
  const units: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'عبد' && i + 1 < words.length) units.push(looseKey(words[i] + words[++i]));
    else units.push(looseKey(words[i]));
  }
  return units;
}

export type VariantKind = 'hamza-alef' | 'hamza-seat' | 'alef-maqsura' | 'ta-marbuta-heh' | 'ta-marbuta-dropped' | 'abd-joined' | 'abd-spaced';

export const VARIANT_KINDS: readonly VariantKind[] = ['hamza-alef', 'hamza-seat', 'alef-maqsura', 'ta-marbuta-heh', 'ta-marbuta-dropped', 'abd-joined', 'abd-spaced'];

/** Every misspelling of `kind` that a name written `words` can get, one change each; `fixed` words never change. */
export function variantsOf(words: readonly string[], kind: VariantKind, person: boolean, fixed: readonly string[] = []): string[][] {
  const out: string[][] = [];
  const replaceWord = (j: number, ...next: string[]) => out.push([...words.slice(0, j), ...next, ...words.slice(j + 1)]);
  const fixedKeys = new Set(fixed.map(looseKey));
  words.forEach((w, j) => {
    if (fixedKeys.has(looseKey(w))) return;
    switch (kind) {
      case 'hamza-alef':
        if (/^[أإآ]/.test(w)) replaceWord(j, `ا${w.slice(1)}`);
        else if (/^ال[أإآ]/.test(w)) replaceWord(j, `الا${w.slice(3)}`);
        break;
      case 'hamza-seat': {
        const i = w.search(/[ئؤ]/);
        if (i > 0) replaceWord(j, w.slice(0, i) + (w[i] === 'ئ' ? 'ي' : 'و') + w.slice(i + 1));
        break;
      }
      case 'alef-maqsura':
        if (w.length >= 3 && w.endsWith('ى')) replaceWord(j, `${w.slice(0, -1)}ي`);
        else if (w.length >= 4 && w.endsWith('ي')) replaceWord(j, `${w.slice(0, -1)}ى`);
        break;
      case 'ta-marbuta-heh':
        if (w.length >= 3 && w.endsWith('ة')) replaceWord(j, `${w.slice(0, -1)}ه`);
        break;
      case 'ta-marbuta-dropped':
        if (person && j > 0 && w.length >= 4 && w.endsWith('ة')) replaceWord(j, w.slice(0, -1));
        break;
      case 'abd-joined':
        if (w === 'عبد' && j + 1 < words.length) out.push([...words.slice(0, j), w + words[j + 1], ...words.slice(j + 2)]);
        break;
      case 'abd-spaced':
        if (w.startsWith('عبدال') && w.length > 6) replaceWord(j, 'عبد', w.slice(3));
        break;
    }
  });
  return out;
}

export const FATHA = '\u064E';
export const DAMMA = '\u064F';
export const KASRA = '\u0650';
