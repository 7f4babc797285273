// PLACEHOLDER: being implemented.
import type { Rule } from './rule';

export const actorSpelling: Rule = {
  id: 'actor-spelling',
  description: 'Being implemented.',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
