// tatweel: kashida (U+0640) stretching a word, as in الــرئيس. A tatweel after a one-letter
// clitic before a quote, number or Latin word (بـ«…», لـ 25, بـCNN) is a convention and is kept,
// as is the Hijri-year abbreviation هـ.
import { isArabicLetter, isArabicMark, TATWEEL } from '../text/chars';
import { edit, type Rule, type RuleFinding } from './rule';

export const tatweel: Rule = {
  id: 'tatweel',
  describe: (t) => t('Kashida (tatweel, U+0640) used to stretch letters inside a word.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ tokens, t }) {
    const findings: RuleFinding[] = [];
    for (const token of tokens) {
      if (token.kind !== 'arabic' || !token.text.includes(TATWEEL)) continue;
      for (let i = 0; i < token.text.length; i++) {
        if (token.text[i] !== TATWEEL) continue;
        let end = i;
        while (end < token.text.length && token.text[end] === TATWEEL) end++;
        if (hasLetterBefore(token.text, i) && hasLetterAfter(token.text, end)) {
          const offset = token.offset + i;
          const length = end - i;
          findings.push({
            offset,
            length,
            word: token.text,
            message: t("Tatweel stretches '{0}'", token.text),
            fixes: [{ title: t("Remove tatweel: '{0}'", token.text.split(TATWEEL).join('')), edits: [edit(offset, length, '')] }],
          });
        }
        i = end - 1;
      }
    }
    return findings;
  },
};

function hasLetterBefore(word: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const code = word.charCodeAt(i);
    if (isArabicLetter(code)) return true;
    if (!isArabicMark(code)) return false;
  }
  return false;
}

function hasLetterAfter(word: string, index: number): boolean {
  for (let i = index; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isArabicLetter(code)) return true;
    if (!isArabicMark(code)) return false;
  }
  return false;
}
