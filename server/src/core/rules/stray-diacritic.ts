// PLACEHOLDER: being implemented.
import type { Rule } from './rule';

export const strayDiacritic: Rule = {
  id: 'stray-diacritic',
  description: 'Being implemented.',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
