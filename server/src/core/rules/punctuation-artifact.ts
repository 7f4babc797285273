// PLACEHOLDER: to be implemented.
import type { Rule } from './rule';

export const punctuationArtifact: Rule = {
  id: 'punctuation-artifact',
  description: 'TODO',
  defaultSeverity: 'warning',
  fixable: true,
  check() {
    return [];
  },
};
