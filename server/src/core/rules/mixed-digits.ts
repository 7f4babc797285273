// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const mixedDigits: Rule = {
  id: 'mixed-digits',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
