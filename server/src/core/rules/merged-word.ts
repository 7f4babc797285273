// PLACEHOLDER: being implemented.
import type { Rule } from './rule';

export const mergedWord: Rule = {
  id: 'merged-word',
  description: 'Being implemented.',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
