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
    const folds: (string | undefined)[] = new Array(tokens.length);
    const fold = (i: number) => (folds[i] ??= foldKey(tokens[i].text));
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'arabic') continue;
      const found = this.longestAt(tokens, i, fold);
      if (found) {
        matches.push(found);
        i = found.lastToken;
      }
    }
    return matches;
  }

  private longestAt(tokens: readonly Token[], start: number, fold: (i: number) => string): NameMatch | undefined {
    let best: { target: number; last: number; clitic: number; lam: boolean } | undefined;
    for (const [stem, clitic, lam] of readings(fold(start))) {
      let node = this.root.get(stem);
      let last = start;
      while (node) {
        if (node.target !== undefined && (!best || last > best.last || (last === best.last && clitic < best.clitic))) {
          best = { target: node.target, last, clitic, lam };
        }
        const space = tokens[last + 1];
        const word = tokens[last + 2];
        if (!node.next || space?.kind !== 'space' || word?.kind !== 'arabic') break;
        node = node.next.get(fold(last + 2));
        last += 2;
      }
    }
    if (!best) return undefined;
    const first = tokens[start];
    const cliticLength = best.clitic === 0 ? 0 : prefixLength(first.text, best.clitic);
    const end = tokens[best.last].offset + tokens[best.last].length;
    return {
      target: best.target,
      offset: first.offset + cliticLength,
      length: end - first.offset - cliticLength,
      cliticLength,
      lamArticle: best.lam,
      firstToken: start,
      lastToken: best.last,
    };
  }
}

const WAW = 'و';
const FA = 'ف';
const ATTACHED = 'بلك';

/** Readings of a folded word as [stem, clitic letters, ل + ال merged], the bare word first. */
function readings(word: string): Array<[string, number, boolean]> {
  const result: Array<[string, number, boolean]> = [[word, 0, false]];
  const conj = word[0] === WAW || word[0] === FA ? 1 : 0;
  if (conj && word.length - 1 >= 2) result.push([word.slice(1), 1, false]);
  if (ATTACHED.includes(word[conj]) && word.length - conj - 1 >= 2) result.push([word.slice(conj + 1), conj + 1, false]);
  if (word.startsWith('لل', conj) && word.length - conj - 2 >= 2) result.push(['ا' + word.slice(conj + 1), conj + 1, true]);
  return result;
}

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
  const written = surfaceKey(text.slice(match.offset, match.offset + match.length)).replace(/\s+/g, ' ');
  return match.lamArticle ? 'ا' + written : written;
}
