// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const persianLetter: Rule = {
  id: 'persian-letter',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
