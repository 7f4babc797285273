// Clitic-aware word knowledge: is a word known (to the dictionary, the accept list or the corpus),
// counting a word with attached clitics (وفرنسا، بالجزائر، للأمم، فالحل، مدينته) as known when
// its stem is. Words are compared on their surface keys (no harakat, tatweel or joiners).
import type { CorpusView } from '../corpus/corpus-view';
import type { Dictionary } from './dictionary';
import { surfaceKey } from '../text/normalize';

/** A reading of a word as proclitics + stem + enclitic; `stem` is what is looked up. */
export interface Analysis {
  readonly prefix: string;
  readonly stem: string;
  readonly suffix: string;
}

export interface WordKnowledgeOptions {
  /** Corpus occurrences from which a word the dictionary lacks (a name, a loanword) is known. */
  readonly minCorpusCount?: number;
}

const ALEF_LAM = 'ال';
const TEH = 'ت';
const TEH_MARBUTA = 'ة';
const MIN_STEM = 2;

// Conjunctions (و ف), prepositions (ب ك ل), the article and the future prefix (س), in the
// combinations Arabic allows; لل is ل + ال with the alef dropped.
const PREFIXES: readonly string[] = [
  'وبال', 'فبال', 'وكال', 'فكال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال',
  'وب', 'فب', 'وك', 'فك', 'ول', 'فل', 'وس', 'فس', 'و', 'ف', 'ب', 'ك', 'ل', 'س',
];
// Attached pronouns, dual and plural endings, and both together (a noun in construct drops its
// nun before a pronoun: معلموه، مدرستيها).
const PRONOUNS: readonly string[] = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'ها', 'نا', 'ني', 'ه', 'ك', 'ي'];
const ENDINGS: readonly string[] = ['ات', 'ان', 'ين', 'ون', 'تان', 'تين', 'ا'];
const CONSTRUCT_ENDINGS: readonly string[] = ['تا', 'تي', 'ا', 'ي', 'و'];
const SUFFIXES: readonly string[] = [
  ...new Set([...PRONOUNS, ...ENDINGS, ...[...CONSTRUCT_ENDINGS, 'ات'].flatMap((e) => PRONOUNS.map((p) => e + p))]),
];

// Letters writers swap: alef with or without hamza or madda, and (word-final) ة/ه and ى/ي.
const ALEFS = 'اأإآ';
const VARIANTS = new Map<string, string[]>([
  ...[...ALEFS].map((a): [string, string[]] => [a, [...ALEFS].filter((b) => b !== a)]),
  ['ة', ['ه']], ['ه', ['ة']], ['ى', ['ي']], ['ي', ['ى']],
]);

const CLITIC_STRINGS = new Set([...PREFIXES, 'هما']);

/** True for a string that is only clitics (وال، لل، بال), never a word of its own. */
export function isClitics(text: string): boolean {
  return CLITIC_STRINGS.has(surfaceKey(text));
}

/** Readings of a word as prefix + stem + suffix (the bare word not included). */
export function analyses(word: string): Analysis[] {
  const key = surfaceKey(word);
  const prefixes = [''];
  for (const p of PREFIXES) if (key.startsWith(p)) prefixes.push(p);
  const suffixes = [''];
  for (const s of SUFFIXES) if (key.endsWith(s)) suffixes.push(s);
  const result: Analysis[] = [];
  for (const prefix of prefixes) {
    for (const suffix of suffixes) {
      if ((prefix === '' && suffix === '') || key.length - prefix.length - suffix.length < MIN_STEM) continue;
      const core = key.slice(prefix.length, key.length - suffix.length);
      for (const stem of stems(prefix, core, suffix)) if (stem !== key) result.push({ prefix, stem, suffix });
    }
  }
  return result;
}

/** The dictionary forms a stripped core may stand for. */
function stems(prefix: string, core: string, suffix: string): string[] {
  const forms = constructForms(core, suffix) ?? [core];
  // Teh marbuta is written teh before a pronoun (مدينته), and dropped before ات (جامعات).
  if (suffix !== '' && core.endsWith(TEH)) forms.push(core.slice(0, -1) + TEH_MARBUTA);
  if (suffix.startsWith('ات')) forms.push(core + TEH_MARBUTA);
  // A stem ending in يا only adds ت: ميليشيا → ميليشيات.
  if (suffix.startsWith('ات') && core.endsWith('ي')) forms.push(core + 'ا');
  // After the article or لل, the dictionary may hold the definite form: للأمم → الأمم.
  if (prefix.endsWith(ALEF_LAM) || prefix.endsWith('لل')) for (const f of [...forms]) forms.push(ALEF_LAM + f);
  return forms;
}

/**
 * A plural or dual ending before a pronoun stands for the whole ending (معلموه from معلمون, كتبوه
 * from كتبوا, مدرستيها from مدرستين, رماه from رمى): the core alone is another word, and reading
 * it so would make a word of any listed word run into a following وهم or وك (شخصيةوهم).
 * Undefined when the suffix is no such ending with a pronoun.
 */
