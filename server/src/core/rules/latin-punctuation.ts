// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const latinPunctuation: Rule = {
  id: 'latin-punctuation',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
