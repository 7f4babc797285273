// merged-word: a token that is two (or three) words whose space was lost in scraping
// (الأممالمتحدة، يومالأحد، الجزائروفرنسا), with the split as the fix. Candidate splits into words the
// dictionary or the corpus knows are ranked by corpus frequency, the shape of the join and how often
// the corpus writes the pair spaced (Norvig-style); the most plausible split is reported only with
// evidence: the spaced form is clearly more common than the joined one, or a rare token joins two
// listed words at a telltale place (a teh marbuta or alef maqsura inside it, an article after it,
// also before an article word spelt with another hamza that the corpus uses), or, with a fix left to
// a human, listed words at any other place (before و: أشرف|وأكرم، بتحركاته|وقوته) when one of them
// is common in the corpus and the other seen (inflected words count their stem: قيمهم), with
// stricter demands on short parts, where names hide words.
// Left alone: words the dictionary, the accept list or the corpus knows, with their clitics
// (وفرنسا، بالجزائر، للأمم) or another hamza (إنقطاع); compound names written joined by convention
// (عبدالله، أبوظبي، نصرالله، الحمدلله: their spacing is a consistency question, unless the corpus
// writes the phrase spaced far more often: حفظه الله); names that hide short words (دارفور، ميركل،
// مالكولم، يوتيوبيا); Latin words and numbers; a missing space after punctuation (ماكرون.وقال, the
// spacing rule's job).
import { WordKnowledge, analyses, isClitics } from '../lexicon/words';
import { isArabicLetter, isArabicMark } from '../text/chars';
import { surfaceKey } from '../text/normalize';
import type { Token } from '../text/tokenize';
import type { WordStats } from '../corpus/words';
import type { Translate } from '../l10n';
import { edit, type Fix, type Rule, type RuleContext, type RuleFinding } from './rule';

