// Arabic normalization keys. Keys are for comparing words, never for display or edits:
// findings always point into the original text.
import { isArabicMark } from './chars';

/** Removes harakat, tatweel and zero-width joiners: `فِي` and `فـي` have the key `في`. */
export function surfaceKey(word: string): string {
  // Most words need no change: return them as they are (a flat string hashes fast as a Map key;
  // a string built by concatenation is a rope that must be flattened on every lookup).
  let clean = true;
  for (let i = 0; i < word.length && clean; i++) {
    const code = word.charCodeAt(i);
    clean = !(isDroppedFromKey(code) || (code >= 0x41 && code <= 0x5a) || code >= 0xc0 && code < 0x600);
  }
  if (clean) return word;
  let key = '';
  for (let i = 0; i < word.length; i++) if (!isDroppedFromKey(word.charCodeAt(i))) key += word[i];
  return key.toLowerCase();
}

function isDroppedFromKey(code: number): boolean {
  return isArabicMark(code) || code === 0x0640 || code === 0x200c || code === 0x200d;
}

/** Letters a name keeps its identity across: every hamza/madda alef, seated hamza, maqsura, ta marbuta, Persian forms. */
const FOLDS: ReadonlyMap<number, string> = new Map([
  [0x0622, '\u0627'], // آ → ا
  [0x0623, '\u0627'], // أ → ا
  [0x0625, '\u0627'], // إ → ا
  [0x0671, '\u0627'], // ٱ (wasla) → ا
  [0x0624, '\u0648'], // ؤ → و
  [0x0626, '\u064A'], // ئ → ي
  [0x0649, '\u064A'], // ى → ي
  [0x06CC, '\u064A'], // Farsi yeh → ي
  [0x0629, '\u0647'], // ة → ه
  [0x06C0, '\u0647'], // ۀ → ه
  [0x06A9, '\u0643'], // Persian keheh → ك
]);

/**
 * The key under which spellings of one name meet: surfaceKey plus hamza/alef forms → ا, ؤ → و,
 * ئ/ى → ي, ة → ه and Persian letter forms. Coarser than surfaceKey on purpose (على and علي share it),
 * so callers must bring other evidence before calling two words one.
 */
export function foldKey(word: string): string {
  let i = 0;
  while (i < word.length && isOwnFold(word.charCodeAt(i))) i++;
  if (i === word.length) return word;
  // Unchanged stretches are copied as slices, not code unit by code unit; a key made of Arabic
  // block letters alone has no case to lower.
  let key = '';
  let unchangedFrom = 0;
  let arabicOnly = true;
  for (; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x600 && code < 0x700) {
      const folded = FOLD_TABLE[code - 0x600];
      if (folded === code) continue;
      key += word.slice(unchangedFrom, i);
      if (folded !== 0) key += String.fromCharCode(folded);
      unchangedFrom = i + 1;
    } else if (code === 0x200c || code === 0x200d) {
      key += word.slice(unchangedFrom, i);
      unchangedFrom = i + 1;
    } else arabicOnly = false;
  }
  key += word.slice(unchangedFrom);
  return arabicOnly ? key : key.toLowerCase();
}

/** An Arabic block code unit that is its own fold (most letters). */
function isOwnFold(code: number): boolean {
  return code >= 0x600 && FOLD_TABLE[code - 0x600] === code;
}

/** Arabic block code point → its fold (0 for a dropped mark or tatweel): a table, as foldKey runs on every word. */
const FOLD_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x100);
  for (let i = 0; i < 0x100; i++) {
    const code = 0x600 + i;
    table[i] = isArabicMark(code) || code === 0x0640 ? 0 : (FOLDS.get(code)?.charCodeAt(0) ?? code);
  }
  return table;
})();
