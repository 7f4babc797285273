// Finds, for one article, the mentions of a name spelled differently from the rest of the corpus
// (NameLexicon says what the corpus knows). A variant is reported only with evidence that the
// words are a name: the actor registry, a compound (عبد المجيد), a foreign name the dictionary
// lacks in every spelling, a misspelt word the corpus mostly uses as a name, a country, or a
// neighbouring name word that the canonical spelling also stands next to (فايز السراج).
import type { ArabicWords } from '../text/arabic-words';
import { foldKey, surfaceKey } from '../text/normalize';
import type { Token } from '../text/tokenize';
import { NameLexicon, TEH_MARBUTA, type Entry, type Reading } from './name-lexicon';
import { ARTICLE, CONNECTORS, PROCLITICS, TITLES, hasArticle, isFunctionWord, isPlaceNoun, letterCount, nameContext, prefixLength, taMarbutaDropped } from './names';
import type { NameForm, NameGroup } from './spellings';

export { NameLexicon, nameRegistry, type NameRegistry, type NameSettings, type NameStatsLike } from './name-lexicon';

/** One mention to report: the name as shown, its group, and the words to rewrite. */
export interface VariantMention {
  group: NameGroup;
  /** Span of the name as mentioned (clitic excluded), as written and as the canonical spelling. */
  offset: number;
  length: number;
  shown: string;
  shownCanonical: string;
  /** The words to rewrite (the first possibly after a clitic), from one spelling to the other. */
  tokens: Token[];
  clitic: string;
  from: string[];
  to: string[];
}

interface Unit {
  first: number;
  last: number;
  clitic: string;
  bare: string;
  key: string;
}

/** Mentions in name positions a word needs before its rarer dictionary spelling is reported where a name stands. */
const MIN_NAMED = 5;
/** The canonical spelling must be this many times as frequent as the one reported by nameInPlace. */
const DOMINANCE = 3;
/** As in name-lexicon.ts: a word standing alone needs this many times the name share. */
const SINGLE_WORD_FACTOR = 1.5;
/** Share of a spelling's own mentions in name positions for it to count as a name wherever it stands. */
const OWN_SHARE = 0.4;
/** Particles before a verb: a spelling after one is a verb there (أن يحيي), whatever it is elsewhere. Fold keys. */
const VERB_PARTICLES: ReadonlySet<string> = new Set(['ان', 'لا', 'لم', 'لن', 'قد', 'سوف', 'كي', 'لكي']);
/** A nisba adjective with the article (الإسلامية، الأفغانية): not the last word of a name. */
const ARTICLE_NISBA = /^\u0627\u0644.*\u064A[\u0629\u0647]$/;
/** في، من، أن: the commonest words, shorter than three code units, are never a name here. */
const NO_ENTRY: Entry = { reading: null, name: false, transliteration: null };

export class NameAnalyzer {
  private words: ArabicWords | undefined;
  private tokens: readonly Token[] = [];
  /** Token index and preceding gap of each Arabic word: plain arrays, as this runs on every word. */
  private index: number[] = [];
  private gap: boolean[] = [];
  private context?: Set<number>;

  constructor(private readonly lexicon: NameLexicon) {}

  /** Mentions in the text spelled other than their group's canonical spelling. */
  variants(tokens: readonly Token[], words: ArabicWords): VariantMention[] {
    this.words = words;
    this.tokens = tokens;
    this.index = [];
    this.gap = [];
    let gap = true;
    for (let i = 0; i < tokens.length; i++) {
      const kind = tokens[i].kind;
      if (kind === 'arabic') {
        this.index.push(i);
        this.gap.push(gap);
        gap = false;
      } else if (kind !== 'space') gap = true;
    }
    this.context = undefined;
    const entries = this.index.map((i) => (tokens[i].text.length < 3 ? NO_ENTRY : this.lexicon.entry(tokens[i].text)));
    const result: VariantMention[] = [];
    for (let w = 0; w < this.index.length; w++) {
      // Beside a foreign name (حفتر), a common-looking word may be part of it (خليفه حفتر).
      const besideName = (w > 0 && !this.gap[w] && entries[w - 1].name) || (w + 1 < entries.length && !this.gap[w + 1] && entries[w + 1].name);
      const unit = this.unitAt(w, entries[w].reading ?? (besideName ? this.lexicon.relaxedReading(tokens[this.index[w]].text) : null));
      const found = (unit && this.analyse(unit)) || (this.lexicon.settings.transliteration && entries[w] !== NO_ENTRY ? this.transliterationAt(w, entries[w]) : undefined);
      if (found) result.push(found);
      if (unit) w = unit.last;
    }
    return result;
  }

