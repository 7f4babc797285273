// A single pass over UTF-16 code units that splits an article into tokens. Every code unit
// belongs to exactly one token, so tokens round-trip to the text. Surrogate pairs stay whole.
import {
  isArabicLetter,
  isArabicWordPart,
  isCombiningMark,
  isDigit,
  isHighSurrogate,
  isInlineSpace,
  isLatinLetter,
  isLineBreak,
  isLowSurrogate,
} from './chars';

export type TokenKind =
  | 'arabic' // a run of Arabic letters, marks, tatweel and joiners
  | 'latin' // a run of Latin letters (and combining marks)
  | 'number' // digits, with separators between digits (3,5 / 1.000 / ٣٫٥)
  | 'space' // horizontal whitespace
  | 'newline' // \n, \r\n or \r
  | 'url' // http(s)://… or www.… up to whitespace
  | 'other'; // one punctuation mark, symbol, emoji or anything else

export interface Token {
  kind: TokenKind;
  offset: number;
  length: number;
  text: string;
}

const URL_START = /^(?:https?:\/\/|www\.)/i;
const DIGIT_SEPARATORS = new Set([0x2c, 0x2e, 0x066b, 0x066c, 0x2f, 0x3a]); // , . ٫ ٬ / :

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let start = 0; start < text.length; ) {
    const next = scanToken(text, start);
    const end = tokenEnd(next);
    tokens.push({ kind: KINDS[next & KIND_MASK], offset: start, length: end - start, text: text.slice(start, end) });
    start = end;
  }
  return tokens;
}

/** Token kinds as small integers (tokenKind), for scanners that build no Token objects (see arabic-words.ts). */
export const ARABIC_TOKEN = 0;
export const LATIN_TOKEN = 1;
export const NUMBER_TOKEN = 2;
export const SPACE_TOKEN = 3;
export const NEWLINE_TOKEN = 4;
export const URL_TOKEN = 5;
export const OTHER_TOKEN = 6;
const KINDS: readonly TokenKind[] = ['arabic', 'latin', 'number', 'space', 'newline', 'url', 'other'];
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;

/** The kind of a scanToken result. */
export function tokenKind(next: number): number {
  return next & KIND_MASK;
}

/** The end offset of a scanToken result. */
export function tokenEnd(next: number): number {
  return Math.floor(next / (1 << KIND_BITS));
}

/**
 * The token starting at `start`, as its end offset and kind in one number (tokenEnd, tokenKind):
 * tokenize and the word scan share this one definition of a token, and neither allocates for it.
 */
export function scanToken(text: string, start: number): number {
  const length = text.length;
  let i = start;
  const code = text.charCodeAt(i);
  let kind: number;
  if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
    i += 2;
    kind = NEWLINE_TOKEN;
  } else if (isLineBreak(code)) {
    i++;
    kind = NEWLINE_TOKEN;
  } else if (isInlineSpace(code)) {
    while (i < length && isInlineSpace(text.charCodeAt(i))) i++;
    kind = SPACE_TOKEN;
  } else if ((code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57) && URL_START.test(text.slice(i, i + 8))) {
    while (i < length && !isInlineSpace(text.charCodeAt(i)) && !isLineBreak(text.charCodeAt(i))) i++;
    kind = URL_TOKEN;
  } else if (isArabicWordPart(code) && (isArabicLetter(code) || startsArabicWord(text, i))) {
    while (i < length && isArabicWordPart(text.charCodeAt(i))) i++;
    kind = ARABIC_TOKEN;
  } else if (isLatinLetter(code)) {
    while (i < length && (isLatinLetter(text.charCodeAt(i)) || isCombiningMark(text.charCodeAt(i)))) i++;
    kind = LATIN_TOKEN;
  } else if (isDigit(code)) {
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) i++;
      else if (DIGIT_SEPARATORS.has(c) && isDigit(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    kind = NUMBER_TOKEN;
  } else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < length && isCombiningMark(text.charCodeAt(i))) i++;
    kind = OTHER_TOKEN;
  } else {
    i++;
    while (i < length && isCombiningMark(text.charCodeAt(i)) && !isArabicWordPart(text.charCodeAt(i))) i++;
    kind = OTHER_TOKEN;
  }
  return i * (1 << KIND_BITS) + kind;
}

/** A mark, tatweel or joiner starts an Arabic token only when an Arabic letter follows in the run. */
function startsArabicWord(text: string, index: number): boolean {
  for (let i = index; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isArabicLetter(code)) return true;
    if (!isArabicWordPart(code)) return false;
  }
  return false;
}

export function isWord(token: Token): boolean {
  return token.kind === 'arabic' || token.kind === 'latin';
}

/** Index of the nearest token before `index` that is not a space, on the same line. */
export function previousOnLine(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (tokens[i].kind === 'newline') return -1;
    if (tokens[i].kind !== 'space') return i;
  }
  return -1;
}

/** Index of the nearest token after `index` that is not a space, on the same line. */
export function nextOnLine(tokens: readonly Token[], index: number): number {
  for (let i = index + 1; i < tokens.length; i++) {
    if (tokens[i].kind === 'newline') return -1;
    if (tokens[i].kind !== 'space') return i;
  }
  return -1;
}
