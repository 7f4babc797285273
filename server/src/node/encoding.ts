// Tells which encoding a text file that is not UTF-8 is in, among those scraped Arabic corpora
// come in: UTF-16 LE/BE (with or without a byte-order mark), Windows-1256 and ISO-8859-6.
// No general-purpose detector is used: measured on Arabic samples (test/cli/encoding.test.ts),
// chardet and jschardet confuse the two Arabic code pages with each other and with other
// single-byte code pages, while a few facts settle it here:
//   1. a byte-order mark, or valid UTF-8 (pure ASCII included), decides at once;
//   2. UTF-16 without BOM: the high byte of each code unit takes few values (0x00 for spaces,
//      digits and newlines, 0x06 for Arabic letters), the low byte is almost never NUL;
//   3. single byte: both Arabic code pages share the letters from hamza to dad (0xC1–0xD6) but
//      place the rest differently. Each is decoded and scored by Arabic letter frequencies; a byte
//      ISO-8859-6 leaves undefined rules it out, and Latin letters inside Arabic words (what
//      ISO-8859-6 text looks like read as Windows-1256: lam becomes ä) count heavily against.
// Text that is mostly valid UTF-8 with a few bad bytes is not called anything else: converting
// it would garble the good part.
import iconv = require('iconv-lite');

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

export interface Detection {
  /** The detected encoding, or undefined when the bytes fit none of the known ones. */
  encoding?: Encoding;
  /** Whether the bytes start with a byte-order mark of that encoding. */
  bom: boolean;
}

/** How each encoding is named to people. */
export const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': 'Windows-1256',
  'iso-8859-6': 'ISO-8859-6',
};

/** Bytes looked at for the statistics (the UTF-8 check covers the whole file). */
const SAMPLE = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function detectEncoding(bytes: Uint8Array): Detection {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  const utf16 = detectUtf16(bytes);
  if (utf16) return utf16;
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: false };
  return detectLegacy(bytes);
}

/** UTF-16 by its byte-order mark or by the pattern of its bytes; undefined when it is not. */
export function detectUtf16(bytes: Uint8Array): Detection | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const encoding = utf16WithoutBom(bytes);
  return encoding && { encoding, bom: false };
}

/** For bytes known not to be UTF-8 nor UTF-16: an Arabic code page, or nothing known. */
export function detectLegacy(bytes: Uint8Array): Detection {
  if (mostlyUtf8(bytes)) return { bom: false };
  return { encoding: singleByteArabic(bytes.subarray(0, SAMPLE)), bom: false };
}

/** Encodes `text` back in `encoding` (to check that a conversion loses nothing). */
export function encodeAs(text: string, encoding: Encoding, bom: boolean): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

/** Decodes `bytes` in `encoding`, without the byte-order mark. */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without BOM, judged by where the NUL bytes and the repeated high bytes fall. */
function utf16WithoutBom(all: Uint8Array): Encoding | undefined {
  const bytes = all.subarray(0, Math.min(all.length, SAMPLE) & ~1);
  if (bytes.length < 4) return undefined;
  // Most files have neither NULs nor the high bytes of U+0100–U+07FF: skip counting.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (![0, 1, 2, 3, 4, 5, 6, 7].some((b) => buffer.includes(b))) return undefined;
  const le = highByteShare(bytes, 1);
  const be = highByteShare(bytes, 0);
  const pick = le.score > be.score ? { encoding: 'utf-16le' as const, side: le, other: be } : { encoding: 'utf-16be' as const, side: be, other: le };
  if (pick.side.score < 0.9 || pick.other.nuls > 0.01) return undefined;
  // Text has spaces or line breaks (a NUL high byte); without any, a single script's block will do
  // as long as the other side does not look the same (ASCII control characters would).
  if (pick.side.nuls < 0.03 && !(pick.side.dominant >= 0x01 && pick.side.dominant <= 0x07 && pick.other.score < 0.5)) return undefined;
  const text = iconv.decode(buffer, pick.encoding);
  // Lone surrogates or C0 controls other than whitespace would not be text.
  return /[\uD800-\uDFFF]|[\u0000-\u0008\u000E-\u001F]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')) ? undefined : pick.encoding;
}

