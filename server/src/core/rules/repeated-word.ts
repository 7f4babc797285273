// repeated-word: the same Arabic or Latin word twice in a row on one line with only spaces between
// (في في), compared without diacritics or tatweel. Left alone, because real text does them on
// purpose: numbers; reduplications listed below (رويدًا رويدًا، ولي ولي العهد، لا لا، that that);
// runs of three or more (طق طق طق) and two repetitions close together (الخليجي الخليجي والعربي
// العربي); spelled-out letters and initials (سي إن إن، بي بي سي، ق ق ج); short quoted titles
// and speech («قوي قوي يا أستاذ»); and "X is no longer X" (لم تعد بغداد بغداد).
import { isArabicMark } from '../text/chars';
import { surfaceKey } from '../text/normalize';
import type { Token } from '../text/tokenize';
import { edit, type Rule, type RuleFinding } from './rule';

const TANWEEN_FATH = 0x064b;
const WAW = '\u0648';
const ARTICLE = '\u0627\u0644'; // ال
const ALEF = '\u0627';

/**
 * Reduplications that are good Arabic or English, by lookup key (surface key with bare alef, so
 * رويداً, رويدًا and رويدا are one entry). Other words with tanween are not exempt: أيضاً أيضاً is a slip.
 */
const REDUPLICATIONS = keySet([
  // adverbs: little by little, slowly, very very, far far, never ever, one by one, step by step
  'رويدا', 'شيئا', 'قليلا', 'جدا', 'بعيدا', 'كثيرا', 'سريعا', 'أبدا', 'واحدا', 'خطوة', 'حرفا',
  'كلمة', 'يوما', 'بيتا', 'شبرا', 'ذراعا', 'حجرا', 'سطرا', 'صفا', 'دكا',
  // answers and interjections repeated for emphasis
  'نعم', 'لا', 'كلا', 'مرحبا', 'أهلا', 'هيهات', 'حذار', 'آه', 'ها', 'باي', 'وجدتها',
  // chains: ولي ولي العهد (deputy crown prince), ابن ابن (grandson), هو هو (the very same),
  // صواريخ أرض أرض (surface-to-surface)
  'ولي', 'ابن', 'بنت', 'هو', 'هي', 'هم', 'هما', 'أرض',
  'that', 'had',
]);

/** Latin letters spelled in Arabic, as in سي إن إن (CNN) and بي بي سي (BBC). */
const LETTER_NAMES = keySet([
  'إيه', 'بي', 'سي', 'دي', 'إي', 'إف', 'جي', 'إتش', 'آي', 'جيه', 'كيه', 'كا', 'إل', 'أل', 'إم',
  'كيو', 'آر', 'إس', 'تي', 'يو', 'دبليو', 'إكس', 'واي', 'زد',
]);
/** Letter names that are also common Arabic words: skipped only next to another letter name. */
const AMBIGUOUS_LETTER_NAMES = keySet(['أي', 'كي', 'أم', 'إن', 'أن', 'أو', 'في']);

/** مع من من المرشحين (with whom among): من من after a preposition; elsewhere it is a slip. */
const MAN = '\u0645\u0646';
const PREPOSITIONS = keySet(['مع', 'إلى', 'عن', 'على', 'في', 'عند', 'لدى']);

/** "X is no longer X": a negated copula before the pair (لم تعد، لن يظل، ما عادت), or ليس. */
const COPULAS = keySet(['تعد', 'يعد', 'تعود', 'يعود', 'تظل', 'يظل', 'ظلت', 'ظل', 'تبقى', 'يبقى', 'بقيت', 'بقي', 'عادت', 'عاد']);
const NEGATIONS = keySet(['لم', 'لن', 'ما', 'لا']);
const NEGATIVE_COPULAS = keySet(['ليس', 'ليست']);
const CONJUNCTIONS = ['\u0648', '\u0641']; // و ف, as in ولم and فلن

/** Quotation marks and brackets; the straight quote both opens and closes. */
const OPENING_QUOTES = ['\u00AB', '\u201C', '"', '('];
const CLOSING_QUOTES = ['\u00BB', '\u201D', '"', ')'];
const SHORT_QUOTE_WORDS = 4;

