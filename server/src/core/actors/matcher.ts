// A multi-pattern matcher for names over tokens: a trie of word fold keys, walked once per word,
// so matching costs the same with 10 or 10,000 registry entries. A mention may carry proclitics
// (و ف ب ل ك, وب، فل…) and, for a name with the article, the لل of ل + ال (للأمم المتحدة); the
// longest name starting at a word wins (حكومة الوفاق الوطني over الوفاق), then the reading
// with fewer clitic letters (وليد is a name before it is و + ليد).
import { prefixLength } from '../corpus/names';
import { foldKey, surfaceKey } from '../text/normalize';
import type { Token } from '../text/tokenize';

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
  /** Indexes of the first and last tokens of the mention. */
  firstToken: number;
  lastToken: number;
}

const MAX_PATTERN_FORMS = 8;

export class NameMatcher {
  private readonly root = new Map<string, TrieNode>();
  private patterns = 0;

  get size(): number {
    return this.patterns;
  }

  /** Adds a spelling (one or more words); `عبد`/`أبو` compounds match joined or spaced. */
  add(spelling: string, target: number): void {
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

  /** Every mention in the tokens, left to right, not overlapping. */
  match(tokens: readonly Token[]): NameMatch[] {
    const matches: NameMatch[] = [];
    if (this.root.size === 0) return matches;
    const walk = new Walk(tokens);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'arabic') continue;
      const found = this.longestAt(walk, i);
      if (found) {
        matches.push(found);
        i = found.lastToken;
      }
    }
    return matches;
  }

  /**
   * The longest name starting at a word, over its readings: the bare word, without و/ف, without
   * و/ف + ب/ل/ك, and ل + ال written لل (stems of two letters at least). No allocation per word:
   * this runs on every Arabic word of the corpus.
   */
  private longestAt(walk: Walk, start: number): NameMatch | undefined {
    const word = walk.fold(start);
    walk.reset();
    walk.from(this.root.get(word), start, 0, false);
    const conj = word.charCodeAt(0) === WAW_CODE || word.charCodeAt(0) === FA_CODE ? 1 : 0;
    if (conj && word.length - 1 >= 2) walk.from(this.root.get(word.slice(1)), start, 1, false);
    const next = word.charCodeAt(conj);
    if ((next === BA_CODE || next === LAM_CODE || next === KAF_CODE) && word.length - conj - 1 >= 2) walk.from(this.root.get(word.slice(conj + 1)), start, conj + 1, false);
    if (next === LAM_CODE && word.charCodeAt(conj + 1) === LAM_CODE && word.length - conj - 2 >= 2) walk.from(this.root.get('ا' + word.slice(conj + 1)), start, conj + 1, true);
    if (walk.bestLast < 0) return undefined;
    const tokens = walk.tokens;
    const first = tokens[start];
    const cliticLength = walk.bestClitic === 0 ? 0 : prefixLength(first.text, walk.bestClitic);
    const end = tokens[walk.bestLast].offset + tokens[walk.bestLast].length;
    return {
      target: walk.bestTarget,
      offset: first.offset + cliticLength,
      length: end - first.offset - cliticLength,
      cliticLength,
      lamArticle: walk.bestLam,
      firstToken: start,
      lastToken: walk.bestLast,
    };
  }
}

/** One `match` call's state: the tokens' fold keys (computed once) and the best reading so far. */
class Walk {
  private readonly folds: (string | undefined)[];
  bestTarget = 0;
  bestLast = -1;
  bestClitic = 0;
  bestLam = false;

  constructor(readonly tokens: readonly Token[]) {
    this.folds = new Array<string | undefined>(tokens.length);
  }

  fold(i: number): string {
    return (this.folds[i] ??= foldKey(this.tokens[i].text));
  }

  reset(): void {
    this.bestLast = -1;
  }

  /** Follows the trie from `node` (the first word's) over the next words; keeps the longest name, then the fewest clitic letters. */
  from(node: TrieNode | undefined, start: number, clitic: number, lam: boolean): void {
    const tokens = this.tokens;
    let last = start;
    while (node) {
      if (node.target !== undefined && (last > this.bestLast || (last === this.bestLast && clitic < this.bestClitic))) {
        this.bestTarget = node.target;
        this.bestLast = last;
        this.bestClitic = clitic;
        this.bestLam = lam;
      }
      if (!node.next || tokens[last + 1]?.kind !== 'space' || tokens[last + 2]?.kind !== 'arabic') return;
      node = node.next.get(this.fold(last + 2));
      last += 2;
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
  if (match.lastToken > match.firstToken && IRREGULAR_SPACE.test(written)) written = written.replace(/\s+/g, ' ');
  return match.lamArticle ? 'ا' + written : written;
}

/** Whitespace that is not one plain space: what `replace(/\s+/g, ' ')` would change. */
const IRREGULAR_SPACE = /[^\S ]| {2}/;
