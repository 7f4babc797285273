// A multi-pattern matcher for names over tokens: a trie of word fold keys, walked once per word,
// so matching costs the same with 10 or 10,000 registry entries. A mention may carry proclitics
// (و ف ب ل ك, وب، فل…) and, for a name with the article, the لل of ل + ال (للأمم المتحدة); the
// longest name starting at a word wins (حكومة الوفاق الوطني over الوفاق), then the reading
// with fewer clitic letters (وليد is a name before it is و + ليد).
import { prefixLength } from '../corpus/names';
import { foldKey, surfaceKey } from '../text/normalize';
import { AFTER_GAP, type ArabicWords, type WordForm } from '../text/arabic-words';

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** Target of the pattern ending here (first added wins). */
  target?: number;
}

export interface NameMatch {
  /** The target given with the pattern. */
  target: number;
  /** Start of the name proper, after any proclitics. */
  offset: number;
  length: number;
  /** Code units of proclitics written before the name (و in والسراج, ل in للسراج). */
  cliticLength: number;
  /** The name's article is written merged with a ل proclitic (للأمم for ل + الأمم). */
  lamArticle: boolean;
  /** Indexes of the first and last words of the mention (in ArabicWords). */
  firstWord: number;
  lastWord: number;
}

const MAX_PATTERN_FORMS = 8;

export class NameMatcher {
  private readonly root = new Map<string, TrieNode>();
  private readonly readings = new Map<WordForm, readonly Reading[]>();
  private patterns = 0;

  get size(): number {
    return this.patterns;
  }

  /** Adds a spelling (one or more words); `عبد`/`أبو` compounds match joined or spaced. */
  add(spelling: string, target: number): void {
    this.readings.clear();
    for (const words of patternForms(spelling)) {
      let node: TrieNode | undefined;
      for (const word of words) {
        const level: Map<string, TrieNode> = node ? (node.next ??= new Map()) : this.root;
        let child = level.get(word);
        if (!child) level.set(word, (child = {}));
        node = child;
      }
      if (node && node.target === undefined) {
        node.target = target;
        this.patterns++;
      }
    }
  }

  /** Every mention in a text's words, left to right, not overlapping. */
  match(words: ArabicWords): NameMatch[] {
    const matches: NameMatch[] = [];
    if (this.root.size === 0) return matches;
    const walk = new Walk(words);
    for (let w = 0; w < words.count; w++) {
      const found = this.longestAt(walk, w);
      if (found) {
        matches.push(found);
        w = found.lastWord;
      }
    }
    return matches;
  }

  /** The longest name starting at a word, over the readings of the word (startsOf). */
  private longestAt(walk: Walk, start: number): NameMatch | undefined {
    const { forms, start: starts, end: ends } = walk.words;
    const readings = this.startsOf(forms[start]);
    if (readings.length === 0) return undefined;
    walk.reset();
    for (const reading of readings) walk.from(reading.node, start, reading.clitic, reading.lam);
    if (walk.bestLast < 0) return undefined;
    const cliticLength = walk.bestClitic === 0 ? 0 : prefixLength(forms[start].text, walk.bestClitic);
    return {
      target: walk.bestTarget,
      offset: starts[start] + cliticLength,
      length: ends[walk.bestLast] - starts[start] - cliticLength,
      cliticLength,
      lamArticle: walk.bestLam,
      firstWord: start,
      lastWord: walk.bestLast,
    };
  }

  /**
   * The trie nodes a name may start at in a word, over its readings: the bare word, without و/ف,
   * without و/ف + ب/ل/ك, and ل + ال written لل (stems of two letters at least). Kept per distinct
   * word: this runs on every Arabic word of the corpus, and most words start no name.
   */
  private startsOf(form: WordForm): readonly Reading[] {
    let readings = this.readings.get(form);
    if (readings !== undefined) return readings;
    const word = form.fold;
    const found: Reading[] = [];
    const add = (key: string, clitic: number, lam: boolean) => {
      const node = this.root.get(key);
      if (node) found.push({ node, clitic, lam });
    };
    add(word, 0, false);
    const conj = word.charCodeAt(0) === WAW_CODE || word.charCodeAt(0) === FA_CODE ? 1 : 0;
    if (conj && word.length - 1 >= 2) add(word.slice(1), 1, false);
    const next = word.charCodeAt(conj);
    if ((next === BA_CODE || next === LAM_CODE || next === KAF_CODE) && word.length - conj - 1 >= 2) add(word.slice(conj + 1), conj + 1, false);
    if (next === LAM_CODE && word.charCodeAt(conj + 1) === LAM_CODE && word.length - conj - 2 >= 2) add('ا' + word.slice(conj + 1), conj + 1, true);
    readings = found.length === 0 ? NO_READINGS : found;
    if (this.readings.size >= MAX_KEPT_READINGS) this.readings.clear();
    this.readings.set(form, readings);
    return readings;
  }
}

