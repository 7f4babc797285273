// stray-diacritic: harakat (fatha, damma, kasra, sukun, shadda, tanween, dagger alef) on a word of
// an article written without vocalization (أنَّ، فِي، الحجّ), one finding per word; the fix removes them.
// Left alone: tanween fath closing a word (دائماً، مساءً، خاصةً: house style, not vocalization);
// shadda on a word the corpus mostly writes with it (a facet counts each word's shadda); passages
// that are vocalized on purpose: a sentence or quotation with most of its words vocalized, anything
// with Quranic marks or inside ﴿…﴾ or {…}, and whole articles vocalized beyond a share (5%: the
// 95th percentile of articles with any harakat in 5,000 Saudi news articles).
// Also left alone, as vocalized on purpose rather than stray: a word vocalized letter by letter (3 or
// more marked letters: verse, poetry, a rare word read out); a damma marking a passive verb on the
// first letter of a verb-shaped word when more marks spell the voice out (يُعتَبر) or another file writes
// the same form (يُعد، عُثر); a single vowel on the first letter of
// a stem written that way in several files of the corpus (قِبل، مَن: a recurring distinction, not noise);
// tanween fath beside an alef even when a lost space glued the next word on (سنوياًفي); tanween kasr
// closing a defective participle or noun whose form with yeh is a corpus word (مرضٍ، تحدٍ).
import { bump, type CorpusFacet, type FileInput } from '../corpus/facet';
import { addCounterTable, exportCounterTables, type CounterTables } from '../corpus/facet';
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
/** Marked letters from which a word counts as vocalized letter by letter, on purpose. */
const FULLY_VOCALIZED_LETTERS = 3;
/** Files of the corpus that must write a word with the same stem-initial vowel for that vowel to count as a recurring distinction. */
const RECURRING_FORM_FILES = 3;
/** The same for a lone passive damma (يُعد): a passive form written so in another file is no slip. */
const RECURRING_PASSIVE_FILES = 2;
/** Files with the vocalized form per occurrence of the word, below which its recurrence is chance. */
const RECURRING_SHARE = 0.002;
/** Occurrences in the corpus of a defective word's form with yeh (مرضي for مرضٍ) for its tanween kasr to be kept. */
const MIN_DEFECTIVE_WITH_YEH = 3;
const FATHA = 0x064e;
const DAMMA = 0x064f;
const KASRA = 0x0650;
const MEEM = 0x0645;
const TEH = 0x062a;
const LAM = 0x0644;
/** Letters that open an imperfect verb (the prefix a passive damma sits on). */
const IMPERFECT_PREFIXES = new Set([0x064a, 0x062a, 0x0646, 0x0623]);
/** One-letter proclitics: conjunctions (و، ف) and prepositions or particles (ب، ل، ك، س). */
const CONJUNCTIONS = new Set([0x0648, 0x0641]);
const PARTICLES = new Set([0x0628, 0x0644, 0x0643, 0x0633]);

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

/** Per file: surface key → occurrences written with a shadda; and the vocalized forms it contains (exact text). */
export interface ShaddaData {
  readonly shadda: ReadonlyMap<string, number>;
  readonly forms: ReadonlySet<string>;
}

export class ShaddaStats {
  readonly shadda = new Map<string, number>();
  /** Vocalized form (exact text) → files that contain it. */
  readonly formFiles = new Map<string, number>();
}

export const shaddaFacet: CorpusFacet<ShaddaData, ShaddaStats> = {
  id: 'stray-diacritic',
  collect: ({ words }: FileInput) => {
    const shadda = new Map<string, number>();
    const forms = new Set<string>();
    for (const form of words.forms) {
      if (!hasHarakah(form.text)) continue;
      if (form.text.includes('\u0651')) bump(shadda, form.surface, 1);
      forms.add(form.text);
    }
    return { shadda, forms };
  },
  createStats: () => new ShaddaStats(),
  add: (stats, data) => {
    data.shadda.forEach((count, word) => bump(stats.shadda, word, count));
    data.forms.forEach((form) => bump(stats.formFiles, form, 1));
  },
  remove: (stats, data) => {
    data.shadda.forEach((count, word) => bump(stats.shadda, word, -count));
    data.forms.forEach((form) => bump(stats.formFiles, form, -1));
  },
  exportStats: (stats) => exportCounterTables(stats, SHADDA_TABLES),
  addStats: (stats, chunk) => addCounterTable(stats, SHADDA_TABLES, chunk),
};

