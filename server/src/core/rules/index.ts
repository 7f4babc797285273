// The rule catalogue, in documentation order. Adding a rule: see ARCHITECTURE.md.
import { actorSpelling } from './actor-spelling';
import { invisibleChar } from './invisible-char';
import { latinPunctuation } from './latin-punctuation';
import { mergedWord } from './merged-word';
import { mixedDigits } from './mixed-digits';
import { persianLetter } from './persian-letter';
import { punctuationArtifact } from './punctuation-artifact';
import { quoteMarks } from './quote-marks';
import { repeatedWord } from './repeated-word';
import type { Rule } from './rule';
import { spacing } from './spacing';
import { strayDiacritic } from './stray-diacritic';
import { tatweel } from './tatweel';

export const RULES: readonly Rule[] = [
  quoteMarks,
  latinPunctuation,
  punctuationArtifact,
  spacing,
  tatweel,
  invisibleChar,
  persianLetter,
  mixedDigits,
  repeatedWord,
  mergedWord,
  actorSpelling,
  strayDiacritic,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
