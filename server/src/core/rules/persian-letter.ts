// persian-letter: Persian/Urdu letter forms typed inside Arabic words (a Persian keyboard's keheh
// and Farsi yeh, Urdu heh doachashmee, ...), one finding per word. A word-final Farsi yeh may be
// Arabic yeh or alef maqsura, so that fix is offered but never applied automatically. Letters with
// no Arabic counterpart (peh, tcheh, jeh, gaf) are left alone, and so is a whole article that is
// Persian: one where at least 4% of the Arabic-script words (and 3 or more) carry such letters.
import type { Token } from '../text/tokenize';
import { codePointName, isArabicLetter } from '../text/chars';
import { surfaceKey } from '../text/normalize';
import type { Translate } from '../l10n';
import { edit, type Fix, type Rule, type RuleFinding, type TextEdit } from './rule';

const PERSIAN_KEHEH = '\u06A9';
const SWASH_KAF = '\u06AA';
const FARSI_YEH = '\u06CC';
const HEH_WITH_YEH_ABOVE = '\u06C0';
const HEH_DOACHASHMEE = '\u06BE';
const AE = '\u06D5';
const TEH_MARBUTA_GOAL = '\u06C3';

const ARABIC_KAF = '\u0643'; // ك
const ARABIC_YEH = '\u064A'; // ي
const ALEF_MAQSURA = '\u0649'; // ى
const TEH_MARBUTA = '\u0629'; // ة
const ARABIC_HEH = '\u0647'; // ه

/** Persian/Urdu letter → the Arabic letter an Arabic text uses in its place. */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  [PERSIAN_KEHEH, ARABIC_KAF],
  [SWASH_KAF, ARABIC_KAF],
  [FARSI_YEH, ARABIC_YEH],
  [HEH_WITH_YEH_ABOVE, TEH_MARBUTA],
  [HEH_DOACHASHMEE, ARABIC_HEH],
  [AE, ARABIC_HEH],
  [TEH_MARBUTA_GOAL, TEH_MARBUTA],
]);

const ANY_REPLACED = /[\u06A9\u06AA\u06CC\u06C0\u06BE\u06D5\u06C3]/;

/** Peh, tcheh, jeh, gaf: letters only Persian (and Urdu, Kurdish…) has; they mark Persian text. */
const PERSIAN_ONLY = /[\u067E\u0686\u0698\u06AF]/;
const PERSIAN_ARTICLE_RATIO = 0.04;
const PERSIAN_ARTICLE_MIN_WORDS = 3;


export const persianLetter: Rule = {
  id: 'persian-letter',
  describe: (t) => t('Persian or Urdu letter forms (keheh, Farsi yeh, heh with yeh above, heh doachashmee, ...) inside Arabic words, where Arabic uses kaf, yeh, teh marbuta or heh.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ text, tokens, t }) {
    if (!ANY_REPLACED.test(text)) return [];
    const words = tokens.filter((token) => token.kind === 'arabic');
    if (isPersianArticle(words)) return [];
    const findings: RuleFinding[] = [];
    for (const token of words) {
      const finding = checkWord(token, t);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function isPersianArticle(words: readonly Token[]): boolean {
  let persian = 0;
  for (const word of words) if (PERSIAN_ONLY.test(word.text)) persian++;
  return persian >= PERSIAN_ARTICLE_MIN_WORDS && persian >= PERSIAN_ARTICLE_RATIO * words.length;
}

function checkWord(token: Token, t: Translate): RuleFinding | undefined {
  const text = token.text;
  const edits: TextEdit[] = [];
  const letters: string[] = [];
  let finalYeh = -1;
  for (let i = 0; i < text.length; i++) {
    const replacement = REPLACEMENTS.get(text[i]);
    if (replacement === undefined) continue;
    if (!letters.includes(text[i])) letters.push(text[i]);
    if (text[i] === FARSI_YEH && isWordFinal(text, i)) finalYeh = edits.length;
    edits.push(edit(token.offset + i, 1, replacement));
  }
  if (edits.length === 0) return undefined;

  const arabic = letters.map((letter) => REPLACEMENTS.get(letter) ?? letter);
  const uses = arabic.map((letter) => t("'{0}'", letter));
  if (finalYeh >= 0) {
    const yeh = letters.indexOf(FARSI_YEH);
    uses[yeh] = hasInnerYeh(text) ? t("'{0}' (or '{1}' at the end)", ARABIC_YEH, ALEF_MAQSURA) : t("'{0}' or '{1}'", ARABIC_YEH, ALEF_MAQSURA);
  }
  const named = letters.map((letter) => t("'{0}' ({1})", letter, codePointName(letter.charCodeAt(0))));
  const message = t.plural(letters.length, "Persian letter {1} in '{2}'; Arabic uses {3}", "Persian letters {1} in '{2}'; Arabic uses {3}", named.join(t(', ')), text, uses.join(t(', ')));

  const fixes: Fix[] = [fixWith(token, edits, t)];
  if (finalYeh >= 0) {
    const withMaqsura = fixWith(token, edits.map((e, index) => (index === finalYeh ? edit(e.offset, e.length, ALEF_MAQSURA) : e)), t);
    if (isMaqsuraWord(fixedWord(token, withMaqsura.edits))) fixes.unshift(withMaqsura);
    else fixes.push(withMaqsura);
  }
  return {
    offset: token.offset,
    length: token.length,
    message,
    word: text,
    fixes,
    ...(finalYeh >= 0 ? { unsafeFixReason: t("a final '{0}' may be '{1}' or '{2}'", FARSI_YEH, ARABIC_YEH, ALEF_MAQSURA) } : {}),
  };
}

/**
 * Frequent words that end in alef maqsura. A Persian keyboard writes their final letter as ی,
 * and in real text most word-final ی are these (على, إلى, حتى…): offer the ى reading first.
 */
const MAQSURA_WORDS = new Set(
  ('على إلى الى حتى لدى متى سوى مدى أولى الأولى أخرى الأخرى كبرى الكبرى مستوى المستوى أدنى أقصى أعلى ' +
    'مصطفى موسى عيسى يحيى مستشفى المستشفى منتدى المنتدى ملتقى الملتقى معنى مبنى المبنى ذكرى الذكرى ' +
    'فتوى دعوى شكوى أسرى الأسرى قتلى القتلى جرحى الجرحى مرضى المرضى رأى يرى ترى نرى أرى أدى أجرى ' +
    'ألقى تلقى انتهى مضى سعى أبدى تبنى أعطى').split(' '),
);

function isMaqsuraWord(word: string): boolean {
  const key = surfaceKey(word);
  return MAQSURA_WORDS.has(key) || (/^[وف]/.test(key) && MAQSURA_WORDS.has(key.slice(1)));
}

function fixWith(token: Token, edits: TextEdit[], t: Translate): Fix {
  return { title: t("Replace with '{0}'", fixedWord(token, edits)), edits };
}

function fixedWord(token: Token, edits: readonly TextEdit[]): string {
  let fixed = '';
  let cursor = 0;
  for (const e of edits) {
    const at = e.offset - token.offset;
    fixed += token.text.slice(cursor, at) + e.newText;
    cursor = at + e.length;
  }
  return fixed + token.text.slice(cursor);
}

/** No Arabic letter follows: only marks, tatweel or joiners. */
function isWordFinal(word: string, index: number): boolean {
  for (let i = index + 1; i < word.length; i++) if (isArabicLetter(word.charCodeAt(i))) return false;
  return true;
}

function hasInnerYeh(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word[i] === FARSI_YEH && !isWordFinal(word, i)) return true;
  return false;
}