/** Two repeated pairs whose first words are at most this many tokens apart are a figure of style. */
const PARALLEL_WINDOW = 16;

/** Token indexes of the two words. */
interface Pair {
  first: number;
  second: number;
}

export const repeatedWord: Rule = {
  id: 'repeated-word',
  describe: (t) => t('The same word twice in a row (في في), usually an editing slip.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ tokens, t }) {
    const pairs: Pair[] = [];
    const echoes: number[] = [];
    for (let i = 0; i + 2 < tokens.length; i++) {
      const first = tokens[i];
      if (!isWord(first) || tokens[i + 1].kind !== 'space' || tokens[i + 2].kind !== first.kind) continue;
      const second = tokens[i + 2].text;
      if (!sameKey(first.text, 0, second, 0)) {
        // والعربي العربي, نبغى ونبغى: not reported, but they make a nearby pair a parallel
        if (first.text[0] === WAW ? sameKey(first.text, 1, second, 0) : second[0] === WAW && sameKey(first.text, 0, second, 1)) echoes.push(i);
        continue;
      }
      const key = surfaceKey(first.text);
      let end = i + 2; // a run of three or more (x x x) is skipped whole
      while (tokens[end + 1]?.kind === 'space' && tokens[end + 2]?.kind === first.kind && surfaceKey(tokens[end + 2].text) === key) end += 2;
      if (end === i + 2 && !isDeliberate(tokens, i, key)) pairs.push({ first: i, second: end });
      i = end - 1;
    }
    const findings: RuleFinding[] = [];
    for (const pair of pairs) {
      if (hasParallel(tokens, [...pairs.map((p) => p.first), ...echoes], pair.first)) continue;
      const second = tokens[pair.second];
      const space = tokens[pair.second - 1];
      findings.push({
        offset: second.offset,
        length: second.length,
        message: t("Repeated word '{0}'", second.text),
        word: second.text,
        fixes: [{ title: t("Remove the second '{0}'", second.text), edits: [edit(space.offset, second.offset + second.length - space.offset, '')] }],
      });
    }
    return findings;
  },
};

function isDeliberate(tokens: readonly Token[], first: number, key: string): boolean {
  if (isListed(tokens[first].text, key) || inShortQuote(tokens, first)) return true;
  const before = neighbourWord(tokens, first, -1);
  const after = neighbourWord(tokens, first + 2, 1);
  const beforeKey = before < 0 ? '' : surfaceKey(tokens[before].text);
  const afterKey = after < 0 ? '' : surfaceKey(tokens[after].text);
  const lookup = lookupKey(key);
  if (LETTER_NAMES.has(lookup)) return true;
  // سي إن إن (CNN), بي كي كي (PKK): a letter name that is also a word needs another letter name
  if (AMBIGUOUS_LETTER_NAMES.has(lookup) && (isLetterName(beforeKey) || isLetterName(afterKey))) return true;
  // ق ق ج, ش أ أ: initials
  if (isSingleLetter(key) && (isSingleLetter(beforeKey) || isSingleLetter(afterKey) || isLetterName(beforeKey) || isLetterName(afterKey))) return true;
  if (key === MAN && PREPOSITIONS.has(lookupKey(beforeKey))) return true;
  // كاتب وكاتب وكاتب: a run with the conjunction
  if (key.startsWith(WAW) && beforeKey === key.slice(1)) return true;
  return key.length > 2 && isNegatedCopula(tokens, before);
}

function isNegatedCopula(tokens: readonly Token[], index: number): boolean {
  if (index < 0) return false;
  const key = lookupKey(surfaceKey(tokens[index].text));
  if (NEGATIVE_COPULAS.has(key)) return true;
  const negation = neighbourWord(tokens, index, -1);
  if (!COPULAS.has(key) || negation < 0) return false;
  const negationKey = lookupKey(surfaceKey(tokens[negation].text));
  return NEGATIONS.has(negationKey) || (CONJUNCTIONS.includes(negationKey[0]) && NEGATIONS.has(negationKey.slice(1)));
}

