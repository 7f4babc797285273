// Corpus-level knowledge about names for actor-spelling, cached until the corpus changes: the
// attested spellings of a word (every spelling variant is generated and looked up in the shared
// word and pair counts, so no file stores more than its own names), its canonical spelling, and
// whether a word is a name: a foreign word the dictionary lacks in every spelling, a word the
// corpus mostly writes where names stand, or a country the corpus never inflects.
import { foldKey, surfaceKey } from '../text/normalize';
import type { CorpusView } from './corpus-view';
import {
  ARTICLE, CONNECTORS, INSTITUTIONS, PROCLITICS, STOP_WORDS, TITLES, compoundHead, hasArticle, isFunctionWord, letterCount,
  spellingVariants, taMarbutaDropped,
} from './names';
import { chooseCanonical, sortForms, type NameForm, type NameGroup } from './spellings';

export interface NameSettings {
  /** Share of a word's mentions that stand in name positions for it to count as a name. */
  nameShare: number;
  /** Letters a foreign name needs before its spellings are compared on their own. */
  foreignLetters: number;
  /** The actor registry: canonical spellings (see nameRegistry). */
  registry?: NameRegistry;
}

/** Registry spellings by word fold key; a word of a longer name applies only beside one of its partners. */
export type NameRegistry = ReadonlyMap<string, { spelling: string; partners: ReadonlySet<string> }>;

/**
 * The actor registry from canonical names (إيمانويل ماكرون، عبد المجيد تبون، أردوغان): each word
 * (a عبد/أبو compound counts as one) maps to its spelling, with the name's other words as partners.
 */
export function nameRegistry(names: Iterable<string>): NameRegistry {
  const registry = new Map<string, { spelling: string; partners: Set<string> }>();
  for (const name of names) {
    const words = surfaceKey(name.trim()).split(/\s+/).filter(Boolean);
    const units: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const head = foldKey(words[i]) === 'عبد' || foldKey(words[i]) === 'ابو';
      units.push(head && i + 1 < words.length ? `${words[i]} ${words[++i]}` : words[i]);
    }
    const keys = units.map((u) => foldKey(u.replace(' ', '')));
    units.forEach((unit, i) => registry.set(keys[i], { spelling: unit, partners: new Set(keys.filter((_, j) => j !== i)) }));
  }

  return registry;
}

export interface NameStatsLike {
  readonly named: ReadonlyMap<string, number>;
  readonly version: number;
}

/** How a word may start a reported name: clitic + bare word, with the bare word's fold key. */
export interface Reading {
  clitic: string;
  bare: string;
  key: string;
}

export interface Entry {
  reading: Reading | null;
  /** The word itself looks like a foreign name (isUnknownName). */
  name: boolean;
}

export const TEH_MARBUTA = '\u0629';
const ARTICLE_PREFIXES = ['\u0627\u0644', '\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0644\u0644']; // ال وال بال لل
/** في من إلى الى مع عن بين */
const PREPOSITIONS = ['\u0641\u064A', '\u0645\u0646', '\u0625\u0644\u0649', '\u0627\u0644\u0649', '\u0645\u0639', '\u0639\u0646', '\u0628\u064A\u0646'];
/** A word standing alone needs this many times the name share a word beside a name needs. */
const SINGLE_WORD_FACTOR = 1.5;
/** Attached pronouns and verb endings that foreign names do not have (ازاءها، اخبروني، يحملوا). */
const PRONOUN_END = /(?:\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0643\u0645|\u0646\u064A|\u0648\u0627)$/; // ها هم هما كم ني وا
const PROCLITIC_LETTERS = new Set(PROCLITICS.map((c) => c[0]));
const MAX_CACHED = 500_000;

interface Cache {
  version: number;
  registry: NameSettings['registry'];
  forms: Map<string, NameForm[]>;
  groups: Map<string, NameGroup | null>;
  bare: Map<string, number>;
  entries: Map<string, Entry>;
  relaxed: Map<string, Reading | null>;
}
const caches = new WeakMap<object, Cache>();

export class NameLexicon {
  readonly hasDictionary: boolean;
  private readonly cache: Cache;

