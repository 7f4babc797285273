// Corpus-level knowledge about names for actor-spelling, cached until the corpus changes: the
// attested spellings of a word (every spelling variant is generated and looked up in the shared
// word and pair counts, so no file stores more than its own names), its canonical spelling, and
// whether a word is a name: a foreign word the dictionary lacks in every spelling, a word the
// corpus mostly writes where names stand, or a country the corpus never inflects.
import { foldKey, surfaceKey } from '../text/normalize';
import type { CorpusView } from './corpus-view';
import {
  ARTICLE, CALENDAR, CONNECTORS, INSTITUTIONS, PROCLITICS, STOP_WORDS, TITLES, compoundHead, hasArticle, isFunctionWord, letterCount,
  spellingVariants, taMarbutaDropped,
} from './names';
import { ReadTracker, type ChangeSet } from './change-set';
import { chooseCanonical, sortForms, type NameForm, type NameGroup } from './spellings';
import { pairKey, type WordStats } from './words';

export interface NameSettings {
  /** Share of a word's mentions that stand in name positions for it to count as a name. */
  nameShare: number;
  /** Letters a foreign name needs before its spellings are compared on their own. */
  foreignLetters: number;
  /** Whether transliteration differences (ترمب / ترامب) are looked for. */
  transliteration?: boolean;
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
  /** Name positions by surface key (one spelling); absent in older callers. */
  readonly namedSurfaces?: ReadonlyMap<string, number>;
  readonly version: number;
  /** Net changes since a cache last looked; without it every change drops the whole cache. */
  readonly changes?: ChangeSet;
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
  /** Its transliteration variant, found on first use (see NameLexicon.transliteration). */
  transliteration?: Transliteration | null;
}

export const TEH_MARBUTA = '\u0629';
const ARTICLE_PREFIXES = ['\u0627\u0644', '\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0644\u0644']; // ال وال بال لل
/** في من إلى الى مع عن بين */
const PREPOSITIONS = ['\u0641\u064A', '\u0645\u0646', '\u0625\u0644\u0649', '\u0627\u0644\u0649', '\u0645\u0639', '\u0639\u0646', '\u0628\u064A\u0646'];
/** Share of a place's mentions that may carry the article (or lack it, for الأردن) as another word. */
const INFLECTED_SHARE = 0.03;
/**
 * Words that follow a name ending its phrase: prepositions, relatives, adverbs of time; not من and
 * إلى, which follow elatives (أبعد من، أقرب إلى).
 */
const FREE_AFTER = ['في', 'على', 'مع', 'عن', 'منذ', 'خلال', 'بعد', 'قبل', 'أمس', 'اليوم', 'التي', 'الذي', 'حيث'];
/** Prepositions written apart that a free-standing place follows: في إلى الى مع عن بين (not من). */
const FREE_PREPOSITIONS = ['\u0641\u064A', '\u0625\u0644\u0649', '\u0627\u0644\u0649', '\u0645\u0639', '\u0639\u0646', '\u0628\u064A\u0646'];
/** A place is followed by one of FREE_AFTER at least this often for each time it follows a preposition. */
const FREE_SHARE = 0.1;
/** Attached pronouns of nouns (أرضها، أبناؤنا، أهلهم). */
const PLACE_PRONOUN_END = /(?:\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0643\u0645|\u0646\u0627|\u0643|\u064A)$/;
/** A word standing alone needs this many times the name share a word beside a name needs. */
const SINGLE_WORD_FACTOR = 1.5;
/** Attached pronouns and verb endings that foreign names do not have (ازاءها، اخبروني، يحملوا). */
const PRONOUN_END = /(?:\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0643\u0645|\u0646\u064A|\u0648\u0627)$/; // ها هم هما كم ني وا
const PROCLITIC_LETTERS = new Set(PROCLITICS.map((c) => c[0]));
const MAX_CACHED = 500_000;
/** Read references a cache keeps (stale ones included) before it starts afresh: about 15 MB at most. */
const MAX_TRACKED_REFS = 1_000_000;

/** The word statistics a name analysis reads; recorded when the cache follows changes. */
type WordCounts = Pick<WordStats, 'count' | 'files' | 'pairCount' | 'pairFileCount' | 'hasOtherSpelling'>;