  private surface(w: number): string {
    return surfaceKey(this.tokens[this.index[w]].text);
  }

  private fold(w: number): string {
    return foldKey(this.surface(w));
  }

  private inContext(w: number): boolean {
    // Its words are the Arabic tokens in order, so positions agree with `index`.
    this.context ??= nameContext(this.words!).marked;
    return this.context.has(w);
  }

  private unitAt(w: number, reading: Reading | null): Unit | undefined {
    if (reading === null) return undefined;
    const { clitic, bare, key } = reading;
    if (key !== 'عبد' && key !== 'ابو') return { first: w, last: w, clitic, bare, key };
    if (w + 1 >= this.index.length || this.gap[w + 1] || isFunctionWord(this.surface(w + 1))) return undefined;
    const spaced = `${bare} ${this.surface(w + 1)}`;
    return { first: w, last: w + 1, clitic, bare: spaced, key: foldKey(spaced.replace(' ', '')) };
  }

  private analyse(unit: Unit): VariantMention | undefined {
    const registered = this.registered(unit);
    if (registered) return registered;
    const group = this.lexicon.groupOf(unit.bare, unit.key);
    if (!group) return this.droppedTaMarbuta(unit);
    if (group.canonical === unit.bare) return undefined;
    const tokens = this.wordTokens(unit.first, unit.last);
    const mention = { group, tokens, clitic: unit.clitic, from: unit.bare.split(' '), to: group.canonical.split(' ') };
    if (group.kind !== 'orthographic' || this.lexicon.isForeign(unit.bare, group.forms) || this.lexicon.isMisspeltName(unit.bare, unit.key, group.forms)) {
      return { ...mention, ...span(tokens, unit.clitic), shown: unit.bare, shownCanonical: group.canonical };
    }
    return this.neighbourEvidence(unit, group) ?? this.nameInPlace(unit, group, mention);
  }

  /**
   * A word the corpus mostly writes where names stand, in a rarer spelling the dictionary also
   * knows (احمد for أحمد, يحيي for يحيى), standing here where a name stands (after a title, بن, ولد,
   * or ولد): the word alone would be a verb or a common noun as often as not.
   */
  private nameInPlace(unit: Unit, group: NameGroup, mention: Omit<VariantMention, 'offset' | 'length' | 'shown' | 'shownCanonical'>): VariantMention | undefined {
    // A final heh may be a pronoun (نائبه, his deputy, beside نائبة): that difference needs a neighbour.
    if (unit.first !== unit.last || letterCount(unit.bare) < 3 || onlyFinalDiffers(unit.bare, group.canonical)) return undefined;
    const lexicon = this.lexicon;
    if ((lexicon.stats.named.get(unit.key) ?? 0) < MIN_NAMED || !lexicon.isNameWord(unit.key, group.forms, SINGLE_WORD_FACTOR * lexicon.settings.nameShare)) return undefined;
    const own = group.forms.find((f) => f.surface === unit.bare)?.mentions ?? 1;
    const canonical = group.forms.find((f) => f.surface === group.canonical)?.mentions ?? 0;
    if (canonical < DOMINANCE * own) return undefined;
    // This spelling stands where names stand as often as its group does (احمد): a name wherever it is.
    const ownNamed = lexicon.stats.namedSurfaces?.get(unit.bare) ?? 0;
    const ownName = ownNamed >= 3 && ownNamed >= OWN_SHARE * lexicon.corpus.words.count(unit.bare) && !this.afterVerbParticle(unit.first);
    // After a place noun (منطقة مرسى دبي) a word names a place, not the person its other spelling names.
    const placed = unit.first > 0 && !this.gap[unit.first] && isPlaceNoun(this.surface(unit.first - 1));
    if (!ownName && !(this.inContext(unit.first) && !placed)) return undefined;
    return { ...mention, ...span(mention.tokens, unit.clitic), shown: unit.bare, shownCanonical: group.canonical };
  }