  constructor(
    readonly corpus: CorpusView,
    readonly stats: NameStatsLike,
    readonly settings: NameSettings,
  ) {
    let cache = caches.get(stats);
    if (!cache || cache.version !== stats.version || cache.registry !== settings.registry) {
      cache = { version: stats.version, registry: settings.registry, forms: new Map(), groups: new Map(), bare: new Map(), entries: new Map(), relaxed: new Map() };
      caches.set(stats, cache);
    }
    this.cache = cache;
    // Without a lexicon (an empty dictionary) a foreign name cannot be told from a common word.
    this.hasDictionary = corpus.dictionary.has('\u0641\u064A'); // في
  }

  /** What a word may be, cached by its raw text: no key computation for the many words that are never names. */
  entry(text: string): Entry {
    let entry = this.cache.entries.get(text);
    if (entry === undefined) {
      if (this.cache.entries.size > MAX_CACHED) this.cache.entries.clear();
      const surface = surfaceKey(text);
      this.cache.entries.set(text, (entry = { reading: this.reading(surface, false) ?? null, name: this.isUnknownName(surface) }));
    }
    return entry;
  }

  relaxedReading(text: string): Reading | null {
    let reading = this.cache.relaxed.get(text);
    if (reading === undefined) this.cache.relaxed.set(text, (reading = (text.length >= 3 && this.reading(surfaceKey(text), true)) || null));
    return reading;
  }

  /** How a word may start a reported name: a clitic reading (longest clitic first) or the whole word. */
  private reading(surface: string, relaxed: boolean): Reading | undefined {
    const letters = letterCount(surface);
    for (let r = PROCLITIC_LETTERS.has(surface[0]) ? 0 : PROCLITICS.length; r <= PROCLITICS.length; r++) {
      const clitic = r < PROCLITICS.length ? PROCLITICS[r] : '';
      if (clitic !== '' && (!surface.startsWith(clitic) || letters - clitic.length < 3)) continue;
      const bare = clitic === '' ? surface : surface.slice(clitic.length);
      const key = foldKey(bare);
      if (key === 'عبد' || key === 'ابو') return { clitic, bare, key };
      // والى، وعلى، بمنطقة، والرئيس: a clitic on a function word, an institution or a title.
      if (STOP_WORDS.has(key) || TITLES.has(key) || CONNECTORS.has(key) || INSTITUTIONS.has(key)) return undefined;
      if (letters - clitic.length < 3 || (!relaxed && !this.promising(bare, key))) continue;
      // A clitic is split off only when the rest is the commoner word (وفايز, لإيران; not وليد, كاريك),
      // and not off a dictionary word whose rest is no word (بابها is her door, not ب + ابها).
      if (clitic !== '' && this.bareCount(bare) <= this.corpus.words.count(surface)) continue;
      if (clitic !== '' && this.hasDictionary && this.corpus.dictionary.has(surface) && !this.corpus.dictionary.has(bare)) continue;
      return this.variable(bare, key) ? { clitic, bare, key } : undefined;
    }
    return undefined;
  }

  /** The word is not its group's canonical spelling, or has a ta-marbuta twin (سلام / سلامة). */
  private variable(bare: string, key: string): boolean {
    const group = this.groupOf(bare, key);
    if ((group && group.canonical !== bare) || (this.settings.registry?.get(key)?.spelling ?? bare) !== bare) return true;
    if (hasArticle(bare)) return false;
    const twin = taMarbutaDropped(bare);
    return (bare + twin).includes(TEH_MARBUTA) && this.corpus.words.count(twin) > 0;
  }

  /** The spellings of a word or compound and its canonical one; none when it has a single spelling and no registry entry. */
  groupOf(bare: string, key: string): NameGroup | undefined {
    let group = this.cache.groups.get(bare);
    if (group !== undefined) return group ?? undefined;
    const entry = this.settings.registry?.get(key);
    const registry = entry && entry.partners.size === 0 ? entry.spelling : undefined;
    const forms = this.formsOf(bare);
    if (forms.length >= 2 || registry !== undefined) {
      const compound = bare.includes(' ') || isJoinedCompound(bare);
      group = this.group(key, forms, registry !== undefined ? 'registry' : compound ? 'compound' : 'orthographic', registry);
    }
    this.cache.groups.set(bare, group ?? null);
    return group;
  }