function trackedWords(words: WordStats, tracker: ReadTracker): WordCounts {
  return {
    count: (word) => (tracker.word(word), words.count(word)),
    files: (word) => (tracker.word(word), words.files(word)),
    pairCount: (joined) => (tracker.pair(joined), words.pairCount(joined)),
    pairFileCount: (joined) => (tracker.pair(joined), words.pairFileCount(joined)),
    hasOtherSpelling: (word) => (tracker.word(word), words.hasOtherSpelling(word)),
  };
}

interface Cache {
  version: number;
  registry: NameSettings['registry'];
  forms: Map<string, NameForm[]>;
  groups: Map<string, NameGroup | null>;
  bare: Map<string, number>;
  entries: Map<string, Entry>;
  relaxed: Map<string, Reading | null>;
  misspelt: Map<string, boolean>;
  /** The name share the cached entries were computed with. */
  nameShare: number;
  /** What each cached answer read, when the statistics report their changes (the server's index). */
  tracker?: ReadTracker;
  words: WordCounts;
}
const caches = new WeakMap<object, Cache>();

export class NameLexicon {
  readonly hasDictionary: boolean;
  private readonly cache: Cache;
  /** The corpus word counts, through the cache's tracker when it has one. */
  private readonly words: WordCounts;

  constructor(
    readonly corpus: CorpusView,
    readonly stats: NameStatsLike,
    readonly settings: NameSettings,
  ) {
    let cache = caches.get(stats);
    if (cache && (cache.registry !== settings.registry || cache.nameShare !== settings.nameShare)) cache = undefined;
    if (cache && cache.version !== stats.version) {
      // A keystroke changes a word or two: drop only the answers that read them.
      const changed = cache.tracker && stats.changes ? stats.changes.take() : 'all';
      if (changed !== 'all' && cache.tracker!.size < MAX_TRACKED_REFS) {
        cache.tracker!.invalidate(changed.folds, changed.pairs);
        cache.version = stats.version;
      } else cache = undefined;
    }
    if (!cache) {
      stats.changes?.take(); // the new cache reads the statistics as they are now
      const tracker = stats.changes ? new ReadTracker(pairKey) : undefined;
      cache = {
        version: stats.version, registry: settings.registry, nameShare: settings.nameShare, tracker,
        words: tracker ? trackedWords(corpus.words, tracker) : corpus.words,
        forms: new Map(), groups: new Map(), bare: new Map(), entries: new Map(), relaxed: new Map(), misspelt: new Map(),
      };
      caches.set(stats, cache);
    }
    this.cache = cache;
    this.words = cache.words;
    // Without a lexicon (an empty dictionary) a foreign name cannot be told from a common word.
    this.hasDictionary = corpus.dictionary.has('\u0641\u064A'); // في
  }

  /** A cached answer, computed on first use; with a tracker, what it read is recorded under it. */
  private cached<V>(table: Map<string, V>, key: string, compute: () => V): V {
    const tracker = this.cache.tracker;
    const hit = table.get(key);
    if (hit !== undefined) {
      tracker?.used(table, key);
      return hit;
    }
    const value = tracker ? tracker.compute(table, key, compute) : compute();
    table.set(key, value);
    return value;
  }

  /** Name positions of a fold key. */
  private named(key: string): number {
    this.cache.tracker?.fold(key);
    return this.stats.named.get(key) ?? 0;
  }

  /** What a word may be, cached by its raw text: no key computation for the many words that are never names. */
  entry(text: string): Entry {
    const entries = this.cache.entries;
    if (entries.size > MAX_CACHED && !entries.has(text)) {
      entries.clear();
      this.cache.tracker?.forget(entries);
    }
    return this.cached(entries, text, () => {
      const surface = surfaceKey(text);
      return { reading: this.reading(surface, false) ?? null, name: this.isUnknownName(surface) };
    });
  }

  relaxedReading(text: string): Reading | null {
    return this.cached(this.cache.relaxed, text, () => (text.length >= 3 && this.reading(surfaceKey(text), true)) || null);
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
      if (STOP_WORDS.has(key) || TITLES.has(key) || CONNECTORS.has(key) || INSTITUTIONS.has(key) || CALENDAR.has(key)) return undefined;
      if (letters - clitic.length < 3 || (!relaxed && !this.promising(bare, key))) continue;
      // A clitic is split off only when the rest is the commoner word (وفايز, لإيران; not وليد, كاريك),
      // and not off a dictionary word whose rest is no word (بابها is her door, not ب + ابها).
      if (clitic !== '' && this.bareCount(bare) <= this.words.count(surface)) continue;
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
    return (bare + twin).includes(TEH_MARBUTA) && this.words.count(twin) > 0;
  }

