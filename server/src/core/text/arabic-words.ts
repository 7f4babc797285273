// The Arabic words of a text, in parallel arrays, without a Token object per token: what the corpus
// facets and the name matcher read from every file of a corpus. Each distinct word as written is
// looked up in a per-thread table of WordForms, so its keys (surface, fold, hash) are computed
// once per thread, not once per occurrence and per reader.
import { isArabicLetter } from './chars';
import { foldKey, surfaceKey } from './normalize';
import { ARABIC_TOKEN, SPACE_TOKEN, scanToken, tokenEnd, tokenKind } from './tokenize';

/** One word as written, with the keys every reader of words needs. Shared: only nameTraits is ever written. */
export interface WordForm {
  /** The word as written (a token's text). */
  readonly text: string;
  /** surfaceKey(text). */
  readonly surface: string;
  /** foldKey(surface). */
  readonly fold: string;
  /** FNV-1a state over `surface`, unsigned (see fnv). */
  readonly hash: number;
  /** Whether the word has an Arabic letter (a run of marks and tatweel has none). */
  readonly hasLetters: boolean;
  /** Name traits (names.ts), computed on first use; -1 until then. */
  nameTraits: number;
}

/** What stands between a word and the word before it (ArabicWords.before). */
export const AFTER_GAP = 0; // nothing before (the first word), or anything but one space token
export const AFTER_SPACE = 1; // exactly one plain space
export const AFTER_SPACES = 2; // one run of other inline space (two spaces, a tab, NBSP)

/**
 * A text's Arabic tokens (as tokenize splits it), in order: word `w` is `text.slice(start[w], end[w])`.
 * Plain arrays of small integers, not typed arrays: these live for one file, and a typed array's
 * memory outside the heap would pile up between collections (50 MB more at 2,000 articles).
 */
export interface ArabicWords {
  readonly text: string;
  readonly count: number;
  readonly start: readonly number[];
  readonly end: readonly number[];
  /** AFTER_GAP, AFTER_SPACE or AFTER_SPACES. */
  readonly before: readonly number[];
  readonly forms: readonly WordForm[];
}

export const FNV_SEED = 0x811c9dc5;
export const FNV_PRIME = 16777619;

/** FNV-1a state after `text`, from `hash` (unsigned 32 bits, so -1 is free as "no state"). */
export function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** The Arabic words of a text, with what separates each from the previous one. */
export function arabicWords(text: string, forms: WordForms = threadForms): ArabicWords {
  const start: number[] = [];
  const end: number[] = [];
  const before: number[] = [];
  const found: WordForm[] = [];
  // What was seen since the last word: AFTER_GAP until a first word, then PENDING until a token.
  let separator = AFTER_GAP;
  for (let at = 0; at < text.length; ) {
    const next = scanToken(text, at);
    const kind = tokenKind(next);
    const to = tokenEnd(next);
    if (kind === ARABIC_TOKEN) {
      start.push(at);
      end.push(to);
      before.push(separator === PENDING ? AFTER_GAP : separator);
      found.push(forms.formAt(text, at, to));
      separator = PENDING;
    } else if (kind === SPACE_TOKEN && separator === PENDING) {
      separator = to - at === 1 && text.charCodeAt(at) === 0x20 ? AFTER_SPACE : AFTER_SPACES;
    } else separator = AFTER_GAP;
    at = to;
  }
  return { text, count: found.length, start, end, before, forms: found };
}

/** Just after a word, before any token: the next token decides the next word's separator. */
const PENDING = 3;

/**
 * Distinct words as written → their WordForm, by open addressing on an FNV hash of the code units,
 * compared in place: a word seen before costs no string. Bounded: a full table starts over (forms
 * already handed out stay valid), so a thread's memory does not grow with a corpus's vocabulary.
 */
export class WordForms {
  private hashes!: Int32Array;
  private slots!: (WordForm | undefined)[];
  private mask = 0;
  private shift = 0;
  private size = 0;

  constructor(private readonly limit = 1 << 18) {
    this.clear(1 << 12);
  }

  /** Distinct forms held. */
  get count(): number {
    return this.size;
  }

  /** The form of `text.slice(start, end)`. */
  formAt(text: string, start: number, end: number): WordForm {
    let hash = FNV_SEED;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const { slots, hashes, mask } = this;
    let slot = this.home(hash);
    for (let form = slots[slot]; form !== undefined; form = slots[slot]) {
      if (hashes[slot] === hash && sameText(form.text, text, start, end)) return form;
      slot = (slot + 1) & mask;
    }
    if (end - start > MAX_KEPT_LENGTH) return newForm(text, start, end);
    if (this.size >= this.limit) {
      this.clear(1 << 12);
      slot = this.home(hash);
    }
    const form = newForm(text, start, end);
    this.hashes[slot] = hash;
    this.slots[slot] = form;
    // At most half full, so probes stay short.
    if (++this.size * 2 > this.slots.length) this.rehash();
    return form;
  }

  /** Multiplicative hashing spreads the hash's high bits over the table (as KeySlots does). */
  private home(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  private clear(slots: number): void {
    this.hashes = new Int32Array(slots);
    this.slots = new Array<WordForm | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
    this.size = 0;
  }

  private rehash(): void {
    const { hashes, slots } = this;
    this.clear(slots.length * 2);
    for (let i = 0; i < slots.length; i++) {
      const form = slots[i];
      if (form === undefined) continue;
      this.size++;
      let slot = this.home(hashes[i]);
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hashes[i];
      this.slots[slot] = form;
    }
  }
}

/** The table of this thread (each worker has its own module instance). */
const threadForms = new WordForms();

function sameText(form: string, text: string, start: number, end: number): boolean {
  if (form.length !== end - start) return false;
  for (let i = 0; i < form.length; i++) if (form.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Longer runs are not words worth keeping (a run of marks, a scraping artifact): their forms are not kept. */
const MAX_KEPT_LENGTH = 64;

function newForm(text: string, start: number, end: number): WordForm {
  // A slice of 13 code units or more points into its text, which a kept form would keep alive.
  const length = end - start;
  const written = length < 13 || length > MAX_KEPT_LENGTH ? text.slice(start, end) : String.fromCharCode(...codeUnits(text, start, end));
  const surface = surfaceKey(written);
  let hasLetters = false;
  for (let i = 0; i < surface.length && !hasLetters; i++) hasLetters = isArabicLetter(surface.charCodeAt(i));
  return { text: written, surface, fold: foldKey(surface), hash: fnv(FNV_SEED, surface), hasLetters, nameTraits: -1 };
}

function codeUnits(text: string, start: number, end: number): number[] {
  const units = new Array<number>(end - start);
  for (let i = start; i < end; i++) units[i - start] = text.charCodeAt(i);
  return units;
}
