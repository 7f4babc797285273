// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const quoteMarks: Rule = {
  id: 'quote-marks',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