/** Share of NULs, and of NULs plus the commonest other value, at one parity of byte positions. */
function highByteShare(bytes: Uint8Array, parity: 0 | 1): { score: number; nuls: number; dominant: number } {
  const counts = new Uint32Array(256);
  let n = 0;
  for (let i = parity; i < bytes.length; i += 2, n++) counts[bytes[i]]++;
  let dominant = 1;
  for (let b = 2; b < 256; b++) if (counts[b] > counts[dominant]) dominant = b;
  return { score: (counts[0] + counts[dominant]) / n, nuls: counts[0] / n, dominant };
}

/**
 * Length of the valid UTF-8 sequence starting at `i` (1 for ASCII), or 0 when the bytes there
 * break UTF-8 (WHATWG rules: no overlongs, surrogates or code points above U+10FFFF).
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  // The allowed range of the second byte depends on the lead byte.
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf)) return 0;
  }
  return need + 1;
}

/** At least 8 valid multi-byte UTF-8 sequences and four times as many as bytes that break it. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) invalid++;
    else if (length > 1) valid++;
    i += Math.max(1, length);
  }
  return valid >= 8 && valid >= 4 * invalid;
}

// Approximate frequencies (per 1000 letters) of Arabic letters in news text; rarer ones get 1.
const LETTER_FREQUENCY: Readonly<Record<string, number>> = {
  'ا': 125, 'ل': 110, 'ي': 66, 'م': 62, 'و': 57, 'ن': 56, 'ر': 45, 'ت': 43, 'ه': 38, 'ب': 39, 'ع': 32, 'ة': 29,
  'د': 26, 'ف': 26, 'أ': 25, 'ق': 23, 'س': 23, 'ك': 20, 'ح': 20, 'ج': 14, 'ى': 10, 'إ': 10, 'ش': 10, 'ص': 9,
  'خ': 8, 'ط': 8, 'ض': 5, 'ز': 5, 'ث': 5, 'ذ': 5, 'ئ': 4, 'غ': 4, 'ء': 3, 'ظ': 2, 'آ': 1, 'ؤ': 1,
};
const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
const ASCII_LETTER = /[A-Za-z]/;

/** Windows-1256 or ISO-8859-6, whichever reads as Arabic, or undefined when neither does. */
function singleByteArabic(bytes: Uint8Array): Encoding | undefined {
  let best: { encoding: Encoding; score: number; arabicShare: number } | undefined;
  for (const encoding of ['windows-1256', 'iso-8859-6'] as const) {
    const judged = judgeArabic(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding));
    if (judged && (!best || judged.score > best.score)) best = { encoding, ...judged };
  }
  // Most non-ASCII characters must be Arabic letters; otherwise it is another code page.
  return best && best.arabicShare >= 0.6 ? best.encoding : undefined;
}

/** Average log-likelihood of the non-ASCII characters as Arabic text; undefined if impossible. */
function judgeArabic(text: string): { score: number; arabicShare: number } | undefined {
  let score = 0;
  let high = 0;
  let arabic = 0;
  let previous = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.charCodeAt(0) < 0x80) {
      previous = c;
      continue;
    }
    high++;
    if (c === '\uFFFD' || (c >= '\u0080' && c <= '\u009F')) return undefined; // an undefined byte
    const next = chars[i + 1] ?? '';
    if (ARABIC_LETTER.test(c)) {
      // An Arabic letter inside a Latin word is a misread Latin letter (é read as ى).
      if (ASCII_LETTER.test(previous) || ASCII_LETTER.test(next)) {
        score -= 20;
      } else {
        arabic++;
        score += Math.log((LETTER_FREQUENCY[c] ?? 1) / 1000);
      }
    } else if (LATIN_LETTER.test(c)) {
      // An accented Latin letter beside an Arabic one is a misread Arabic letter.
      score += ARABIC_LETTER.test(previous) || ARABIC_LETTER.test(next) ? -20 : -8;
    } else if (c >= '\u064B' && c <= '\u0652') {
      // Harakat: plausible after a letter, unlikely elsewhere and in runs.
      score += ARABIC_LETTER.test(previous) ? -6 : -12;
    } else {
      score += -5; // punctuation, symbols
    }
    previous = c;
  }
  if (high === 0) return undefined;
  return { score: score / high, arabicShare: arabic / high };
}