function constructForms(core: string, suffix: string): string[] | undefined {
  for (const ending of CONSTRUCT_ENDINGS) {
    if (!suffix.startsWith(ending) || !PRONOUNS.includes(suffix.slice(ending.length))) continue;
    const forms = [core + ending + 'ن'];
    if (ending === 'و') forms.push(core + 'وا');
    if (ending === 'ا') forms.push(core + 'ى');
    if (ending.startsWith(TEH)) forms.push(core + TEH_MARBUTA);
    return forms;
  }
  return undefined;
}

// Lexicon answers depend only on the dictionary and the accept list, so they are shared by every
// check against the same pair (corpus counts, which change with edits, are never cached here).
interface LexiconCache {
  listed: Map<string, boolean>;
  inLexicon: Map<string, boolean>;
  variant: Map<string, boolean>;
}
const lexiconCaches = new WeakMap<Dictionary, WeakMap<Dictionary, LexiconCache>>();
const MAX_CACHED = 500_000;

function lexiconCache(dictionary: Dictionary, accepted: Dictionary): LexiconCache {
  let byAccepted = lexiconCaches.get(dictionary);
  if (!byAccepted) lexiconCaches.set(dictionary, (byAccepted = new WeakMap()));
  let cache = byAccepted.get(accepted);
  if (!cache || cache.listed.size + cache.inLexicon.size > MAX_CACHED) byAccepted.set(accepted, (cache = { listed: new Map(), inLexicon: new Map(), variant: new Map() }));
  return cache;
}

export class WordKnowledge {
  private readonly minCorpusCount: number;
  private readonly lexicon: LexiconCache;
  private readonly stemCounts = new Map<string, number>();

  constructor(
    private readonly corpus: CorpusView,
    options: WordKnowledgeOptions = {},
  ) {
    this.minCorpusCount = options.minCorpusCount ?? 3;
    this.lexicon = lexiconCache(corpus.dictionary, corpus.accepted);
  }

  /** The word exactly as the dictionary or the accept list has it (no clitic analysis). */
  isListed(word: string): boolean {
    let listed = this.lexicon.listed.get(word);
    if (listed === undefined) {
      const key = surfaceKey(word);
      listed = this.corpus.dictionary.has(key) || this.corpus.accepted.has(key);
      this.lexicon.listed.set(word, listed);
    }
    return listed;
  }

  /** Listed, or some clitic reading has a listed stem. */
  inLexicon(word: string): boolean {
    let known = this.lexicon.inLexicon.get(word);
    if (known === undefined) {
      known = this.isListed(word) || analyses(word).some((a) => this.isListed(a.stem));
      this.lexicon.inLexicon.set(word, known);
    }
    return known;
  }

  /** In the lexicon, or frequent enough in the corpus, as is or through its stem. */
  isKnown(word: string): boolean {
    return this.inLexicon(word) || this.stemFrequency(word) >= this.minCorpusCount;
  }

  /** Known through a clitic reading whose stem is frequent in the corpus (وحفتر when حفتر is). */
  isKnownByStem(word: string): boolean {
    return analyses(word).some((a) => this.frequency(a.stem) >= this.minCorpusCount);
  }

  /** Another spelling of the word is listed: hamza seat or alef (إنقطاع/انقطاع), ة/ه, ى/ي. */
  hasListedVariant(word: string): boolean {
    let found = this.lexicon.variant.get(word);
    if (found === undefined) this.lexicon.variant.set(word, (found = this.listedVariants(word, 1).length > 0));
    return found;
  }

  /** The listed spellings of the word with another hamza or alef at the start of its stem, ة/ه or ى/ي at its end (the first `max`). */
  listedVariants(word: string, max = Infinity): string[] {
    const key = surfaceKey(word);
    const found: string[] = [];
    for (let i = 0; i < key.length && found.length < max; i++) {
      const variants = VARIANTS.get(key[i]);
      if (!variants) continue;
      // Alef forms vary at the start of a stem; ة/ه and ى/ي at the end of the word.
      if (ALEFS.includes(key[i]) ? i > 0 && !CLITIC_STRINGS.has(key.slice(0, i)) : i !== key.length - 1) continue;
      for (const v of variants) {
        const variant = key.slice(0, i) + v + key.slice(i + 1);
        if (found.length < max && this.isListed(variant)) found.push(variant);
      }
    }
    return found;
  }

  /** Occurrences of the exact word in the corpus. */
  frequency(word: string): number {
    return this.corpus.words.count(word);
  }

  /** The highest corpus count of the word or of one of its stems. */
  stemFrequency(word: string): number {
    const key = surfaceKey(word);
    let best = this.stemCounts.get(key);
    if (best === undefined) {
      best = this.frequency(key);
      for (const a of analyses(key)) best = Math.max(best, this.frequency(a.stem));
      this.stemCounts.set(key, best);
    }
    return best;
  }
}
