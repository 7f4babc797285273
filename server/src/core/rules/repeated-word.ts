// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const repeatedWord: Rule = {
  id: 'repeated-word',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