  /** The spellings of a word or compound and its canonical one; none when it has a single spelling and no registry entry. */
  groupOf(bare: string, key: string): NameGroup | undefined {
    return (
      this.cached(this.cache.groups, bare, () => {
        const entry = this.settings.registry?.get(key);
        const registry = entry && entry.partners.size === 0 ? entry.spelling : undefined;
        const forms = this.formsOf(bare);
        if (forms.length < 2 && registry === undefined) return null;
        const compound = bare.includes(' ') || isJoinedCompound(bare);
        return this.group(key, forms, registry !== undefined ? 'registry' : compound ? 'compound' : 'orthographic', registry);
      }) ?? undefined
    );
  }

  /** Cheap test that every path to a finding needs: registry, compound, name position or unknown word. */
  private promising(bare: string, key: string): boolean {
    if (this.named(key) >= 1 || this.settings.registry?.has(key) || compoundHead(bare) !== undefined) return true;
    if (letterCount(bare) < 4 || (this.hasDictionary && this.corpus.dictionary.has(bare))) return false;
    // المانيا: not the article but a name's first letters without their hamza (ألمانيا).
    if (bare.startsWith(ARTICLE)) return ['\u0623', '\u0625'].some((h) => this.corpus.dictionary.has(h + bare.slice(1)));
    return !hasArticle(bare);
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
    const words = this.words;
    return forms.every((f) => !this.corpus.dictionary.has(f.surface) && words.count(ARTICLE + f.surface) === 0 && words.count('\u0648' + ARTICLE + f.surface) === 0);
  }

  /**
   * A name the corpus mostly writes where names stand, in a spelling the dictionary lacks (ابراهيم
   * for إبراهيم). Two dictionary words stay apart on their own: نائف and نايف are both names, زائد
   * is also a word; they need a neighbour.
   */
  isMisspeltName(bare: string, key: string, forms: readonly NameForm[]): boolean {
    // Cached by spelling: the forms of a spelling are cached too, and this runs on every mention.
    return this.cached(this.cache.misspelt, bare, () => {
      // `forms` are the group's (groupOf): the answer depends on what they were read from.
      this.cache.tracker?.used(this.cache.groups, bare);
      return this.misspelt(bare, key, forms);
    });
  }

  private misspelt(bare: string, key: string, forms: readonly NameForm[]): boolean {
    // Without a dictionary a misspelling cannot be told from another word (فائز، زائد): a neighbour must show it.
    if (!this.hasDictionary || letterCount(bare) < 3 || this.corpus.dictionary.has(bare)) return false;
    if (letterCount(bare) >= 4 && this.named(key) >= 3 && this.isNameWord(key, forms, SINGLE_WORD_FACTOR * this.settings.nameShare)) return true;
    return this.isCountry(chooseCanonical(forms, (f) => this.corpus.dictionary.has(f)), forms);
  }

