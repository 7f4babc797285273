// The contract every rule implements. Rules see one article's text and tokens and return
// findings as UTF-16 offsets into that text; they know nothing of files, LSP or the CLI.
import type { CorpusView } from '../corpus/corpus-view';
import type { CorpusFacet } from '../corpus/facet';
import type { Translate } from '../l10n';
import type { LineIndex } from '../text/lines';
import type { Token } from '../text/tokenize';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A replacement of `length` code units at `offset` by `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** A fix over the whole corpus: every mention of `variants` becomes `canonical`, in every file. */
export interface SpellingFix {
  /** The name as users know it, for titles. */
  name: string;
  canonical: string;
  /** Spellings to rewrite (surface keys, words separated by one space). */
  variants: string[];
}

export interface RelatedSpan {
  offset: number;
  length: number;
  message: string;
}

/** What a rule reports. The engine adds the rule id and severity. */
export interface RuleFinding {
  offset: number;
  length: number;
  message: string;
  /** Candidate fixes, best first. Empty when no fix is offered. */
  fixes: Fix[];
  /**
   * Set when the fixes are not safe to apply without a human looking (they are still offered
   * one by one as quick fixes, but never by "fix all" or `--fix`); says why, for the message.
   */
  unsafeFixReason?: string;
  /** The word this finding is about, so the `accept` list can silence it. */
  word?: string;
  related?: RelatedSpan[];
  /** Offered as "fix all spellings of <name> in the workspace". */
  corpusFix?: SpellingFix;
  /**
   * The most this finding is, when the rule knows it is less sure of it than of its other findings
   * (a transliteration difference); the engine reports the lesser of this and the rule's severity.
   */
  severity?: Severity;
}

export interface Finding extends RuleFinding {
  ruleId: string;
  severity: Severity;
}

export type RuleOptions = Readonly<Record<string, unknown>>;

export interface RuleContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly lines: LineIndex;
  /** The rule's options from `nassaq.yaml`, already validated against `Rule.options`. */
  readonly options: RuleOptions;
  /** The corpus this article belongs to (this article included). */
  readonly corpus: CorpusView;
  /** Messages and fix titles are written in English through this, which translates them. */
  readonly t: Translate;
}

/** Describes one option of a rule, for validation and documentation. */
export interface RuleOptionSpec {
  /** What the option does, written in English through `t`, which translates it (as messages are). */
  describe(t: Translate): string;
  values: readonly string[];
  default: string;
}

export interface Rule {
  /** Stable kebab-case id: public API for config, CLI output and docs. */
  readonly id: string;
  /** What the rule reports (`nassaq rules`, SARIF), written in English through `t`. */
  describe(t: Translate): string;
  readonly defaultSeverity: Severity;
  /** Whether the rule offers fixes that `--fix` may apply. */
  readonly fixable: boolean;
  readonly options?: Readonly<Record<string, RuleOptionSpec>>;
  /** What this rule needs to know about the other files of the corpus, if anything. */
  readonly facet?: CorpusFacet;
  check(context: RuleContext): RuleFinding[];
}

export function edit(offset: number, length: number, newText: string): TextEdit {
  return { offset, length, newText };
}