  /** A foreign name in a rarer transliteration (ترمب for ترامب): a kind of its own, lower in confidence. */
  private transliterationAt(w: number, entry: Entry): VariantMention | undefined {
    const token = this.tokens[this.index[w]];
    const found = this.lexicon.transliteration(token.text, entry);
    if (!found) return undefined;
    const tokens = [token];
    const { group, clitic, bare } = found;
    return { group, ...span(tokens, clitic), shown: bare, shownCanonical: group.canonical, tokens, clitic, from: [bare], to: [group.canonical] };
  }

  /** The word follows a particle that governs verbs (أن يحيي، لا يحيي، قد، سوف). */
  private afterVerbParticle(w: number): boolean {
    return w > 0 && !this.gap[w] && VERB_PARTICLES.has(this.fold(w - 1));
  }

  /** A word of a multi-word registry name, beside one of its partners, spelt otherwise (ايمانويل ماكرون). */
  private registered(unit: Unit): VariantMention | undefined {
    const entry = this.lexicon.settings.registry?.get(unit.key);
    if (!entry || entry.partners.size === 0 || entry.spelling === unit.bare) return undefined;
    const beside = (n: number) => n >= 0 && n < this.index.length && !this.gap[Math.max(n, unit.first)] && entry.partners.has(this.fold(n));
    if (!beside(unit.first - 1) && !beside(unit.last + 1)) return undefined;
    const tokens = this.wordTokens(unit.first, unit.last);
    const group = this.lexicon.group(unit.key, [...this.lexicon.formsOf(unit.bare)], 'registry', entry.spelling);
    return { group, ...span(tokens, unit.clitic), shown: unit.bare, shownCanonical: entry.spelling, tokens, clitic: unit.clitic, from: unit.bare.split(' '), to: entry.spelling.split(' ') };
  }

  private wordTokens(first: number, last: number): Token[] {
    return this.index.slice(first, last + 1).map((i) => this.tokens[i]);
  }

  private nameLike(w: number, share: number): boolean {
    return this.lexicon.nameLike(this.surface(w), this.fold(w), share);
  }

  /**
   * The word stands next to a name word (فائز السراج) with which the corpus writes it in another
   * spelling more often: the pair's spellings are counted, so the majority is the name's own.
   */
  private neighbourEvidence(unit: Unit, group: NameGroup): VariantMention | undefined {
    const share = this.lexicon.settings.nameShare;
    let namedWord: boolean | undefined;
    const named = () => (namedWord ??= this.lexicon.nameLike(unit.bare, unit.key, share / 2) || this.inContext(unit.first));
    // A word with the article ends a name (بشار الأسد): its neighbour stands before it.
    const article = hasArticle(unit.bare);
    if (article && ARTICLE_NISBA.test(unit.bare)) return undefined;
    const words = this.lexicon.corpus.words;
    for (const n of unit.clitic === '' ? [unit.first - 1, unit.last + 1] : [unit.last + 1]) {
      const before = n < unit.first;
      if ((article && !before) || n < 0 || n >= this.index.length || this.gap[before ? unit.first : n]) continue;
      const neighbour = this.surface(n);
      const fold = this.fold(n);
      if (isFunctionWord(neighbour) || TITLES.has(fold)) continue;
      // Two foreign words side by side (ايكر كاسياس) are a name; otherwise both words need name evidence.
      const foreign = this.lexicon.isUnknownName(neighbour);
      // A given name the corpus knows as one, before a family name with the article (مصطفي الزين، مكه المكرمة).
      const nameNeighbour = foreign || CONNECTORS.has(fold) || this.nameLike(n, share) ||
        (!article && !before && hasArticle(neighbour) && this.lexicon.nameLike(unit.bare, unit.key, share));
      // A family name after a given name (بشار الاسد) is a name by its place; other words need their own evidence.
      // Beside a foreign name, a word spelt all-foreign too (ايكر كاسياس) or differing only in its final ta marbuta (خليفه حفتر).
      const foreignPair = foreign && !article && (this.lexicon.allUnknown(group.forms) || (!before && onlyFinalDiffers(unit.bare, group.canonical)));
      const ok = foreignPair || (nameNeighbour && ((article && before && !foreign) || named()));
      if (!ok) continue;
      const pair = (f: string) => (before ? `${neighbour} ${f}` : `${f} ${neighbour}`);
      const forms: NameForm[] = [];
      for (const f of group.forms) {
        const joined = pair(f.surface).replace(' ', '');
        let mentions = words.pairCount(joined);
        for (const clitic of PROCLITICS) mentions += words.pairCount(clitic + joined);
        if (f.surface === unit.bare) mentions = Math.max(mentions, 1);
        if (mentions > 0) forms.push({ surface: pair(f.surface), mentions, files: Math.max(words.pairFileCount(joined), 1) });
      }
      if (forms.length < 2) continue;
      const pairGroup = this.lexicon.group(foldKey(pair(unit.bare)), forms, 'orthographic');
      if (pairGroup.canonical === pair(unit.bare)) return undefined;
      const canonical = pairGroup.canonical.split(' ')[before ? 1 : 0];
      // Show a spaced compound whole: عبد الفتاح السيسى, not الفتاح السيسى.
      const head = before && n > 0 && !this.gap[n] && ['عبد', 'ابو'].includes(this.fold(n - 1)) ? n - 1 : n;
      const prefix = head < n ? `${this.surface(head)} ` : '';
      const tokens = before ? this.wordTokens(head, unit.last) : this.wordTokens(unit.first, n);
      return {
        group: pairGroup, ...span(tokens, before ? '' : unit.clitic), shown: prefix + pair(unit.bare), shownCanonical: prefix + pairGroup.canonical,
        tokens: this.wordTokens(unit.first, unit.last), clitic: unit.clitic, from: [unit.bare], to: [canonical],
      };
    }
    return undefined;
  }