  /** Cheap test that every path to a finding needs: registry, compound, name position or unknown word. */
  private promising(bare: string, key: string): boolean {
    if ((this.stats.named.get(key) ?? 0) >= 1 || this.settings.registry?.has(key) || compoundHead(bare) !== undefined) return true;
    return letterCount(bare) >= 4 && !hasArticle(bare) && !(this.hasDictionary && this.corpus.dictionary.has(bare));
  }

  group(key: string, forms: NameForm[], kind: NameGroup['kind'], registry?: string): NameGroup {
    const known = (s: string) => this.corpus.dictionary.has(s);
    // Sorting in place is harmless (the cached forms keep their content) and saves a copy per mention.
    const sorted = sortForms(forms, known);
    return { key, kind, forms: sorted, canonical: chooseCanonical(sorted, known, registry) };
  }

  /** A foreign name: no spelling is a dictionary word or takes the article, and it is long enough not to be a common word. */
  isForeign(bare: string, forms: readonly NameForm[]): boolean {
    if (!this.hasDictionary || hasArticle(bare) || letterCount(bare) < this.settings.foreignLetters || PRONOUN_END.test(bare)) return false;
    // Final ta marbuta / heh alone may be a pronoun (تحتاجه); such a pair needs name positions.
    if (forms.every((f) => f.surface.slice(0, -1) === bare.slice(0, -1)) && !this.isNameWord(foldKey(bare), forms, this.settings.nameShare)) return false;
    const words = this.corpus.words;
    return forms.every((f) => !this.corpus.dictionary.has(f.surface) && words.count(ARTICLE + f.surface) === 0 && words.count('\u0648' + ARTICLE + f.surface) === 0);
  }

  /**
   * A name the corpus mostly writes where names stand, in a spelling the dictionary lacks (ابراهيم
   * for إبراهيم). Two dictionary words stay apart on their own: نائف and نايف are both names, زائد
   * is also a word; they need a neighbour.
   */
  isMisspeltName(bare: string, key: string, forms: readonly NameForm[]): boolean {
    // Without a dictionary a misspelling cannot be told from another word (فائز، زائد): a neighbour must show it.
    if (!this.hasDictionary || letterCount(bare) < 3 || this.corpus.dictionary.has(bare)) return false;
    if (letterCount(bare) >= 4 && (this.stats.named.get(key) ?? 0) >= 3 && this.isNameWord(key, forms, SINGLE_WORD_FACTOR * this.settings.nameShare)) return true;
    return this.isCountry(chooseCanonical(forms, (f) => this.corpus.dictionary.has(f)), forms);
  }

  /**
   * A country, region or city the dictionary knows (إيران، ألمانيا، الأردن، مكة): the corpus never
   * inflects it with the article (no الإيران; for الأردن, no bare أردن), puts it after a preposition
   * (في ألمانيا، لإيران، بالأردن) and derives a nisba adjective from it (الإيراني، الألماني،
   * الأردني، المكي). Verbs, masdars, adverbs and common nouns (أعلنت، إنهاء، إيجابيا، الإعلام) fail.
   */
  private isCountry(surface: string, forms: readonly NameForm[]): boolean {
    // A final heh is a pronoun (أهله، اسمه), never a place.
    if (!this.corpus.dictionary.has(surface) || surface.endsWith('\u0647')) return false;
    const words = this.corpus.words;
    const article = surface.startsWith(ARTICLE);
    const inflected = (f: string) =>
      article ? words.count(f.slice(2)) > 0 : ARTICLE_PREFIXES.some((a) => words.count(a + f) > 0);
    if (forms.some((f) => inflected(f.surface))) return false;
    const afterPreposition = PREPOSITIONS.some((p) => words.pairCount(p + surface) > 0) ||
      (article ? ['\u0628', '\u0644'].some((c) => words.count(c + (c === '\u0644' ? surface.slice(1) : surface)) > 0) : ['\u0628', '\u0644'].some((c) => words.count(c + surface) > 0));
    if (!afterPreposition) return false;
    const base = surface.endsWith('\u064A\u0627') ? surface.slice(0, -1) : /[\u0627\u0629]$/.test(surface) ? surface.slice(0, -1) + '\u064A' : surface + '\u064A';
    const nisba = article ? base : ARTICLE + base;
    return words.count(nisba) + words.count(nisba + TEH_MARBUTA) > 0;
  }