export const strayDiacritic: Rule = {
  id: 'stray-diacritic',
  describe: (t) => t('Harakat on a word of an article written without vocalization (أنَّ، فِي); tanween fath on a final alef is kept.'),
  defaultSeverity: 'warning',
  fixable: true,
  facet: shaddaFacet,
  options: {
    'passage-share': {
      describe: (t) => t('Share of vocalized words above which a run of words (3 or more, up to 7, within a sentence or quotation) counts as vocalized on purpose and is left alone.'),
      values: ['0.3', '0.5', '0.7', '1'],
      default: '0.5',
    },
    'article-share': {
      describe: (t) => t('Share of vocalized words (and at least 5 of them) from which a whole article counts as vocalized and is left alone.'),
      values: ['0.02', '0.05', '0.1', '0.2'],
      default: '0.05',
    },
    shadda: {
      describe: (t) => t("Shadda: 'corpus' keeps it on words the corpus mostly writes with it, 'keep' never reports it, 'report' always does."),
      values: ['corpus', 'keep', 'report'],
      default: 'corpus',
    },
  },
  check({ tokens, options, corpus, t }) {
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
    const defective = (withYeh: string): boolean => corpus.words.count(surfaceKey(withYeh)) >= MIN_DEFECTIVE_WITH_YEH;
    const recurring = (form: string, files: number): boolean => {
      // Typos recur by chance on very frequent words (عِلى): the form must also be a real share of the word's uses.
      const found = stats.formFiles.get(form) ?? 0;
      return found >= files && found >= RECURRING_SHARE * corpus.words.count(surfaceKey(form));
    };
    const findings: RuleFinding[] = [];
    for (const passage of passages) {
      if (passage.quranic) continue;
      const inVocalizedRun = vocalizedRuns(passage, passageShare);
      for (let w = 0; w < passage.words.length; w++) {
        const token = passage.words[w];
        if (!passage.marked[w] || inVocalizedRun(w)) continue;
        const edits = strayMarks(token, keepShadda, defective);
        if (edits.length === 0 || deliberate(token, edits, recurring)) continue;
        const bare = removeEdits(token, edits);
        findings.push({
          offset: token.offset,
          length: token.length,
          word: token.text,
          message: t("Diacritics on '{0}' in an article written without vocalization", token.text),
          fixes: [{ title: t("Remove diacritics: '{0}'", bare), edits }],
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
      const marked = hasHarakah(token.text) && strayMarks(token, () => false, () => false).length > 0;
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

/** Edits removing the word's stray harakat: all but a closing tanween fath, a defective noun's tanween kasr and a kept shadda. */
function strayMarks(token: Token, keepShadda: (word: string) => boolean, defective: (withYeh: string) => boolean): TextEdit[] {
  const text = token.text;
  const edits: TextEdit[] = [];
  let shaddaKept: boolean | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHarakah(code) || (code === TANWEEN_FATH && (closingTanween(text, i) || besideAlef(text, i)))) continue;
    if (code === TANWEEN_KASR && (defectiveTanween(text, i) || defectiveParticiple(text, i, defective))) continue;
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

/** Tanween fath written beside an alef (ـاً، ـًا) closes a word even inside a token that a lost space glued to the next word (سنوياًفي). */
function besideAlef(text: string, index: number): boolean {
  return text.charCodeAt(index - 1) === ALEF || text.charCodeAt(index + 1) === ALEF;
}

/**
 * Tanween kasr closing a defective participle or noun whose yeh is dropped (مرضٍ، معتدٍ، تحدٍ، مصلٍّ):
 * the stem, after one-letter proclitics, opens with meem or teh, and the corpus writes the word with
 * its yeh (مرضي، تحدي) elsewhere.
 */
function defectiveParticiple(text: string, index: number, defective: (withYeh: string) => boolean): boolean {
  for (let i = index + 1; i < text.length; i++) if (!isHarakah(text.charCodeAt(i))) return false;
  const letters = skeleton(text);
  const start = stemStarts(letters).find((s) => letters.length - s >= 3 && (letters.charCodeAt(s) === MEEM || letters.charCodeAt(s) === TEH));
  return start !== undefined && defective(letters + '\u064A');
}

function skeleton(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isHarakah(text.charCodeAt(i))) out += text[i];
  return out;
}

/** Letter indices where the word's stem may start: after nothing, a conjunction (و، ف), then a particle (ب، ل، ك، or س before an imperfect prefix). */
function stemStarts(letters: string): number[] {
  const starts = [0];
  let i = 0;
  if (CONJUNCTIONS.has(letters.charCodeAt(0))) starts.push((i = 1));
  const particle = letters.charCodeAt(i);
  if (PARTICLES.has(particle) && (particle !== 0x0633 || IMPERFECT_PREFIXES.has(letters.charCodeAt(i + 1)))) starts.push(i + 1);
  return starts;
}

/** Whether the letters from `start` open with the article (ال، or لل after lam). */
function articleAt(letters: string, start: number): number {
  if (letters.charCodeAt(start) === ALEF && letters.charCodeAt(start + 1) === LAM) return 2;
  if (start > 0 && letters.charCodeAt(start - 1) === LAM && letters.charCodeAt(start) === LAM) return 1;
  return 0;
}

/**
 * Whether a word's marks were put there on purpose although the article is unvocalized: the word is
 * vocalized letter by letter; or a damma on the first letter of a verb-shaped stem marks the passive
 * (يُعد، عُثر، أُصيب، وتُعتبر، سيُطرح), the voice the bare spelling cannot show; or its only stray mark is a
 * single vowel on the first letter of its stem (after the article too) that several files of the corpus
 * write the same way (قِبل against قبل, مَن against مِن).
 */
function deliberate(token: Token, edits: readonly TextEdit[], recurring: (form: string, files: number) => boolean): boolean {
  const text = token.text;
  const marks: { letter: number; code: number }[] = [];
  let letter = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHarakah(code)) letter++;
    else if (edits.some((e) => token.offset + i >= e.offset && token.offset + i < e.offset + e.length)) marks.push({ letter, code });
  }
  const markedLetters = new Set(marks.map((m) => m.letter));
  if (markedLetters.size >= FULLY_VOCALIZED_LETTERS) return true;
  const letters = skeleton(text);
  const starts = stemStarts(letters);
  const dammas = marks.filter((m) => m.code === DAMMA);
  const passive = dammas.length === 1 && starts.includes(dammas[0].letter) && passiveShape(letters, dammas[0].letter);
  // A lone damma could be a slip of the keyboard: it counts as passive when more marks spell the voice out or other files write the form too.
  if (passive && (markedLetters.size >= 2 || recurring(text, RECURRING_PASSIVE_FILES))) return true;
  if (marks.length !== 1 || (marks[0].code !== FATHA && marks[0].code !== DAMMA && marks[0].code !== KASRA)) return false;
  const at = marks[0].letter;
  const initial = starts.some((s) => s === at || (articleAt(letters, s) > 0 && s + articleAt(letters, s) === at));
  return initial && recurring(text, RECURRING_FORM_FILES);
}

/**
 * A stem that can be a verb with a passive damma on its first letter: an imperfect (يُفعل، تُفعَّل: a
 * prefix letter, 4 to 8 letters) or a short perfect (فُعل، أُعطي: 3 to 5 letters, no long vowel or
 * ta marbuta); never the article or a participle's meem.
 */
function passiveShape(letters: string, start: number): boolean {
  const stem = letters.slice(start);
  const first = stem.charCodeAt(0);
  if (first === MEEM || first === ALEF || articleAt(letters, start) > 0 || stem.endsWith('\u0629')) return false;
  if (IMPERFECT_PREFIXES.has(first) && stem.length >= 4 && stem.length <= 8) return true;
  return stem.length >= 3 && stem.length <= 5 && !/[\u0627\u0622\u0649]/.test(stem);
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

/** Exported statistics: occurrences with shadda and files containing a form are sums over files. */
const SHADDA_TABLES: CounterTables<ShaddaStats> = { shadda: (stats) => stats.shadda, forms: (stats) => stats.formFiles };
