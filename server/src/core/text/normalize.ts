// Arabic normalization keys. Keys are for comparing words, never for display or edits:
// findings always point into the original text.
import { isArabicMark } from './chars';

/** Removes harakat, tatweel and zero-width joiners: `فِي` and `فـي` have the key `في`. */
export function surfaceKey(word: string): string {
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isArabicMark(code) || code === 0x0640 || code === 0x200c || code === 0x200d) continue;
    key += word[i];
  }
  return key.toLowerCase();
}
