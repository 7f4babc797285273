// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const invisibleChar: Rule = {
  id: 'invisible-char',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
