// Injects known errors into clean articles and records where they are (gold). Deterministic for
// a seed. Run alone to inspect: node --import tsx test/eval/generate.ts [--corpus DIR] --out DIR
import type { CorpusFile } from '../../server/src/core/corpus/lint-corpus';
import { isArabicMark } from '../../server/src/core/text/chars';
import { DAMMA, FATHA, KASRA, lettersOnly, VARIANT_KINDS, variantsOf, withPrefix, wordsOf, type Word } from './arabic';
import { findMentions, nameStats, type Mention } from './mentions';
import { ARTICLES_DIR, parseArgs, readArticles, writeGenerated } from './io';
import { fixedWords, FUNCTION_WORDS, NAMES, type NameEntry } from './names';

export type EvalRule = 'merged-word' | 'actor-spelling' | 'stray-diacritic';
export const EVAL_RULES: readonly EvalRule[] = ['merged-word', 'actor-spelling', 'stray-diacritic'];

/**
 * Chance of an error per eligible adjacent pair (merges: second word with ال, with a clitic و,
 * anything else), per mention of an eligible name, and per eligible word (diacritics).
 */
export interface Rates {
  mergeAl: number;
  mergeWa: number;
  mergeOther: number;
  name: number;
  diacritic: number;
}

export const DEFAULT_RATES: Rates = { mergeAl: 0.005, mergeWa: 0.03, mergeOther: 0.002, name: 0.15, diacritic: 0.003 };

export interface GenerateOptions {
  seed?: number;
  rates?: Partial<Rates>;
  names?: readonly NameEntry[];
  /** A name is misspelt only if its dominant spelling occurs at least this often. */
  minMentions?: number;
}

/** One injected error: a replacement in the base text. */
export interface Injection {
  offset: number;
  length: number;
  newText: string;
  rule: EvalRule;
  kind: string;
}

/** Where an error is in the generated text (UTF-16 offsets), and what the preferred fix should make of it. */
export interface GoldItem {
  file: string;
  offset: number;
  length: number;
  rule: EvalRule;
  kind: string;
  /** The generated text of the span (for reading gold.json). */
  text: string;
  /** The span's text after the preferred fix: the original text. */
  expected: string;
}