  /**
   * A country, region, city or body the dictionary knows (إيران، ألمانيا، الأردن، مكة، أنقرة): the
   * corpus never inflects it with the article (no الإيران; for الأردن, no bare أردن; a word without
   * the article may carry it in a few typos), puts it after a preposition (في ألمانيا، لإيران،
   * بالأردن) and either derives a nisba adjective from it (الإيراني، الألماني، الأردني، المكي) or
   * lets it stand free, followed by a preposition, a relative or an adverb of time (في أنقرة أمس،
   * أفغانستان التي). Verbs never follow a preposition (من before a verb is "who": من أصيب); masdars
   * and common nouns take the article (الإطار، الأبناء) and adjectives lose it (أخيرة); construct
   * nouns (أعقاب، أرجاء) are always followed by their complement.
   */
  private isCountry(surface: string, forms: readonly NameForm[]): boolean {
    // A final heh is a pronoun (أهله، اسمه), never a place.
    if (!this.corpus.dictionary.has(surface) || surface.endsWith('\u0647')) return false;
    const words = this.words;
    const article = surface.startsWith(ARTICLE);
    let inflected = 0;
    let mentions = 0;
    for (const f of forms) {
      mentions += f.mentions;
      inflected += article ? words.count(f.surface.slice(2)) : ARTICLE_PREFIXES.reduce((sum, a) => sum + words.count(a + f.surface), 0);
    }
    // Without the article a word may be a homograph (أمم beside الأمم): none is allowed.
    if (inflected > (article ? 0 : INFLECTED_SHARE * mentions)) return false;
    let afterPreposition = PREPOSITIONS.reduce((sum, p) => sum + words.pairCount(p + surface), 0);
    for (const c of ['\u0628', '\u0644']) afterPreposition += words.count(c + (article && c === '\u0644' ? surface.slice(1) : surface));
    if (afterPreposition === 0) return false;
    const base = surface.endsWith('\u064A\u0627') ? surface.slice(0, -1) : /[\u0627\u0629]$/.test(surface) ? surface.slice(0, -1) + '\u064A' : surface + '\u064A';
    const nisba = article ? base : ARTICLE + base;
    if (words.count(nisba) + words.count(nisba + TEH_MARBUTA) > 0) return true;
    // Free-standing. A nisba adjective (الأهلي، الإيطالية) stands free too, and so does a noun with
    // a pronoun (أرضها، أبنائها، زوجتي), whose stem takes the article (الأرض، الأبناء، الزوجة).
    if (article && /\u064A\u0629?$/.test(surface)) return false;
    // With the article, a masdar stands free too (الإسراع في): the place must also follow place nouns (محافظة الأحساء).
    if (article && this.named(foldKey(surface)) < Math.max(3, FREE_SHARE * mentions / 2)) return false;
    if (!article && this.suffixedNoun(surface)) return false;
    // امرأة، اسم: the article drops their first alef (المرأة).
    if (!article && surface[0] === '\u0627' && words.count(ARTICLE + surface.slice(1)) > 0) return false;
    // Only prepositions written apart: لـ and بـ go before verbs too (لأقول), and من is also "who" (من أصيب).
    const afterApart = FREE_PREPOSITIONS.reduce((sum, p) => sum + words.pairCount(p + surface), 0);
    const before = FREE_AFTER.reduce((sum, next) => sum + words.pairCount(surface + next), 0);
    return afterApart > 0 && before >= 2 && before >= FREE_SHARE * afterPreposition;
  }

  /** A noun with an attached pronoun whose stem the corpus writes with the article (أرضها، أبنائهم، زوجتي). */
  private suffixedNoun(surface: string): boolean {
    const suffix = PLACE_PRONOUN_END.exec(surface)?.[0];
    if (!suffix) return false;
    let stem = surface.slice(0, -suffix.length);
    // A particle with a pronoun (أننا، إنني، لأنهم).
    if (isFunctionWord(stem) || STOP_WORDS.has(foldKey(stem)) || ['\u0623\u0646', '\u0625\u0646', '\u0644\u0623\u0646'].includes(stem)) return true;
    if (letterCount(stem) < 3) return false;
    stem = stem.replace(/\u062A$/, TEH_MARBUTA).replace(/[\u0626\u0624]$/, '\u0621'); // ت → ة، ئ/ؤ → ء
    return this.words.count(ARTICLE + stem) > 0;
  }

  /** A word the corpus writes where names stand (after titles, بن, آل) in at least `share` of its mentions. */
  isNameWord(key: string, forms: readonly NameForm[], share: number): boolean {
    const named = this.named(key);
    if (named < 2) return false;
    return named >= share * forms.reduce((sum, f) => sum + f.mentions, 0);
  }

  /** A word the dictionary lacks, without the article, that the corpus uses more than once: a foreign name (حفتر، غوتيريش). */
  isUnknownName(surface: string): boolean {
    if (!this.hasDictionary || letterCount(surface) < 3 || hasArticle(surface) || isFunctionWord(surface) || this.corpus.dictionary.has(surface)) return false;
    if (this.words.count(surface) < 2) return false;
    // Not a misspelt common word (ادارة for إدارة): no spelling of it is a dictionary word.
    return this.allUnknown(this.formsOf(surface));
  }

