// Named characters and character classes. Invisible and look-alike characters are
// never written as bare literals in this codebase: use these names.

export const BOM = '\uFEFF';
export const TATWEEL = '\u0640';
export const NBSP = '\u00A0';
export const NARROW_NBSP = '\u202F';
export const FIGURE_SPACE = '\u2007';
export const SOFT_HYPHEN = '\u00AD';
export const ZWSP = '\u200B';
export const ZWNJ = '\u200C';
export const ZWJ = '\u200D';
export const LRM = '\u200E';
export const RLM = '\u200F';
export const ALM = '\u061C';
export const WORD_JOINER = '\u2060';

export const ARABIC_COMMA = '\u060C'; // ،
export const ARABIC_SEMICOLON = '\u061B'; // ؛
export const ARABIC_QUESTION_MARK = '\u061F'; // ؟

/** Invisible formatting characters, with the names used in messages. */
export const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (BOM)'],
]);

export function isInvisible(code: number): boolean {
  return INVISIBLE_NAMES.has(code);
}

/** Arabic-script letters, including Persian/Urdu additions and presentation forms. */
export function isArabicLetter(code: number): boolean {
  if (code >= ARABIC_BLOCK && code < ARABIC_BLOCK_END) return (ARABIC_BLOCK_CLASSES[code - ARABIC_BLOCK] & LETTER) !== 0;
  return arabicLetterByRange(code);
}

/** Harakat, tanween, shadda, sukun, superscript alef and Quranic marks: they sit inside words. */
export function isArabicMark(code: number): boolean {
  if (code >= ARABIC_BLOCK && code < ARABIC_BLOCK_END) return (ARABIC_BLOCK_CLASSES[code - ARABIC_BLOCK] & MARK) !== 0;
  return arabicMarkByRange(code);
}

function arabicLetterByRange(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x063f) ||
    (code >= 0x0641 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x066f) ||
    (code >= 0x0671 && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x06ee && code <= 0x06ef) ||
    (code >= 0x06fa && code <= 0x06fc) ||
    code === 0x06ff ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08c9) ||
    (code >= 0xfb50 && code <= 0xfdfb) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

function arabicMarkByRange(code: number): boolean {
  return (
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06dc) ||
    (code >= 0x06df && code <= 0x06e8) ||
    (code >= 0x06ea && code <= 0x06ed) ||
    (code >= 0x08ca && code <= 0x08ff)
  );
}

// The Arabic block (U+0600–U+06FF) holds almost every code unit of an article's words: its classes
// come from a table, built from the ranges above, rather than a dozen comparisons per code unit.
const ARABIC_BLOCK = 0x0600;
const ARABIC_BLOCK_END = 0x0700;
const LETTER = 1;
const MARK = 2;
const WORD_PART = 4;
const ARABIC_BLOCK_CLASSES: Uint8Array = (() => {
  const table = new Uint8Array(ARABIC_BLOCK_END - ARABIC_BLOCK);
  for (let code = ARABIC_BLOCK; code < ARABIC_BLOCK_END; code++) {
    const letter = arabicLetterByRange(code);
    const mark = arabicMarkByRange(code);
    table[code - ARABIC_BLOCK] = (letter ? LETTER : 0) | (mark ? MARK : 0) | (letter || mark || code === 0x0640 ? WORD_PART : 0);
  }
  return table;
})();

export function isTatweel(code: number): boolean {
  return code === 0x0640;
}

/** Characters that may appear inside an Arabic word without ending it. */
export function isArabicWordPart(code: number): boolean {
  if (code >= ARABIC_BLOCK && code < ARABIC_BLOCK_END) return (ARABIC_BLOCK_CLASSES[code - ARABIC_BLOCK] & WORD_PART) !== 0;
  return arabicLetterByRange(code) || arabicMarkByRange(code) || code === 0x200c || code === 0x200d;
}

const LATIN_LETTER = /\p{Script=Latin}/u;
const COMBINING_MARK = /\p{M}/u;

export function isLatinLetter(code: number): boolean {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  if (code < 0xc0) return false;
  return LATIN_LETTER.test(String.fromCharCode(code));
}

/** Any combining mark (Unicode category M), e.g. U+0301 after a Latin letter. */
export function isCombiningMark(code: number): boolean {
  if (code < 0x0300) return false;
  return isArabicMark(code) || COMBINING_MARK.test(String.fromCharCode(code));
}

export type DigitSystem = 'western' | 'arabic-indic' | 'persian';

export function digitSystem(code: number): DigitSystem | undefined {
  if (code >= 0x30 && code <= 0x39) return 'western';
  if (code >= 0x0660 && code <= 0x0669) return 'arabic-indic';
  if (code >= 0x06f0 && code <= 0x06f9) return 'persian';
  return undefined;
}

export function isDigit(code: number): boolean {
  return digitSystem(code) !== undefined;
}

export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0;
  return -1;
}

export const DIGIT_ZERO: Readonly<Record<DigitSystem, number>> = {
  western: 0x30,
  'arabic-indic': 0x0660,
  persian: 0x06f0,
};

/** Horizontal whitespace inside a line (not line breaks). */
export function isInlineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x202f || code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

export function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