/** A way to read a word as a name's first word: its trie node, clitic letters skipped, لل read as ل + ال. */
interface Reading {
  node: TrieNode;
  clitic: number;
  lam: boolean;
}
const NO_READINGS: readonly Reading[] = [];
/** Bounds a matcher's memory of words, as WordForms bounds the words themselves. */
const MAX_KEPT_READINGS = 1 << 18;

/** One `match` call's state: the best reading so far. */
class Walk {
  bestTarget = 0;
  bestLast = -1;
  bestClitic = 0;
  bestLam = false;

  constructor(readonly words: ArabicWords) {}

  reset(): void {
    this.bestLast = -1;
  }

  /** Follows the trie from `node` (the first word's) over the next words; keeps the longest name, then the fewest clitic letters. */
  from(node: TrieNode | undefined, start: number, clitic: number, lam: boolean): void {
    const { count, before, forms } = this.words;
    let last = start;
    while (node) {
      if (node.target !== undefined && (last > this.bestLast || (last === this.bestLast && clitic < this.bestClitic))) {
        this.bestTarget = node.target;
        this.bestLast = last;
        this.bestClitic = clitic;
        this.bestLam = lam;
      }
      // The next word of a name follows after one run of space, nothing else.
      if (!node.next || last + 1 >= count || before[last + 1] === AFTER_GAP) return;
      node = node.next.get(forms[last + 1].fold);
      last++;
    }
  }
}

const WAW = 'و';
const FA = 'ف';
const ATTACHED = 'بلك';
const WAW_CODE = WAW.charCodeAt(0);
const FA_CODE = FA.charCodeAt(0);
const [BA_CODE, LAM_CODE, KAF_CODE] = [...ATTACHED].map((c) => c.charCodeAt(0));

/** Word sequences (fold keys) a spelling matches: compounds with عبد/أبو joined and spaced. */
export function patternForms(spelling: string): string[][] {
  const words = spelling.split(/\s+/).filter(Boolean).map((w) => foldKey(surfaceKey(w)));
  let forms: string[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const options: string[][] = [[word]];
    if (isCompoundHead(word) && i + 1 < words.length) {
      options.push([word + words[i + 1]]);
      i++;
      options[0].push(words[i]);
    } else {
      const head = joinedHead(word);
      if (head) options.push([head, word.slice(head.length)]);
    }
    const next: string[][] = [];
    for (const form of forms) for (const option of options) if (next.length < MAX_PATTERN_FORMS) next.push([...form, ...option]);
    forms = next;
  }
  return forms.filter((f) => f.length > 0);
}

function isCompoundHead(word: string): boolean {
  return word === 'عبد' || word === 'ابو';
}

/** `عبد`/`ابو` at the start of a joined compound (عبدالمجيد، ابوظبي). */
function joinedHead(word: string): string | undefined {
  for (const head of ['عبد', 'ابو']) if (word.length >= head.length + 3 && word.startsWith(head)) return head;
  return undefined;
}

/** The spelling of a mention as written, without its clitics, for comparing with registry spellings. */
export function mentionSurface(text: string, match: NameMatch): string {
  let written = surfaceKey(text.slice(match.offset, match.offset + match.length));
  // A mention of one token has no space in it: only longer ones need theirs made single, and most
  // are written with single spaces already (testing is cheaper than replacing).
  if (match.lastWord > match.firstWord && IRREGULAR_SPACE.test(written)) written = written.replace(/\s+/g, ' ');
  return match.lamArticle ? 'ا' + written : written;
}

/** Whitespace that is not one plain space: what `replace(/\s+/g, ' ')` would change. */
const IRREGULAR_SPACE = /[^\S ]| {2}/;