/** In the list, also when written with tanween but without its alef (شيئً for شيئاً). */
function isListed(word: string, key: string): boolean {
  const lookup = lookupKey(key);
  return REDUPLICATIONS.has(lookup) || (endsWithTanweenFath(word) && !lookup.endsWith(ALEF) && REDUPLICATIONS.has(lookup + ALEF));
}

/** Another repetition on the same line, close by: الخليجي الخليجي، والعربي العربي. */
function hasParallel(tokens: readonly Token[], starts: readonly number[], start: number): boolean {
  return starts.some((other) => {
    if (other === start || Math.abs(other - start) > PARALLEL_WINDOW) return false;
    for (let i = Math.min(other, start); i < Math.max(other, start); i++) if (tokens[i].kind === 'newline') return false;
    return true;
  });
}

/**
 * Inside a short quotation or parenthesis on one line («قوي قوي يا أستاذ», (طاق طاق طاقية)): the
 * title of a song, game or slogan, or quoted speech, where repetition is the author's.
 */
function inShortQuote(tokens: readonly Token[], first: number): boolean {
  const opens = (i: number) => OPENING_QUOTES.includes(tokens[i].text);
  const closes = (i: number) => CLOSING_QUOTES.includes(tokens[i].text);
  let open = -1;
  for (let i = first - 1, words = 0; i >= 0 && words <= SHORT_QUOTE_WORDS; i--) {
    if (opens(i)) {
      open = i;
      break;
    }
    if (tokens[i].kind === 'newline' || closes(i)) return false;
    if (isWord(tokens[i])) words++;
  }
  if (open < 0) return false;
  for (let i = first + 3, words = 0; i < tokens.length && words <= SHORT_QUOTE_WORDS; i++) {
    if (tokens[i].kind === 'newline') return false;
    if (closes(i)) return true;
    if (isWord(tokens[i])) words++;
  }
  return false;
}

/** Index of the word next to `index` in direction `step`, across one space, dot or hyphen; or -1. */
function neighbourWord(tokens: readonly Token[], index: number, step: 1 | -1): number {
  let i = index + step;
  const between = tokens[i];
  if (between && (between.kind === 'space' || between.text === '.' || between.text === '-')) i += step;
  return tokens[i] && isWord(tokens[i]) ? i : -1;
}

/** An unambiguous spelled Latin letter, السي too. */
function isLetterName(key: string): boolean {
  return LETTER_NAMES.has(lookupKey(key.startsWith(ARTICLE) && key.length > 3 ? key.slice(2) : key));
}

function isSingleLetter(key: string): boolean {
  return key.length === 1 && key >= '\u0621' && key <= '\u064A';
}

/**
 * Whether `a` from `i` and `b` from `j` have the same surface key, compared in place (most pairs
 * of neighbouring words differ, and building keys for all of them is slow).
 */
function sameKey(a: string, i: number, b: string, j: number): boolean {
  for (;;) {
    while (i < a.length && isRemovable(a.charCodeAt(i))) i++;
    while (j < b.length && isRemovable(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    const ca = a.charCodeAt(i++);
    const cb = b.charCodeAt(j++);
    if (ca !== cb && (ca >= 0x0600 || cb >= 0x0600 || a[i - 1].toLowerCase() !== b[j - 1].toLowerCase())) return false;
  }
}

/** What `surfaceKey` drops: marks, tatweel, joiners. Plain Arabic letters are decided quickly. */
function isRemovable(code: number): boolean {
  if (code < 0x0610 || (code >= 0x0621 && code <= 0x063a) || (code >= 0x0641 && code <= 0x064a)) return false;
  return code === 0x0640 || code === 0x200c || code === 0x200d || isArabicMark(code);
}

function isWord(token: Token): boolean {
  return token.kind === 'arabic' || token.kind === 'latin';
}

/** The surface key with hamzated and madda alefs made bare, so أرض and ارض look the same up. */
function lookupKey(key: string): string {
  return key.replace(/[\u0622\u0623\u0625]/g, '\u0627');
}

function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((word) => lookupKey(surfaceKey(word))));
}

function endsWithTanweenFath(word: string): boolean {
  for (let i = word.length - 1; i >= 0; i--) {
    const code = word.charCodeAt(i);
    if (code === TANWEEN_FATH) return true;
    if (!isArabicMark(code)) return false;
  }
  return false;
}
