// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const spacing: Rule = {
  id: 'spacing',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
