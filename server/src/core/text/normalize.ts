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
