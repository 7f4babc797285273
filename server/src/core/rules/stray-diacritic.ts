// stray-diacritic: harakat (fatha, damma, kasra, sukun, shadda, tanween, dagger alef) on a word of
// an article written without vocalization (أنَّ، فِي، الحجّ), one finding per word; the fix removes them.
// Left alone: tanween fath closing a word (دائماً، مساءً، خاصةً: house style, not vocalization);
// shadda on a word the corpus mostly writes with it (a facet counts each word's shadda); passages
// that are vocalized on purpose: a sentence or quotation with most of its words vocalized, anything
// with Quranic marks or inside ﴿…﴾ or {…}, and whole articles vocalized beyond a share (5%: the
// 95th percentile of articles with any harakat in 5,000 Saudi news articles).
import { bump, type CorpusFacet, type FileInput } from '../corpus/facet';
import { surfaceKey } from '../text/normalize';
import type { Token } from '../text/tokenize';
import { edit, type Rule, type RuleFinding, type TextEdit } from './rule';

const TANWEEN_FATH = 0x064b;
const TANWEEN_KASR = 0x064d;
const SHADDA = 0x0651;
const DAGGER_ALEF = 0x0670;
const ALEF = 0x0627;
const ALEF_MAQSURA = 0x0649;
const TEH_MARBUTA = 0x0629;
const HAMZA = 0x0621;
/** Marks around Quranic text: ornate parentheses (fonts and Unicode versions disagree on which opens, so either toggles) and braces. */
const QURAN_OPEN = new Set(['\uFD3E', '\uFD3F', '{']);
const QURAN_CLOSE = new Set(['\uFD3E', '\uFD3F', '}']);
/** Punctuation that ends a sentence or opens/closes a quotation: passages are judged one by one. */
const PASSAGE_BREAKS = new Set(['.', '!', '?', '\u061F', '\u061B', '\u00AB', '\u00BB', '"', '\u201C', '\u201D', ':', '\u2026', '(', ')', '[', ']']);
/** A run needs this many words, and this many vocalized ones, before its vocalization counts as deliberate. */
const MIN_PASSAGE_WORDS = 3;
/** Words on each side of a word that make up the run it is judged in. */
const RUN_RADIUS = 3;
/** Vocalized words an article needs, besides the share, to count as vocalized on purpose. */
const MIN_VOCALIZED_ARTICLE = 5;
/** Corpus share of a word's occurrences written with shadda from which its shadda is kept. */
const KEPT_SHADDA_SHARE = 0.5;
const MIN_KEPT_SHADDA = 2;

/** Harakat: tanween, fatha, damma, kasra, shadda, sukun, and the dagger alef. */
function isHarakah(code: number): boolean {
  return (code >= 0x064b && code <= 0x0652) || code === DAGGER_ALEF;
}

function hasHarakah(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHarakah(text.charCodeAt(i))) return true;
  return false;
}

function isQuranicMark(code: number): boolean {
  return (code >= 0x06d6 && code <= 0x06ed) || (code >= 0x08d3 && code <= 0x08ff);
}

/** Per file: surface key → occurrences written with a shadda. */
export type ShaddaData = ReadonlyMap<string, number>;

export class ShaddaStats {
  readonly shadda = new Map<string, number>();
}

export const shaddaFacet: CorpusFacet<ShaddaData, ShaddaStats> = {
  id: 'stray-diacritic',
  collect: ({ tokens }: FileInput) => {
    const data = new Map<string, number>();
    for (const token of tokens) if (token.kind === 'arabic' && token.text.includes('\u0651')) bump(data, surfaceKey(token.text), 1);
    return data;
  },
  createStats: () => new ShaddaStats(),
  add: (stats, data) => data.forEach((count, word) => bump(stats.shadda, word, count)),
  remove: (stats, data) => data.forEach((count, word) => bump(stats.shadda, word, -count)),
};

export const strayDiacritic: Rule = {
  id: 'stray-diacritic',
  description: 'Harakat on a word of an article written without vocalization (أنَّ، فِي); tanween fath on a final alef is kept.',
  defaultSeverity: 'warning',
  fixable: true,
  facet: shaddaFacet,
  options: {
    'passage-share': {
      description: 'Share of vocalized words above which a run of words (3 or more, up to 7, within a sentence or quotation) counts as vocalized on purpose and is left alone.',
      values: ['0.3', '0.5', '0.7', '1'],
      default: '0.5',
    },
    'article-share': {
      description: 'Share of vocalized words (and at least 5 of them) from which a whole article counts as vocalized and is left alone.',
      values: ['0.02', '0.05', '0.1', '0.2'],
      default: '0.05',
    },
    shadda: {
      description: "Shadda: 'corpus' keeps it on words the corpus mostly writes with it, 'keep' never reports it, 'report' always does.",
      values: ['corpus', 'keep', 'report'],
      default: 'corpus',
    },
  },
  check({ tokens, options, corpus }) {
    const passageShare = Number(options['passage-share'] ?? 0.5);
    const articleShare = Number(options['article-share'] ?? 0.05);
    const passages = splitPassages(tokens);
    const words = passages.reduce((sum, p) => sum + p.words.length, 0);
    const vocalized = passages.reduce((sum, p) => sum + p.vocalized, 0);
    if (vocalized === 0 || (vocalized >= MIN_VOCALIZED_ARTICLE && vocalized >= articleShare * words)) return [];
    const stats = corpus.stats(shaddaFacet);
    const keepShadda = (word: string): boolean => {
      if (options.shadda === 'keep') return true;
      if (options.shadda === 'report') return false;
      const key = surfaceKey(word);
      const withShadda = stats.shadda.get(key) ?? 0;
      return withShadda >= MIN_KEPT_SHADDA && withShadda >= KEPT_SHADDA_SHARE * corpus.words.count(key);
    };
    const findings: RuleFinding[] = [];
    for (const passage of passages) {
      if (passage.quranic) continue;
      const inVocalizedRun = vocalizedRuns(passage, passageShare);
      for (let w = 0; w < passage.words.length; w++) {
        const token = passage.words[w];
        if (!passage.marked[w] || inVocalizedRun(w)) continue;
        const edits = strayMarks(token, keepShadda);
        if (edits.length === 0) continue;
        const bare = removeEdits(token, edits);
        findings.push({
          offset: token.offset,
          length: token.length,
          word: token.text,
          message: `Diacritics on '${token.text}' in an article written without vocalization`,
          fixes: [{ title: `Remove diacritics: '${bare}'`, edits }],
        });
      }
    }
    return findings;
  },
};