export interface Generated {
  files: CorpusFile[];
  gold: GoldItem[];
  /** Per file, the injections in base-text coordinates, sorted. */
  injections: Map<string, Injection[]>;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NO_MERGE_FIRST = new Set(['عبد', 'أبو', 'ابو', 'أبي', 'ابي', 'بن', 'ابن', 'بنت', 'أم', 'ام', 'ذو', 'ذي', 'آل']);
const MARKS: ReadonlyArray<[string, string]> = [['fatha', FATHA], ['kasra', KASRA], ['damma', DAMMA]];

export function generate(base: readonly CorpusFile[], options: GenerateOptions = {}): Generated {
  const rates = { ...DEFAULT_RATES, ...options.rates };
  const names = options.names ?? NAMES;
  const random = mulberry32(options.seed ?? 1);
  const files = [...base].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const words = files.map((f) => wordsOf(f.text));
  const tokenCounts = new Map<string, number>();
  for (const list of words) for (const w of list) tokenCounts.set(w.token.text, (tokenCounts.get(w.token.text) ?? 0) + 1);
  const injections: Injection[][] = files.map(() => []);
  const blocked: Set<number>[] = files.map(() => new Set());
  const block = (file: number, from: number, to: number) => {
    for (let i = from; i <= to; i++) blocked[file].add(i);
  };
  const free = (file: number, from: number, to: number) => {
    for (let i = from; i <= to; i++) if (blocked[file].has(i)) return false;
    return true;
  };

  // Names: a few mentions of each name with a clear dominant spelling get another spelling.
  const mentions = findMentions(words, names);
  const stats = nameStats(mentions, names.length);
  const byEntry = new Map<number, Mention[]>();
  for (const m of mentions) if (m.form === stats[m.entry].dominant) byEntry.set(m.entry, [...(byEntry.get(m.entry) ?? []), m]);
  for (const [entry, list] of [...byEntry].sort((a, b) => a[0] - b[0])) {
    const s = stats[entry];
    const cap = Math.min(Math.floor((s.dominantCount - 3 * s.otherCount) / 4), Math.max(1, Math.floor(s.dominantCount / 5)));
    if (s.dominantCount < (options.minMentions ?? 4) || cap <= 0) continue;
    const formWords = s.dominant.split(' ');
    const choices = VARIANT_KINDS.map((kind) => ({
      kind,
      variants: variantsOf(formWords, kind, names[entry].person, fixedWords(names[entry])).filter((v) => {
        const form = v.join(' ');
        // Never a function word (على for علي); a single word only if it is no other word of the corpus.
        if (v.some((w) => FUNCTION_WORDS.has(w) && !formWords.includes(w))) return false;
        return v.length > 1 || s.forms.has(form) || !tokenCounts.has(form);
      }),
    })).filter((c) => c.variants.length > 0);
    if (choices.length === 0) continue;
    let made = 0;
    for (const m of shuffle(list, random)) {
      if (made >= cap) break;
      if (random() >= rates.name || !free(m.file, m.start - 1, m.end)) continue;
      const choice = choices[Math.floor(random() * choices.length)];
      const variant = choice.variants[Math.floor(random() * choice.variants.length)].join(' ');
      const first = words[m.file][m.start].token;
      const last = words[m.file][m.end - 1].token;
      const original = files[m.file].text.slice(first.offset, last.offset + last.length);
      if (original !== withPrefix(m.split, m.form)) continue;
      injections[m.file].push({ offset: first.offset, length: original.length, newText: withPrefix(m.split, variant), rule: 'actor-spelling', kind: choice.kind });
      block(m.file, m.start - 1, m.end);
      made++;
    }
  }

  files.forEach((_, f) => {
    // Merges: two adjacent words lose the space between them.
    const list = words[f];
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1].token.text;
      const b = list[i].token.text;
      if (!list[i].joinedToPrevious || !free(f, i - 1, i) || !lettersOnly(a) || !lettersOnly(b)) continue;
      if (a.length < 2 || b.length < 2 || NO_MERGE_FIRST.has(a) || NO_MERGE_FIRST.has(a.slice(1)) || tokenCounts.has(a + b)) continue;
      const kind = b.startsWith('ال') ? 'merge-al' : b.startsWith('وال') || (b.startsWith('و') && tokenCounts.has(b.slice(1))) ? 'merge-wa' : 'merge-other';
      if (random() >= (kind === 'merge-al' ? rates.mergeAl : kind === 'merge-wa' ? rates.mergeWa : rates.mergeOther)) continue;
      const offset = list[i - 1].token.offset;
      injections[f].push({ offset, length: list[i].token.offset + b.length - offset, newText: a + b, rule: 'merged-word', kind });
      block(f, i - 2, i + 1);
    }
    // Stray diacritics: a harakah inside a word, only in articles that are otherwise unvocalized.
    if (!unvocalized(list)) return;
    for (let i = 0; i < list.length; i++) {
      const w = list[i].token.text;
      if (w.length < 3 || !lettersOnly(w) || !free(f, i, i) || random() >= rates.diacritic) continue;
      // On a consonant inside the word: after a letter that is not a long alef, with a letter after it.
      const places = [...w.slice(0, -1)].flatMap((ch, k) => ('اآى'.includes(ch) ? [] : [k + 1]));
      if (places.length === 0) continue;
      const at = places[Math.floor(random() * places.length)];
      const [kind, mark] = MARKS[Math.floor(random() * MARKS.length)];
      injections[f].push({ offset: list[i].token.offset, length: w.length, newText: w.slice(0, at) + mark + w.slice(at), rule: 'stray-diacritic', kind });
      block(f, i - 1, i + 1);
    }
  });

  const result: Generated = { files: [], gold: [], injections: new Map() };
  files.forEach((file, f) => {
    const sorted = injections[f].sort((a, b) => a.offset - b.offset);
    let text = '';
    let cursor = 0;
    for (const inj of sorted) {
      text += file.text.slice(cursor, inj.offset);
      result.gold.push({ file: file.id, offset: text.length, length: inj.newText.length, rule: inj.rule, kind: inj.kind, text: inj.newText, expected: file.text.slice(inj.offset, inj.offset + inj.length) });
      text += inj.newText;
      cursor = inj.offset + inj.length;
    }
    result.files.push({ id: file.id, text: text + file.text.slice(cursor) });
    result.injections.set(file.id, sorted);
  });
  return result;
}

/** Where a base-text offset ends up in the generated text (offsets inside an injection map to its start). */
export function mapOffset(injections: readonly Injection[], offset: number): number {
  let delta = 0;
  for (const inj of injections) {
    if (inj.offset + inj.length <= offset) delta += inj.newText.length - inj.length;
    else if (inj.offset < offset) return inj.offset + delta;
  }
  return offset + delta;
}

/** At most one word in a hundred carries a mark (a final tanween on alef does not count). */
function unvocalized(words: readonly Word[]): boolean {
  let marked = 0;
  for (const w of words) {
    const text = w.token.text.replace(/(?:\u064Bا|ا\u064B)$/, 'ا');
    for (let i = 0; i < text.length; i++) {
      if (isArabicMark(text.charCodeAt(i))) {
        marked++;
        break;
      }
    }
  }
  return marked * 100 <= words.length;
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  if (!args.out) throw new Error('usage: generate.ts [--corpus DIR] [--seed N] [--limit N] [--merge R] [--name R] [--diacritic R] --out DIR');
  const generated = generate(readArticles(args.corpus ?? ARTICLES_DIR, args.limit), { seed: args.seed, rates: args.rates });
  writeGenerated(args.out, generated);
  console.log(`${generated.files.length} articles, ${generated.gold.length} injected errors → ${args.out}`);
}