  allUnknown(forms: readonly NameForm[]): boolean {
    return forms.every((f) => !this.corpus.dictionary.has(f.surface.replace(' ', '')));
  }

  /** Occurrences of the word without a clitic, in its commonest spelling. */
  private bareCount(bare: string): number {
    return this.cached(this.cache.bare, bare, () => {
      const words = this.words;
      // Every spelling variant shares the word's fold key: with no other word of that key, none is attested.
      return words.hasOtherSpelling(bare) ? Math.max(words.count(bare), ...spellingVariants(bare).map((v) => words.count(v))) : words.count(bare);
    });
  }

  /** Attested spellings of a word or compound; mentions count proclitic forms too (وفايز). */
  formsOf(bare: string): NameForm[] {
    return this.cached(this.cache.forms, bare, () => this.attestedForms(bare));
  }

  private attestedForms(bare: string): NameForm[] {
    const words = this.words;
    const joined = bare.replace(' ', '');
    const head = compoundHead(joined);
    const forms: NameForm[] = [];
    // Spelling variants share the word's fold key, so a word alone under its key has none in the
    // corpus; spaced compounds are counted in pairs, which that test does not cover.
    for (const v of head || words.hasOtherSpelling(joined) ? [joined, ...spellingVariants(joined)] : [joined]) {
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
    return forms;
  }

  /**
   * The spelling of a foreign name that another transliteration outnumbers (ترمب for ترامب, بوتن
   * for بوتين, نتانياهو for نتنياهو): the two differ by one long vowel letter (ا، و، ي) inserted or
   * dropped inside the word, not the first letter nor the last. Candidates are only the spellings one
   * such edit away, looked up in the word counts, never every pair of words. Both spellings must
   * look like a foreign name: at least one unknown to the dictionary (Arabic names the dictionary
   * knows differ this way: محمد / محمود، سلمان / سليمان), the commoner one unknown to it or written
   * where names stand, four letters or more, no article, no pronoun ending.
   */
  transliteration(text: string, entry: Entry = this.entry(text)): Transliteration | null {
    // Kept on the word's entry: no second lookup per word.
    if (entry.transliteration === undefined) {
      const find = () => (this.hasDictionary && text.length >= 4 ? this.findTransliteration(surfaceKey(text)) : null);
      // Recorded under the entry: dropping the entry drops its transliteration.
      entry.transliteration = this.cache.tracker && this.cache.entries.get(text) === entry ? this.cache.tracker.compute(this.cache.entries, text, find) : find();
    }
    return entry.transliteration;
  }

  private findTransliteration(surface: string): Transliteration | null {
    const words = this.words;
    for (const clitic of ['', ...PROCLITICS]) {
      if (!surface.startsWith(clitic)) continue;
      const bare = surface.slice(clitic.length);
      // A clitic is split off only when the rest is a word of its own (وترمب, not وليم).
      if (clitic !== '' && words.count(bare) <= words.count(surface)) continue;
      // The spelling reported is unknown to the dictionary in every hamza/yeh/ta marbuta spelling:
      // not a common word (سيولة، توتر) nor one written without its hamza (اطلق for أطلق).
      if (!this.transliterable(bare) || this.knownInAnySpelling(bare)) continue;
      const own = this.mentions(bare);
      let best: { surface: string; mentions: number } | undefined;
      for (const other of vowelEdits(bare)) {
        const mentions = this.mentions(other);
        if (mentions <= own || mentions < MIN_TRANSLITERATION_MENTIONS || (best && mentions <= best.mentions)) continue;
        if (!this.transliterable(other) || !this.foreignLike(other)) continue;
        best = { surface: other, mentions };
      }
      if (best) {
        const forms: NameForm[] = [
          { surface: best.surface, mentions: best.mentions, files: Math.max(words.files(best.surface), 1) },
          { surface: bare, mentions: own, files: Math.max(words.files(bare), 1) },
        ];
        return { clitic, bare, group: { key: foldKey(bare), kind: 'transliteration', forms, canonical: best.surface } };
      }
    }
    return null;
  }

  /** Mentions of a spelling with or without a proclitic. */
  private mentions(bare: string): number {
    const words = this.words;
    let mentions = words.count(bare);
    if (mentions === 0) return 0;
    for (const clitic of PROCLITICS) mentions += words.count(clitic + bare);
    return mentions;
  }

  /** The dictionary knows the word in one of its spellings (اطلاق as إطلاق). */
  private knownInAnySpelling(bare: string): boolean {
    const dictionary = this.corpus.dictionary;
    return dictionary.has(bare) || spellingVariants(bare).some((v) => dictionary.has(v));
  }

  /**
   * The shape of a foreign name: long enough, no article, no pronoun ending, not a function or
   * title word, and not two words run together (لازال is لا زال).
   */
  private transliterable(bare: string): boolean {
    if (letterCount(bare) < 4 || hasArticle(bare) || PRONOUN_END.test(bare) || isFunctionWord(bare) || compoundHead(bare) !== undefined) return false;
    if (this.words.pairCount(bare) > 0 || VERB_OBJECT_END.test(bare)) return false;
    const key = foldKey(bare);
    return !(STOP_WORDS.has(key) || TITLES.has(key) || CONNECTORS.has(key) || INSTITUTIONS.has(key) || CALENDAR.has(key));
  }

  /** The commoner spelling looks like a foreign name: the dictionary lacks it, or the corpus writes it where names stand. */
  private foreignLike(bare: string): boolean {
    if (!this.knownInAnySpelling(bare)) return true;
    // A word the dictionary knows (بوتين، مصلح) must be a name by its places (الرئيس الروسي فلاديمير بوتين).
    const named = this.named(foldKey(bare));
    return named >= 3 && named >= this.settings.nameShare * this.words.count(bare);
  }

  /** Whether the word at `surface` (fold `key`) is written where names stand in `share` of its mentions. */
  nameLike(surface: string, key: string, share: number): boolean {
    if (this.named(key) < 2) return false;
    // علي shares its fold with على: only its own spelling counts against it.
    const forms = STOP_WORDS.has(key) ? [] : this.formsOf(surface);
    return this.isNameWord(key, forms.length ? forms : [{ surface, mentions: this.words.count(surface), files: 0 }], share);
  }
}

/** A transliteration variant of a word: the clitic before it and its group (the commoner spelling first). */
export interface Transliteration {
  clitic: string;
  bare: string;
  group: NameGroup;
}

/** A verb with an object pronoun (جعلوه، يواجهونه), not a name. */
const VERB_OBJECT_END = /(?:\u0648\u0647|\u0648\u0646\u0647|\u064A\u0646\u0647)$/; // وه ونه ينه
/** The commoner transliteration needs this many mentions. */
const MIN_TRANSLITERATION_MENTIONS = 3;
const LONG_VOWELS = ['\u0627', '\u0648', '\u064A']; // ا و ي

/** ا و ي ى ء ة: letters that are not consonants a transliteration writes a vowel between. */
const NOT_CONSONANT = /[\u0621-\u0627\u0629\u0648\u0649\u064A]/;

/**
 * Spellings one long vowel letter away, inside the word (never its first or last letter), the
 * letter standing between two consonants (ترمب / ترامب، بوتن / بوتين): a vowel letter beside another
 * (نيكي / نايكي، بيرن / بايرن، داعش / دواعش) makes another name or another word.
 */
export function vowelEdits(bare: string): string[] {
  const edits = new Set<string>();
  const consonants = (a: string, b: string) => !NOT_CONSONANT.test(a) && !NOT_CONSONANT.test(b);
  for (let i = 1; i < bare.length - 1; i++) if (LONG_VOWELS.includes(bare[i]) && consonants(bare[i - 1], bare[i + 1])) edits.add(bare.slice(0, i) + bare.slice(i + 1));
  for (let i = 1; i < bare.length; i++) if (consonants(bare[i - 1], bare[i])) for (const v of LONG_VOWELS) edits.add(bare.slice(0, i) + v + bare.slice(i));
  edits.delete(bare);
  return [...edits];
}

/** عبد or أبو joined to a name (عبدالمجيد، أبوظبي); not أبواب، أبوابها، whose rest starts with a bare alef. */
function isJoinedCompound(bare: string): boolean {
  const head = compoundHead(bare);
  return head !== undefined && (bare.startsWith(ARTICLE, head.length) || !'\u0627\u0623\u0625\u0622'.includes(bare[head.length]));
}