interface Passage {
  words: Token[];
  /** Per word: carries harakat other than a closing tanween. */
  marked: boolean[];
  vocalized: number;
  quranic: boolean;
}

/**
 * Whether a word sits in a vocalized run: a window of up to RUN_RADIUS words on each side (within
 * its sentence) in which more than `share` of the words are vocalized. A verse quoted without
 * punctuation inside a sentence (قال تعالى وَمَنْ أَظْلَمُ …) is such a run.
 */
function vocalizedRuns(passage: Passage, share: number): (w: number) => boolean {
  const n = passage.words.length;
  if (n < MIN_PASSAGE_WORDS || passage.vocalized < MIN_PASSAGE_WORDS) return () => false;
  const prefix = [0];
  for (let i = 0; i < n; i++) prefix.push(prefix[i] + (passage.marked[i] ? 1 : 0));
  return (w) => {
    for (let start = Math.max(0, w - RUN_RADIUS); start <= w; start++) {
      const end = Math.min(n, start + 2 * RUN_RADIUS + 1);
      if (end - start >= MIN_PASSAGE_WORDS && prefix[end] - prefix[start] > share * (end - start)) return true;
    }
    return false;
  };
}

/** Sentences and quotations of the article, with how vocalized each one is. */
function splitPassages(tokens: readonly Token[]): Passage[] {
  const passages: Passage[] = [];
  let current: Passage = { words: [], marked: [], vocalized: 0, quranic: false };
  let ornate = false;
  const close = () => {
    if (current.words.length) passages.push(current);
    current = { words: [], marked: [], vocalized: 0, quranic: ornate };
  };
  for (const token of tokens) {
    if (token.kind === 'arabic') {
      const marked = hasHarakah(token.text) && strayMarks(token, () => false).length > 0;
      current.words.push(token);
      current.marked.push(marked);
      if (marked) current.vocalized++;
      for (let i = 0; i < token.text.length && !current.quranic; i++) current.quranic = isQuranicMark(token.text.charCodeAt(i));
    } else if (token.kind === 'newline' || (token.kind === 'other' && (PASSAGE_BREAKS.has(token.text) || QURAN_OPEN.has(token.text) || QURAN_CLOSE.has(token.text)))) {
      if (ornate ? QURAN_CLOSE.has(token.text) : QURAN_OPEN.has(token.text)) ornate = !ornate;
      close();
    }
  }
  close();
  return passages;
}

/** Edits removing the word's stray harakat: all but a closing tanween fath and a kept shadda. */
function strayMarks(token: Token, keepShadda: (word: string) => boolean): TextEdit[] {
  const text = token.text;
  const edits: TextEdit[] = [];
  let shaddaKept: boolean | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHarakah(code) || (code === TANWEEN_FATH && closingTanween(text, i)) || (code === TANWEEN_KASR && defectiveTanween(text, i))) continue;
    if (code === SHADDA && (shaddaKept ??= keepShadda(text))) continue;
    const last = edits[edits.length - 1];
    if (last && last.offset + last.length === token.offset + i) last.length++;
    else edits.push(edit(token.offset + i, 1, ''));
  }
  return edits;
}

/** Tanween fath at the end of a word on alef, ta marbuta, hamza or maqsura, or before a final alef (دائماً، دائمًا، خاصةً، مساءً). */
function closingTanween(text: string, index: number): boolean {
  let next = index + 1;
  while (next < text.length && isHarakah(text.charCodeAt(next))) next++;
  let previous = index - 1;
  while (previous >= 0 && isHarakah(text.charCodeAt(previous))) previous--;
  const before = text.charCodeAt(previous);
  if (next === text.length) return before === ALEF || before === TEH_MARBUTA || before === HAMZA || before === ALEF_MAQSURA;
  return next === text.length - 1 && text.charCodeAt(next) === ALEF;
}

/** Tanween kasr closing a defective noun whose yeh is dropped (نادٍ، جارٍ، معانٍ): the pattern ـاـٍ at the end. */
function defectiveTanween(text: string, index: number): boolean {
  return index === text.length - 1 && index >= 2 && text.charCodeAt(index - 2) === ALEF;
}

function removeEdits(token: Token, edits: readonly TextEdit[]): string {
  let result = '';
  let cursor = token.offset;
  for (const e of edits) {
    result += token.text.slice(cursor - token.offset, e.offset - token.offset);
    cursor = e.offset + e.length;
  }
  return result + token.text.slice(cursor - token.offset);
}