const ARTICLE = 'ال';
const WAW = 'و';
const TEH_MARBUTA = 'ة';
const ALEF_MAQSURA = 'ى';
const MIN_LETTERS = 5;
/** Longer tokens are not words run together but garbage (a line of millions of letters): split search is quadratic. */
const MAX_LETTERS = 64;
const CONJUNCTIONS = ['و', 'ف'];
/** Spaced occurrences, in two files or more, that can show a token to be a merge. */
const MIN_SPACED = 3;
/** Corpus occurrences that make a word the dictionary lacks (a name) a word at a strong join, and at any other. */
const KNOWN_COUNT = 3;
const NAME_COUNT = 10;
/** Occurrences that the rarer part of a split needs (fewer in a small corpus, where floors scale down). */
const RARE_COUNT = 3;
/** How many times the part-frequency floor a three-letter part needs. */
const SHORT_FACTOR = 2;
/** An inflected part is supported by its stem's occurrences when the stem has three letters and the part an attached pronoun (قيمهم، وإنسانيتهم). */
const MIN_SUPPORT_STEM = 3;
const SUPPORT_PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'كن', 'نا'];
/** The vocative begins a phrase: a word ending in يا is a name (يوتيوبيا، كافيتريا), not a join before it. */
const VOCATIVE = 'يا';
/** Letters of an article word the corpus lacks that may follow a join (ال and four letters). */
const MIN_ARTICLE_NAME = 6;
/** Letters of each part (و included) from which a join before و needs only one part seen. */
const LONG_PART = 5;
/** Spaced occurrences, and times the joined ones, that make a name-like phrase (حفظه الله) a join. */
const TAIL_SPACED = 10;
/** Score cost of each part, so that a split into fewer parts wins a near tie. */
const PART_PENALTY = 2;
/** Two-letter words that may stand on either side of a join; other parts need three letters. */
const SHORT_WORDS = new Set(['في', 'من', 'عن', 'ما', 'لا', 'لم', 'لن', 'قد', 'أن', 'إن', 'أو', 'أي', 'إذ', 'هو', 'هي', 'مع', 'كل', 'ثم', 'بل', 'يا']);
/** Two-letter words after و at a join (الاتحاد|ومع، سلمان|ولي): the short words, and a few common ones that are not parts elsewhere. */
const AFTER_WAW = new Set([...SHORT_WORDS, 'هم', 'تم', 'لي']);
/** Longer function words, which often run into the next word (حتىالآن، لدىالشركة). */
const FUNCTION_WORDS = new Set([
  'على', 'إلى', 'الى', 'عند', 'لدى', 'حتى', 'منذ', 'بعد', 'قبل', 'بين', 'حول', 'دون', 'غير', 'ضد', 'عبر', 'نحو', 'نحن', 'هذا',
  'هذه', 'ذلك', 'تلك', 'التي', 'الذي', 'كان', 'كانت', 'لكن', 'بما', 'مما', 'لما', 'كما', 'لهم', 'لها', 'فيه', 'فيها', 'منه', 'عنه',
  'بأن', 'لأن', 'كأن',
]);
/** First words of names written joined by convention (عبدالله، أبوظبي، بنعطية، ذوالقعدة). */
const NAME_HEADS = ['عبد', 'أبو', 'ابو', 'أبا', 'ابا', 'أبي', 'ابي', 'بو', 'ذو', 'ذي', 'ذا', 'بن', 'ابن', 'بنت', 'أم', 'ام', 'آل', 'امرؤ'];
const NAME_HEAD_PREFIXES = ['', 'وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];
const COMPOUND_HEADS = NAME_HEAD_PREFIXES.flatMap((prefix) => NAME_HEADS.map((head) => prefix + head));
/** Last words of such names and formulas (نصرالله، نورالدين، الحمدلله). */
const NAME_TAILS = ['الله', 'لله', 'اللهم', 'الدين', 'الرحمن'];
/** الحمدلله: a formula written joined by convention, whatever the corpus does. */
const FORMULA_TAIL = 'لله';
/** How much a join's shape adds to a split's score (log-frequency units). */
const SHAPE_BONUS = { final: 4, article: 3, conjunction: 1, plain: 0 } as const;
/** Alternatives are offered while their score is this close to the best one. */
const ALTERNATIVE_MARGIN = 3;

type Shape = keyof typeof SHAPE_BONUS;

/** What shows a join: the corpus writes it spaced, its shape, or only the lexicon (a fix to check). */
type Evidence = 'spaced' | 'shape' | 'lexicon';

interface Join {
  shape: Shape;
  /** Spaced occurrences in the corpus credited to this join, and in how many files. */
  spaced: number;
  spacedFiles: number;
  evidence?: Evidence;
}

interface Split {
  /** Cut positions in the surface key. */
  cuts: number[];
  parts: string[];
  score: number;
  joins: Join[];
}

interface Settings {
  minRatio: number;
  maxCount: number;
  /** Part occurrences that the commoner part of a join without spaced evidence or a telltale shape needs. */
  weakFloor: number;
  /** Occurrences that the rarer part needs, and that a three-letter part needs. */
  rareFloor: number;
  shortFloor: number;
}

export const mergedWord: Rule = {
  id: 'merged-word',
  describe: (t) => t('Two or more words run together because a space was lost (الأممالمتحدة for الأمم المتحدة).'),
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    'min-ratio': {
      describe: (t) => t('How many times more often the corpus must write the words spaced than joined for the spaced form to be evidence.'),
      values: ['1', '2', '3', '5', '10'],
      default: '2',
    },
    'max-count': {
      describe: (t) => t('A joined form found more often than this is a word (a name, a house spelling) unless the corpus writes it spaced often enough.'),
      values: ['1', '2', '3', '5', '10'],
      default: '3',
    },
    'min-part-frequency': {
      describe: (t) => t('Occurrences per million corpus tokens that the commoner part needs when neither the spaced form nor an article or teh marbuta at the join shows the merge (the rarer part needs 3, or this floor if lower).'),
      values: ['0', '5', '10', '20', '50', '100'],
      default: '10',
    },
  },
  check(context) {
    const settings = readSettings(context);
    const knowledge = new WordKnowledge(context.corpus);
    const findings: RuleFinding[] = [];
    for (const token of context.tokens) {
      if (token.kind !== 'arabic' || token.text.length < MIN_LETTERS || token.text.length > MAX_LETTERS || knowledge.isListed(token.text)) continue;
      const finding = checkToken(token, knowledge, context.corpus.words, settings, context.t);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function readSettings({ options, corpus }: RuleContext): Settings {
  // Frequencies per million mean nothing in a small corpus: there the floors drop to zero.
  const floor = (perMillion: number) => Math.floor((perMillion * corpus.words.tokenCount) / 1e6);
  const weakFloor = floor(Number(options['min-part-frequency'] ?? 10));
  return {
    minRatio: Number(options['min-ratio'] ?? 2),
    maxCount: Number(options['max-count'] ?? 3),
    weakFloor,
    rareFloor: Math.min(RARE_COUNT, weakFloor),
    shortFloor: SHORT_FACTOR * weakFloor,
  };
}

function checkToken(token: Token, knowledge: WordKnowledge, words: WordStats, settings: Settings, t: Translate): RuleFinding | undefined {
  const key = surfaceKey(token.text);
  if (key.length < MIN_LETTERS) return undefined;
  // A recurring token can only be flagged on clear spaced evidence.
  const count = words.count(key);
  if (count > settings.maxCount && words.pairCount(key) < settings.minRatio * count) return undefined;
  // Clitics on a known word, a misspelt word (إنقطاع for انقطاع), a compound name: not this rule's business.
  if (knowledge.inLexicon(key) || knowledge.hasListedVariant(key) || isCompoundName(key, knowledge, words) || knowledge.isKnownByStem(key)) return undefined;
  const splits = rankSplits(key, Math.max(1, count), knowledge, words, settings);
  if (splits.length === 0) return undefined;
  const best = splits[0];
  const positions = letterPositions(token.text);
  const fixes = splits.filter((s) => s.score >= best.score - ALTERNATIVE_MARGIN).slice(0, 3).map((s) => fixOf(token, positions, s, t));
  const finding: RuleFinding = { offset: token.offset, length: token.length, word: token.text, message: messageOf(token.text, best, words, t), fixes };
  if (best.joins.some((j) => j.evidence === 'lexicon')) finding.unsafeFixReason = t('only the dictionary supports this split');
  return finding;
}

/** Candidate splits whose every join has evidence, most plausible first; none if the most plausible has none. */
function rankSplits(key: string, joinedCount: number, knowledge: WordKnowledge, words: WordStats, settings: Settings): Split[] {
  const candidates: Split[] = [];
  const add = (cuts: number[], parts: string[]) => {
    const joins = parts.slice(1).map((right, k) => ({ shape: shapeOf(parts[k], right), spaced: 0, spacedFiles: 0 }));
    // Norvig-style: frequent parts, a telltale shape and a spaced form in the corpus make a split plausible.
    let score = -PART_PENALTY * parts.length;
    for (const p of parts) score += Math.log(1 + partFrequency(p, words));
    joins.forEach((j, k) => (score += SHAPE_BONUS[j.shape] + Math.log(1 + spacedCount(parts[k], parts[k + 1], words))));
    candidates.push({ cuts, parts, joins, score });
  };
  const lefts: number[] = [];
  for (let i = 2; i <= key.length - 2; i++) {
    if (!isPart(key.slice(0, i), knowledge, words)) continue;
    lefts.push(i);
    if (isPart(key.slice(i), knowledge, words)) add([i], [key.slice(0, i), key.slice(i)]);
  }
  // Three words only when no two will do.
  for (const i of candidates.length === 0 ? lefts : []) {
    const right = key.slice(i);
    if (right.length < MIN_LETTERS || !knowledge.isListed(key.slice(0, i))) continue;
    for (let j = 2; j <= right.length - 2; j++) {
      const [middle, last] = [right.slice(0, j), right.slice(j)];
      if (isPart(middle, knowledge, words) && isPart(last, knowledge, words)) add([i, i + j], [key.slice(0, i), middle, last]);
    }
  }
  // A word and an article word nobody knows (a family name) only when nothing else will do.
  for (const i of candidates.length === 0 ? lefts : []) if (isArticleName(key.slice(i))) add([i], [key.slice(0, i), key.slice(i)]);
  candidates.sort((a, b) => b.score - a.score || a.parts.length - b.parts.length);
  // Spaced pairs are counted by their letters, not their cut: credit them to the best splits first.
  const credited = new Map<string, number>();
  const accepted: Split[] = [];
  for (const split of candidates) {
    const ok = split.joins.every((join, k) => {
      const [left, right] = [split.parts[k], split.parts[k + 1]];
      join.spaced = Math.max(0, spacedCount(left, right, words) - (credited.get(left + right) ?? 0));
      join.spacedFiles = Math.min(join.spaced, words.pairFileCount(left + right));
      join.evidence = evidenceOf(left, right, join, joinedCount, knowledge, words, settings);
      // Three words at once need more than the lexicon for each join.
      return join.evidence !== undefined && (split.parts.length === 2 || join.evidence !== 'lexicon');
    });
    if (!ok && accepted.length === 0) return [];
    if (!ok) continue;
    split.joins.forEach((j, k) => credited.set(split.parts[k] + split.parts[k + 1], (credited.get(split.parts[k] + split.parts[k + 1]) ?? 0) + j.spaced));
    accepted.push(split);
  }
  return accepted;
}

/** Spaced occurrences that can belong to this cut: no more than either word occurs. */
function spacedCount(left: string, right: string, words: WordStats): number {
  const pairs = words.pairCount(left + right);
  return pairs === 0 ? 0 : Math.min(pairs, words.count(left), words.count(right));
}

/** A part is a word of the lexicon or of the corpus, not a bare clitic, with three letters or a common short word. */
function isPart(part: string, knowledge: WordKnowledge, words: WordStats): boolean {
  if (part.length < 3 && !SHORT_WORDS.has(part)) return false;
  return !isClitics(part) && (knowledge.inLexicon(part) || partFrequency(part, words) >= KNOWN_COUNT || isArticleVariant(part, knowledge, words));
}

/** الاصلية، الإستهلاك، التكفيرى: an article word whose other spelling the lexicon lists and the corpus uses. */
function isArticleVariant(part: string, knowledge: WordKnowledge, words: WordStats): boolean {
  return part.startsWith(ARTICLE) && knowledge.hasListedVariant(part) && knowledge.listedVariants(part).some((v) => words.count(v) >= KNOWN_COUNT);
}

/** الزويمل، العرادي: an article word the lexicon and the corpus lack (a family name), a part only after a common word. */
function isArticleName(part: string): boolean {
  return part.startsWith(ARTICLE) && part.length >= MIN_ARTICLE_NAME && !isClitics(part);
}

/** Corpus occurrences of a part; a part with a conjunction (وفرنسا) also counts its stem's. */
function partFrequency(part: string, words: WordStats): number {
  const count = words.count(part);
  return CONJUNCTIONS.includes(part[0]) && part.length > 3 ? Math.max(count, words.count(part.slice(1))) : count;
}

function shapeOf(left: string, right: string): Shape {
  const last = left[left.length - 1];
  if (last === TEH_MARBUTA || last === ALEF_MAQSURA) return 'final';
  // After a final و the article usually belongs to وال (المغرب|والجزائر, not المغربو|الجزائر).
  if (right.startsWith(ARTICLE) && right.length >= 4 && !left.endsWith(WAW)) return 'article';
  if (right.startsWith(WAW + ARTICLE) && right.length >= 5) return 'article';
  if (right.startsWith(WAW)) return 'conjunction';
  return 'plain';
}

/** How the corpus and the lexicon support a join, if they do. */
function evidenceOf(left: string, right: string, join: Join, joinedCount: number, knowledge: WordKnowledge, words: WordStats, settings: Settings): Evidence | undefined {
  if (isNameHead(left)) return undefined;
  // A name's last word (نصرالله) only where the corpus writes the phrase spaced far more often (حفظه الله).
  if (NAME_TAILS.includes(right)) return right !== FORMULA_TAIL && isSpacedPhrase(left + right, joinedCount, words) ? 'spaced' : undefined;
  // The corpus writes the words spaced, clearly more often than joined.
  if (join.spaced >= Math.max(MIN_SPACED, settings.minRatio * joinedCount) && join.spacedFiles >= 2) return 'spaced';
  // Otherwise a rare token made of listed words, frequent enough for the shape of their join.
  if (joinedCount > settings.maxCount) return undefined;
  const [leftCount, rightCount] = [partFrequency(left, words), partFrequency(right, words)];
  const strong = join.shape === 'final' || join.shape === 'article';
  // Names the dictionary lacks (القذافي) count as words when the corpus has them: at strong joins
  // from a few occurrences, elsewhere (الحوثي|وصالح) only when common and not short.
  const isWord = (part: string, count: number) => knowledge.isListed(part) || (strong ? count >= KNOWN_COUNT : part.length >= 4 && count >= NAME_COUNT);
  if (!isWord(left, leftCount)) return undefined;
  if (!isWord(right, rightCount)) {
    // After a common listed word, an article word spelt with another hamza (ربط|الاصلية) or one the
    // corpus lacks, a family name (أيمن|الزويمل), which a human checks.
    if (join.shape !== 'article' || left.length < 4 || !knowledge.isListed(left) || leftCount < settings.weakFloor) return undefined;
    if (isArticleVariant(right, knowledge, words)) return 'shape';
    return isArticleName(right) ? 'lexicon' : undefined;
  }
  if (strong) {
    // A short article word may be a name's tail (رينالدو، بوزاليم): unless common, it needs three letters after ال.
    const shortArticle = join.shape === 'article' && right.length < 5 && !isFunctionWord(right) && rightCount < Math.max(3, settings.weakFloor);
    return shortArticle ? undefined : 'shape';
  }
  // An article with under three letters after it hides in names and loanwords (البروستات، بالمونتاج).
  if (hasShortArticleStem(left) && !isFunctionWord(left)) return undefined;
  // Inflected words count their stem's occurrences (قيمهم for قيم, وإنسانيتهم for إنسانية).
  const [leftSupport, rightSupport] = [support(left, leftCount, words), support(right, rightCount, words)];
  // Real joins have a common word on one side and a word seen elsewhere on the other; names and
  // loanwords that hide words (برادفورد، ماكنزي) seldom do, and a name when neither is seen.
  const [common, rare] = [Math.max(leftSupport, rightSupport), Math.min(leftSupport, rightSupport)];
  // Two long listed words around و (تبددت|وسيحمل) may both be rare, but one must be seen.
  const longPair = join.shape === 'conjunction' && left.length >= LONG_PART && right.length >= LONG_PART && !hasShortArticleStem(left, LONG_PART - 1);
  if (longPair ? common < settings.rareFloor || common === 0 : common === 0 || common < settings.weakFloor || rare < settings.rareFloor) return undefined;
  const joins = join.shape === 'conjunction' ? conjunctionJoin(left, right, leftCount, rightCount, settings) : plainJoin(left, right, leftCount, leftSupport, rightCount, settings);
  return joins ? 'lexicon' : undefined;
}

/**
 * A join before و (أشرف|وأكرم، بتحركاته|وقوته): many names and loanwords hide a و (النهروان، إيمانويل،
 * ريفولوري), so a short word on either side must be common: a short word after و (وهو، ومن) only
 * after a frequent word, a three-letter word only when both it and the word after are frequent.
 */
function conjunctionJoin(left: string, right: string, leftCount: number, rightCount: number, settings: Settings): boolean {
  if (right.length <= 3) return left.length >= 5 && leftCount >= settings.weakFloor && AFTER_WAW.has(right.slice(1));
  if (left.length <= 3) return right.length >= (isFunctionWord(left) ? 4 : 5) && leftCount >= settings.shortFloor && rightCount >= settings.weakFloor;
  return true;
}

/**
 * A join with no telltale shape: names hide short words (دارفور، يوروبول، ميركل), so both parts need
 * four letters, or a frequent function word or three-letter word stands before a longer word, or a
 * frequent long word before a function word or a frequent three-letter word.
 */
function plainJoin(left: string, right: string, leftCount: number, leftSupport: number, rightCount: number, settings: Settings): boolean {
  if (right === VOCATIVE) return false;
  if (left.length >= 4 && right.length >= 4) return true;
  // A short word before a longer one: a common function word (في|بيان), or a common word before a long one (حرب|مستمرة).
  if (left.length <= 3) return right.length >= (isFunctionWord(left) ? 4 : 5) && leftCount >= settings.shortFloor;
  // A short word after a long one: a function word (التجول|على; names end in two-letter ones: سابيلا،
  // مورينهو), or a common three-letter word after a common long one (الحفل|نظم; loanwords end in
  // rarer short words: الدولفين، طالبانية).
  if (isFunctionWord(right)) return leftCount >= settings.weakFloor || (right.length >= 3 && left.length >= 5 && leftSupport >= settings.rareFloor);
  return right.length === 3 && left.length >= 5 && Math.min(leftCount, rightCount) >= settings.shortFloor;
}

/** Occurrences of a part, or of its stem when it carries an attached pronoun (قيمهم، وإنسانيتهم). */
function support(part: string, count: number, words: WordStats): number {
  let best = count;
  for (const a of analyses(part)) {
    if (a.stem.length >= MIN_SUPPORT_STEM && SUPPORT_PRONOUNS.some((p) => a.suffix.endsWith(p))) best = Math.max(best, words.count(a.stem));
  }
  return best;
}

/** البر، بالم، والد: clitics and the article before fewer than three letters (the relatives التي، الذي are function words). */
function hasShortArticleStem(part: string, minStem = 3): boolean {
  const at = part.indexOf(ARTICLE);
  return at >= 0 && isClitics(part.slice(0, at + ARTICLE.length)) && part.length - at - ARTICLE.length < minStem;
}

/** في، على، حتى، وما: a function word, with or without a conjunction. */
function isFunctionWord(part: string): boolean {
  const bare = CONJUNCTIONS.includes(part[0]) && part.length > 2 ? part.slice(1) : part;
  return SHORT_WORDS.has(part) || SHORT_WORDS.has(bare) || FUNCTION_WORDS.has(part) || FUNCTION_WORDS.has(bare);
}

/** عبدالله، وأبوظبي، نصرالله: a name's first or last word (with a clitic) joined to a known word. */
function isCompoundName(key: string, knowledge: WordKnowledge, words: WordStats): boolean {
  const known = (rest: string) => rest.length >= 2 && (knowledge.inLexicon(rest) || words.count(rest) >= KNOWN_COUNT);
  if (COMPOUND_HEADS.some((head) => key.startsWith(head) && known(key.slice(head.length)))) return true;
  const tail = NAME_TAILS.find((t) => key.endsWith(t) && known(key.slice(0, -t.length)));
  return tail !== undefined && (tail === FORMULA_TAIL || !isSpacedPhrase(key, Math.max(1, words.count(key)), words));
}

/** The corpus writes the letters as two words far more often than joined (حفظه الله, not حفظهالله). */
function isSpacedPhrase(key: string, joinedCount: number, words: WordStats): boolean {
  const spaced = words.pairCount(key);
  return spaced >= TAIL_SPACED && spaced >= TAIL_SPACED * joinedCount && words.pairFileCount(key) >= MIN_SPACED;
}

/** عبد، لعبد، وأبو: a name's first word, with or without a conjunction or preposition. */
function isNameHead(left: string): boolean {
  return NAME_HEAD_PREFIXES.some((p) => left.startsWith(p) && NAME_HEADS.includes(left.slice(p.length)));
}

function messageOf(text: string, split: Split, words: WordStats, t: Translate): string {
  let why: string;
  if (split.joins.every((j) => j.spaced > 0)) {
    why = split.joins
      .map((j, k) => t('"{0}" occurs {1} in {2}', `${split.parts[k]} ${split.parts[k + 1]}`, times(j.spaced, t), t.plural(j.spacedFiles, '{0} file', '{0} files')))
      .join(t('; '));
  } else {
    const parts = split.parts.map((p) => t('"{0}" ({1})', p, times(partFrequency(p, words), t)));
    const listed = parts.join(t(' and '));
    why = t.plural(parts.length, "{1} is a word, '{2}' is not", "{1} are words, '{2}' is not", listed, text);
  }
  return t("Words run together: '{0}' for '{1}'; {2}", text, split.parts.join(' '), why);
}

function times(n: number, t: Translate): string {
  return n === 0 ? t('not elsewhere') : t.plural(n, 'once', '{0} times');
}

/** Where each letter of a token is in its text (the surface key drops harakat, tatweel, joiners). */
function letterPositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (isArabicLetter(text.charCodeAt(i))) positions.push(i);
  return positions;
}

/** Inserts a space at each cut, replacing any tatweel or joiner there; harakat stay with their letter. */
function fixOf(token: Token, positions: readonly number[], split: Split, t: Translate): Fix {
  const edits = split.cuts.map((cut) => {
    let start = positions[cut - 1] + 1;
    while (start < positions[cut] && isArabicMark(token.text.charCodeAt(start))) start++;
    return edit(token.offset + start, positions[cut] - start, ' ');
  });
  return { title: t("Split into '{0}'", split.parts.join(' ')), edits };
}
