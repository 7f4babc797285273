// Where each rule is documented: a section of the README named by the rule id.
export const RULE_DOCS_BASE = 'https://github.com/nassaq/nassaq/blob/main/README.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}#${ruleId}`;
}
