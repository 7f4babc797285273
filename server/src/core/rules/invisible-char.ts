// invisible-char: zero-width characters and bidi controls (INVISIBLE_NAMES), one finding per run.
// Leaves alone the byte-order mark at offset 0 and a ZWJ inside an emoji sequence. The fix removes
// the run; a ZWSP or word joiner between two letters becomes a space (not after a one-letter
// proclitic و ف ب ل ك), and a mark splitting a number gets no safe fix (digits may be reversed).
import { codePointName, INVISIBLE_NAMES, isArabicLetter, isCombiningMark, isDigit, isHighSurrogate, isLatinLetter, isLowSurrogate } from '../text/chars';
import type { Translate } from '../l10n';
import { edit, type Rule, type RuleFinding } from './rule';

const BOM_CODE = 0xfeff;
const ZWSP_CODE = 0x200b;
const ZWJ_CODE = 0x200d;
const WORD_JOINER_CODE = 0x2060;
const VARIATION_SELECTOR_16 = 0xfe0f;
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const OTHER_LETTER = /\p{L}/u;

export const invisibleChar: Rule = {
  id: 'invisible-char',
  describe: (t) => t('Zero-width characters and bidirectional controls hidden in the text.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ text, t }) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!mayBeInvisible(code) || !INVISIBLE_NAMES.has(code) || (i === 0 && code === BOM_CODE)) continue;
      let end = i + 1;
      while (end < text.length && INVISIBLE_NAMES.has(text.charCodeAt(end))) end++;
      const start = i;
      i = end - 1;
      if (isEmojiJoiner(text, start, end)) continue;
      const spaced = needsSpace(text, start, end);
      findings.push({
        offset: start,
        length: end - start,
        message: describe(text.slice(start, end), t),
        ...(splitsNumber(text, start, end) ? { unsafeFixReason: t('it splits a number, whose digits the scraper may have reversed (4.3 for 3.4): check the number by hand') } : {}),
        fixes: [
          {
            title: spaced ? t('Replace with a space') : end - start === 1 ? t('Remove the invisible character') : t('Remove the invisible characters'),
            edits: [edit(start, end - start, spaced ? ' ' : '')],
          },
        ],
      });
    }
    return findings;
  },
};

/** A mark between the separator and the digits of a number (4.X3 for 3.4) often betrays reversed digits. */
function splitsNumber(text: string, start: number, end: number): boolean {
  const separator = text.charCodeAt(start - 1);
  return (separator === 0x2e || separator === 0x2c || separator === 0x066b) && isDigit(text.charCodeAt(start - 2)) && isDigit(text.charCodeAt(end));
}

/** A cheap range test that covers every code point of INVISIBLE_NAMES, so Arabic letters skip the map. */
function mayBeInvisible(code: number): boolean {
  return code === 0x00ad || code === 0x061c || (code >= 0x200b && code <= 0x2069) || code === BOM_CODE;
}

function describe(run: string, t: Translate): string {
  if (run.length === 1) return t('Invisible {0}', nameOf(run.charCodeAt(0), t));
  const counts = new Map<number, number>();
  for (let i = 0; i < run.length; i++) counts.set(run.charCodeAt(i), (counts.get(run.charCodeAt(i)) ?? 0) + 1);
  const names = [...counts].map(([code, count]) => (count > 1 ? `${nameOf(code, t)} ×${count}` : nameOf(code, t)));
  return t.plural(run.length, '{0} invisible character: {1}', '{0} invisible characters: {1}', names.join(t(', ')));
}

/** The character's name (the Unicode name in English, a description in Arabic) and code point. */
function nameOf(code: number, t: Translate): string {
  const name = INVISIBLE_NAMES.get(code);
  return `${name === undefined ? t('character') : localName(code, name, t)} (${codePointName(code)})`;
}

/** Unicode names are English; other languages describe the character. */
function localName(code: number, name: string, t: Translate): string {
  if (t.locale === 'en') return name;
  switch (code) {
    case 0x00ad: return t('SOFT HYPHEN');
    case 0x061c: return t('ARABIC LETTER MARK');
    case 0x200b: return t('ZERO WIDTH SPACE');
    case 0x200c: return t('ZERO WIDTH NON-JOINER');
    case 0x200d: return t('ZERO WIDTH JOINER');
    case 0x200e: return t('LEFT-TO-RIGHT MARK');
    case 0x200f: return t('RIGHT-TO-LEFT MARK');
    case 0x202a: return t('LEFT-TO-RIGHT EMBEDDING');
    case 0x202b: return t('RIGHT-TO-LEFT EMBEDDING');
    case 0x202c: return t('POP DIRECTIONAL FORMATTING');
    case 0x202d: return t('LEFT-TO-RIGHT OVERRIDE');
    case 0x202e: return t('RIGHT-TO-LEFT OVERRIDE');
    case 0x2060: return t('WORD JOINER');
    case 0x2066: return t('LEFT-TO-RIGHT ISOLATE');
    case 0x2067: return t('RIGHT-TO-LEFT ISOLATE');
    case 0x2068: return t('FIRST STRONG ISOLATE');
    case 0x2069: return t('POP DIRECTIONAL ISOLATE');
    case 0xfeff: return t('ZERO WIDTH NO-BREAK SPACE (BOM)');
    default: return name;
  }
}

/** A lone ZWJ between two emoji builds one glyph (family, profession, flag sequences). */
function isEmojiJoiner(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || text.charCodeAt(start) !== ZWJ_CODE) return false;
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  return (isLowSurrogate(before) || before === VARIATION_SELECTOR_16 || isSymbol(before)) && (isHighSurrogate(after) || isSymbol(after));
}

/** Miscellaneous symbols and dingbats (♀ ❤ ✈), which take part in emoji sequences. */
function isSymbol(code: number): boolean {
  return code >= 0x2600 && code <= 0x27bf;
}

/** A run of only ZWSP / word joiners between two letters separates words: keep a space there. */
function needsSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== ZWSP_CODE && code !== WORD_JOINER_CODE) return false;
  }
  let before = start - 1;
  while (before >= 0 && isCombiningMark(text.charCodeAt(before))) before--;
  if (before < 0 || !isLetter(text.charCodeAt(before)) || !isLetter(text.charCodeAt(end))) return false;
  let earlier = before - 1;
  while (earlier >= 0 && isCombiningMark(text.charCodeAt(earlier))) earlier--;
  const isOneLetterWord = earlier < 0 || !isLetter(text.charCodeAt(earlier));
  return !(isOneLetterWord && PROCLITICS.has(text[before]));
}

function isLetter(code: number): boolean {
  if (Number.isNaN(code)) return false;
  return isArabicLetter(code) || isLatinLetter(code) || (code >= 0x80 && OTHER_LETTER.test(String.fromCharCode(code)));
}