  /** غسان سلام for غسان سلامة: the last word of a name after a name word, with the ta marbuta dropped or added. */
  private droppedTaMarbuta(unit: Unit): VariantMention | undefined {
    const w = unit.first;
    if (unit.last !== w || unit.clitic !== '' || w === 0 || this.gap[w]) return undefined;
    if ((this.lexicon.stats.named.get(this.fold(w - 1)) ?? 0) < 2) return undefined;
    const other = taMarbutaDropped(unit.bare);
    if (hasArticle(unit.bare) || !(unit.bare + other).includes(TEH_MARBUTA)) return undefined;
    const previous = this.fold(w - 1);
    if (isFunctionWord(this.surface(w - 1)) || TITLES.has(previous) || CONNECTORS.has(previous) || previous.startsWith(ARTICLE)) return undefined;
    const first = this.surface(w - 1);
    const words = this.lexicon.corpus.words;
    if (words.pairCount(first + other) === 0) return undefined;
    const share = this.lexicon.settings.nameShare;
    if (!this.nameLike(w - 1, share) || (!this.inContext(w) && !this.nameLike(w, share / 2))) return undefined;
    const form = (last: string): NameForm => ({ surface: `${first} ${last}`, mentions: words.pairCount(first + last), files: words.pairFileCount(first + last) });
    const forms = [form(unit.bare), form(other)].filter((f) => f.mentions > 0);
    if (forms.length < 2) return undefined;
    const group = this.lexicon.group(foldKey(`${first} ${unit.bare.endsWith(TEH_MARBUTA) ? unit.bare : other}`), forms, 'ta-marbuta');
    if (group.canonical === `${first} ${unit.bare}`) return undefined;
    return {
      group, ...span(this.wordTokens(w - 1, w), ''), shown: `${first} ${unit.bare}`, shownCanonical: group.canonical,
      tokens: this.wordTokens(w, w), clitic: '', from: [unit.bare], to: [other],
    };
  }
}

/** Spellings that differ only in a final ta marbuta / heh (خليفه، خليفة). */
function onlyFinalDiffers(a: string, b: string): boolean {
  return a.length === b.length && a.slice(0, -1) === b.slice(0, -1) && /[\u0629\u0647]$/.test(a) && /[\u0629\u0647]$/.test(b);
}

function span(tokens: readonly Token[], clitic: string): { offset: number; length: number } {
  const skip = clitic === '' ? 0 : prefixLength(tokens[0].text, letterCount(clitic));
  const last = tokens[tokens.length - 1];
  return { offset: tokens[0].offset + skip, length: last.offset + last.length - tokens[0].offset - skip };
}
