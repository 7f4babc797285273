// Runs the rule catalogue over one article and applies fixes. Pure: text and configuration in,
// findings or new text out.
import { markedNameFacet } from './actors/discovered';
import type { NassaqConfig } from './config/config';
import { CorpusIndex } from './corpus/corpus-index';
import { corpusView, type CorpusView } from './corpus/corpus-view';
import type { CorpusFacet } from './corpus/facet';
import { english, translator, type Locale, type Translate } from './l10n';
import { EMPTY_DICTIONARY, WordSetDictionary } from './lexicon/dictionary';
import { RULES } from './rules';
import type { Finding, Fix, Rule, RuleContext, RuleOptions, Severity, TextEdit } from './rules/rule';
import { LineIndex } from './text/lines';
import { surfaceKey } from './text/normalize';
import { tokenize } from './text/tokenize';

export interface LintOptions {
  /** Only these rules (by id); all enabled rules when absent. */
  only?: readonly string[];
  rules?: readonly Rule[];
  /** The corpus the text belongs to; without one, the text is a corpus of its own. */
  corpus?: CorpusView;
  /** The language of messages and fix titles; English when absent. */
  locale?: Locale;
}

/** The facets every corpus index needs for the rule catalogue. */
export function ruleFacets(rules: readonly Rule[] = RULES): CorpusFacet[] {
  return rules.flatMap((rule) => (rule.facet ? [rule.facet] : []));
}

/** The facets of a workspace's index: the rule catalogue's, and the names marked as actors (the Actors view). */
export function workspaceFacets(): CorpusFacet[] {
  return [...ruleFacets(), markedNameFacet as CorpusFacet];
}

/** A corpus of one text, for linting a text that belongs to no indexed corpus. */
export function singleFileCorpus(text: string, config: NassaqConfig): CorpusView {
  const index = new CorpusIndex(ruleFacets());
  index.update('', text);
  return corpusView(index, EMPTY_DICTIONARY, new WordSetDictionary(config.accept.map(surfaceKey)));
}

export function effectiveSeverity(rule: Rule, config: NassaqConfig): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

export function ruleOptions(rule: Rule, config: NassaqConfig): RuleOptions {
  const options: Record<string, string> = {};
  for (const [name, spec] of Object.entries(rule.options ?? {})) options[name] = spec.default;
  return { ...options, ...config.rules[rule.id]?.options };
}

/** Findings one rule may report in one file; the rest are counted in one last finding. */
export const MAX_FINDINGS_PER_RULE = 1000;

export function lintText(text: string, config: NassaqConfig, lintOptions: LintOptions = {}): Finding[] {
  const tokens = tokenize(text);
  const lines = new LineIndex(text);
  const accepted = new Set(config.accept.map(surfaceKey));
  let corpus = lintOptions.corpus;
  const context: RuleContext & { options: RuleOptions } = {
    text,
    tokens,
    lines,
    options: {},
    t: translator(lintOptions.locale),
    // Built only if a rule asks: most rules never look beyond the article.
    get corpus(): CorpusView {
      corpus ??= singleFileCorpus(text, config);
      return corpus;
    },
  };
  const findings: Finding[] = [];
  for (const rule of lintOptions.rules ?? RULES) {
    if (lintOptions.only && !lintOptions.only.includes(rule.id)) continue;
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') continue;
    context.options = ruleOptions(rule, config);
    let kept = 0;
    let dropped = 0;
    for (const finding of rule.check(context)) {
      if (finding.word !== undefined && accepted.has(surfaceKey(finding.word))) continue;
      if (kept === MAX_FINDINGS_PER_RULE) {
        dropped++;
        continue;
      }
      kept++;
      findings.push({ ...finding, ruleId: rule.id, severity: finding.severity ? lesserSeverity(finding.severity, severity) : severity });
    }
    if (dropped > 0) {
      // A broken file (a megabyte of quote marks) must not flood the editor: say how many are left.
      const last = findings[findings.length - 1];
      findings.push({ offset: last.offset, length: last.length, ruleId: rule.id, severity: 'info', fixes: [], message: context.t('{0} more {1} problems in this file are not shown; fix these first', dropped, rule.id) });
    }
  }
  return findings.sort((a, b) => a.offset - b.offset || a.length - b.length || a.ruleId.localeCompare(b.ruleId));
}

const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/** The less severe of two severities (a finding's own cap and its rule's configured severity). */
export function lesserSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) < SEVERITY_ORDER.indexOf(b) ? a : b;
}

/** The message as users read it: says why no fix is applied automatically, when that is so. */
export function displayMessage(finding: Finding, t: Translate = english): string {
  return finding.unsafeFixReason === undefined ? finding.message : t('{0} (not fixed automatically: {1})', finding.message, finding.unsafeFixReason);
}

/** The fix that `--fix` and "fix all" apply for a finding, if it has a safe one. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.unsafeFixReason === undefined ? finding.fixes[0] : undefined;
}

/** Applies edits that do not overlap; throws if they do, since that is a bug in the caller. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  let result = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.offset < cursor) throw new Error(`overlapping edits at offset ${e.offset}`);
    result += text.slice(cursor, e.offset) + e.newText;
    cursor = e.offset + e.length;
  }
  return result + text.slice(cursor);
}

/** Picks the preferred fixes of `findings` whose edits touch no other chosen fix, in text order. */
export function compatibleFixes(findings: readonly Finding[]): { edits: TextEdit[]; fixCount: number } {
  const edits: TextEdit[] = [];
  let fixCount = 0;
  for (const finding of findings) {
    const fix = preferredFix(finding);
    if (!fix || fix.edits.some((e) => edits.some((taken) => editsClash(e, taken)))) continue;
    edits.push(...fix.edits);
    fixCount++;
  }
  return { edits, fixCount };
}

/** Overlapping replacements clash, as do two insertions at one point or an insertion inside a replacement. */
function editsClash(a: TextEdit, b: TextEdit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.length === 0 && b.length === 0) return a.offset === b.offset;
  if (a.length === 0) return a.offset > b.offset && a.offset < bEnd;
  if (b.length === 0) return b.offset > a.offset && b.offset < aEnd;
  return a.offset < bEnd && b.offset < aEnd;
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

const MAX_FIX_PASSES = 10;

/**
 * Applies safe fixes until none is left (fixes of one rule can reveal another's problem, and
 * clashing fixes wait for the next pass). Stops after a bounded number of passes.
 */
export function fixAll(text: string, config: NassaqConfig, lintOptions: LintOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const { edits, fixCount } = compatibleFixes(lintText(current, config, lintOptions));
    const next = applyEdits(current, edits);
    if (next === current) break;
    passes++;
    applied += fixCount;
    current = next;
  }
  return { text: current, applied, passes };
}