  /** A word the corpus writes where names stand (after titles, بن, آل) in at least `share` of its mentions. */
  isNameWord(key: string, forms: readonly NameForm[], share: number): boolean {
    const named = this.stats.named.get(key) ?? 0;
    if (named < 2) return false;
    return named >= share * forms.reduce((sum, f) => sum + f.mentions, 0);
  }

  /** A word the dictionary lacks, without the article, that the corpus uses more than once: a foreign name (حفتر، غوتيريش). */
  isUnknownName(surface: string): boolean {
    if (!this.hasDictionary || letterCount(surface) < 3 || hasArticle(surface) || isFunctionWord(surface) || this.corpus.dictionary.has(surface)) return false;
    if (this.corpus.words.count(surface) < 2) return false;
    // Not a misspelt common word (ادارة for إدارة): no spelling of it is a dictionary word.
    return this.allUnknown(this.formsOf(surface));
  }

  allUnknown(forms: readonly NameForm[]): boolean {
    return forms.every((f) => !this.corpus.dictionary.has(f.surface.replace(' ', '')));
  }

  /** Occurrences of the word without a clitic, in its commonest spelling. */
  private bareCount(bare: string): number {
    let count = this.cache.bare.get(bare);
    if (count === undefined) {
      const words = this.corpus.words;
      count = Math.max(words.count(bare), ...spellingVariants(bare).map((v) => words.count(v)));
      this.cache.bare.set(bare, count);
    }
    return count;
  }

  /** Attested spellings of a word or compound; mentions count proclitic forms too (وفايز). */
  formsOf(bare: string): NameForm[] {
    let forms = this.cache.forms.get(bare);
    if (forms) return forms;
    const words = this.corpus.words;
    const joined = bare.replace(' ', '');
    const head = compoundHead(joined);
    forms = [];
    for (const v of [joined, ...spellingVariants(joined)]) {
      for (const spaced of head ? [false, true] : [false]) {
        const count = (s: string) => (spaced ? words.pairCount(s) : words.count(s));
        const current = v === joined && spaced === bare.includes(' ');
        // pairCount cannot tell where the space was (أبوظبي الوطنية also counts for أبو ظبيالوطنية):
        // a spaced compound is only attested if its second word occurs on its own.
        const rest = spaced ? v.slice(compoundHead(v)!.length) : '';
        if (!current && (count(v) === 0 || (spaced && (isFunctionWord(rest) || words.count(rest) === 0)))) continue;
        let mentions = 0;
        for (const clitic of ['', ...PROCLITICS]) mentions += count(clitic + v);
        if (mentions === 0) continue;
        const vHead = spaced ? compoundHead(v)!.length : 0;
        const files = spaced ? words.pairFileCount(v) : words.files(v);
        forms.push({ surface: spaced ? `${v.slice(0, vHead)} ${v.slice(vHead)}` : v, mentions, files: Math.max(files, 1) });
      }
    }
    this.cache.forms.set(bare, forms);
    return forms;
  }

  /** Whether the word at `surface` (fold `key`) is written where names stand in `share` of its mentions. */
  nameLike(surface: string, key: string, share: number): boolean {
    if ((this.stats.named.get(key) ?? 0) < 2) return false;
    // علي shares its fold with على: only its own spelling counts against it.
    const forms = STOP_WORDS.has(key) ? [] : this.formsOf(surface);
    return this.isNameWord(key, forms.length ? forms : [{ surface, mentions: this.corpus.words.count(surface), files: 0 }], share);
  }
}

/** عبد or أبو joined to a name (عبدالمجيد، أبوظبي); not أبواب، أبوابها، whose rest starts with a bare alef. */
function isJoinedCompound(bare: string): boolean {
  const head = compoundHead(bare);
  return head !== undefined && (bare.startsWith(ARTICLE, head.length) || !'\u0627\u0623\u0625\u0622'.includes(bare[head.length]));
}
