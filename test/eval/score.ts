// Scores the corpus rules against injected errors (precision, recall, fix accuracy per rule and
// kind), and counts their flags on clean text, where every flag is a candidate false positive.
import type { NassaqConfig } from '../../server/src/core/config/config';
import { lintCorpus, type CorpusFile } from '../../server/src/core/corpus/lint-corpus';
import { applyEdits } from '../../server/src/core/engine';
import type { Dictionary } from '../../server/src/core/lexicon/dictionary';
import type { Finding } from '../../server/src/core/rules/rule';
import { wordsOf } from './arabic';
import { EVAL_RULES, generate, mapOffset, type EvalRule, type GenerateOptions, type Generated, type GoldItem } from './generate';
import { evalConfig } from './io';

export interface Tally {
  gold: number;
  /** Findings: all of the rule's on the `all` row, those on gold of the kind on a kind row. */
  found: number;
  tp: number;
  /** Findings on no gold span (`all` rows only), and how many of those the base text had already. */
  fp: number;
  fpInBase: number;
  /** Gold spans whose best finding's first fix restores the original text. */
  fixed: number;
  /** Gold spans whose best finding marks its fix unsafe (offered, never applied by --fix). */
  unsafe: number;
}

export interface Example {
  file: string;
  rule: string;
  kind: string;
  /** The flagged or missed text, and around it. */
  text: string;
  context: string;
  /** The finding's message and first fix, when there is a finding. */
  message?: string;
  fix?: string;
  expected?: string;
}

export interface EvalResult {
  /** rule → kind (or `all`) → tally */
  tallies: Map<string, Map<string, Tally>>;
  files: number;
  words: number;
  seeds: number[];
  /** Findings of the evaluated rules on the base text before any injection. */
  baseFindings: number;
  falsePositives: Example[];
  misses: Example[];
  wrongFixes: Example[];
}

export interface EvaluateOptions extends Omit<GenerateOptions, 'seed'> {
  seeds: readonly number[];
  dictionary: Dictionary;
  /** Also lint the base text, to tell false positives already flagged there (doubles the time). */
  baseCheck?: boolean;
}

const ALL = 'all';

export function newTally(): Tally {
  return { gold: 0, found: 0, tp: 0, fp: 0, fpInBase: 0, fixed: 0, unsafe: 0 };
}

export function evaluate(base: readonly CorpusFile[], options: EvaluateOptions): EvalResult {
  const config = evalConfig(EVAL_RULES);
  const result: EvalResult = { tallies: new Map(), files: base.length, words: 0, seeds: [...options.seeds], baseFindings: 0, falsePositives: [], misses: [], wrongFixes: [] };
  for (const rule of EVAL_RULES) result.tallies.set(rule, new Map([[ALL, newTally()]]));
  for (const file of base) result.words += wordsOf(file.text).length;
  let baseFindings: Map<string, Finding[]> | undefined;
  if (options.baseCheck) {
    baseFindings = lintCorpus(base, config, options.dictionary);
    for (const list of baseFindings.values()) result.baseFindings += list.filter(isEvaluated).length;
  }
  for (const seed of options.seeds) {
    const generated = generate(base, { seed, rates: options.rates, names: options.names, minMentions: options.minMentions });
    scoreRun(generated, lintCorpus(generated.files, config, options.dictionary), result, baseFindings);
  }
  return result;
}

function isEvaluated(finding: Finding): boolean {
  return (EVAL_RULES as readonly string[]).includes(finding.ruleId);
}

/** Adds one generated corpus's findings to the tallies. */
export function scoreRun(generated: Generated, findings: Map<string, Finding[]>, into: EvalResult, baseFindings?: Map<string, Finding[]>): void {
  const goldByFile = new Map<string, GoldItem[]>();
  for (const g of generated.gold) goldByFile.set(g.file, [...(goldByFile.get(g.file) ?? []), g]);
  for (const file of generated.files) {
    const gold = goldByFile.get(file.id) ?? [];
    const mine = (findings.get(file.id) ?? []).filter(isEvaluated);
    const inBase = baseKeys(baseFindings?.get(file.id) ?? [], generated.injections.get(file.id) ?? []);
    for (const g of gold) {
      const kindTally = tallyOf(into, g.rule, g.kind);
      const allTally = tallyOf(into, g.rule, ALL);
      kindTally.gold++;
      allTally.gold++;
      const hits = mine.filter((f) => f.ruleId === g.rule && overlaps(f, g));
      kindTally.found += hits.length;
      if (hits.length === 0) {
        into.misses.push(example(file.text, g.offset, g.length, g.rule, g.kind, file.id));
        continue;
      }
      kindTally.tp++;
      allTally.tp++;
      const best = hits.reduce((a, b) => (overlap(b, g) > overlap(a, g) ? b : a));
      if (best.unsafeFixReason !== undefined) {
        kindTally.unsafe++;
        allTally.unsafe++;
      }
      if (fixRestores(file.text, best, g)) {
        kindTally.fixed++;
        allTally.fixed++;
      } else {
        const fixed = best.fixes[0] ? applyEdits(file.text, best.fixes[0].edits) : file.text;
        into.wrongFixes.push({ ...example(file.text, g.offset, g.length, g.rule, g.kind, file.id), message: best.message, fix: fixed === file.text ? '(no fix)' : changedPart(file.text, fixed), expected: g.expected });
      }
    }
    for (const f of mine) {
      const tally = tallyOf(into, f.ruleId, ALL);
      tally.found++;
      if (gold.some((g) => g.rule === f.ruleId && overlaps(f, g))) continue;
      tally.fp++;
      if (inBase.has(`${f.ruleId}:${f.offset}:${f.length}`)) tally.fpInBase++;
      else into.falsePositives.push({ ...example(file.text, f.offset, f.length, f.ruleId, '', file.id), message: f.message, fix: fixText(file.text, f) });
    }
  }
}

/** The base findings, moved to where their text is in the generated file. */
function baseKeys(findings: readonly Finding[], injections: Parameters<typeof mapOffset>[0]): Set<string> {
  const keys = new Set<string>();
  for (const f of findings) {
    const start = mapOffset(injections, f.offset);
    keys.add(`${f.ruleId}:${start}:${mapOffset(injections, f.offset + f.length) - start}`);
  }
  return keys;
}

function tallyOf(result: EvalResult, rule: string, kind: string): Tally {
  const byKind = result.tallies.get(rule) ?? new Map<string, Tally>();
  result.tallies.set(rule, byKind);
  let tally = byKind.get(kind);
  if (!tally) byKind.set(kind, (tally = newTally()));
  return tally;
}

function overlap(f: Finding, g: GoldItem): number {
  return Math.min(f.offset + Math.max(f.length, 1), g.offset + g.length) - Math.max(f.offset, g.offset);
}

/** Spans overlap; an empty finding counts when it sits inside the gold span or at its edges. */
function overlaps(f: Finding, g: GoldItem): boolean {
  if (f.length === 0) return f.offset >= g.offset && f.offset <= g.offset + g.length;
  return overlap(f, g) > 0;
}

/** The finding's first fix gives the same text as putting the original back in the gold span. */
export function fixRestores(text: string, finding: Finding, g: GoldItem): boolean {
  const fix = finding.fixes[0];
  if (!fix) return false;
  try {
    return applyEdits(text, fix.edits) === applyEdits(text, [{ offset: g.offset, length: g.length, newText: g.expected }]);
  } catch {
    return false;
  }
}

function fixText(text: string, f: Finding): string {
  if (!f.fixes[0]) return '(no fix)';
  try {
    return changedPart(text, applyEdits(text, f.fixes[0].edits));
  } catch {
    return '(overlapping edits)';
  }
}

/** The changed region of `after` against `before`, widened to whole words. */
function changedPart(before: string, after: string): string {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  while (start > 0 && !/\s/.test(after[start - 1])) start--;
  while (endA < after.length && !/\s/.test(after[endA])) endA++;
  return after.slice(start, endA);
}

function example(text: string, offset: number, length: number, rule: string, kind: string, file: string): Example {
  const from = Math.max(0, offset - 30);
  const to = Math.min(text.length, offset + length + 30);
  return { file, rule, kind, text: text.slice(offset, offset + length), context: text.slice(from, to).replace(/\s+/g, ' ') };
}

export interface CleanRuleResult {
  flags: number;
  per10k: number;
  samples: Example[];
}

export interface CleanResult {
  files: number;
  words: number;
  rules: Map<EvalRule, CleanRuleResult>;
}

/** Flags of the evaluated rules on (supposedly) clean articles, with an evenly spread sample of each. */
export function cleanRate(files: readonly CorpusFile[], dictionary: Dictionary, sample: number, config: NassaqConfig = evalConfig(EVAL_RULES)): CleanResult {
  const findings = lintCorpus(files, config, dictionary);
  let words = 0;
  for (const file of files) words += wordsOf(file.text).length;
  const rules = new Map<EvalRule, CleanRuleResult>();
  for (const rule of EVAL_RULES) {
    const all: Example[] = [];
    for (const file of files) {
      for (const f of findings.get(file.id) ?? []) {
        if (f.ruleId === rule) all.push({ ...example(file.text, f.offset, f.length, rule, '', file.id), message: f.message, fix: fixText(file.text, f) });
      }
    }
    rules.set(rule, { flags: all.length, per10k: words === 0 ? 0 : (all.length * 10000) / words, samples: sampleFlags(all, sample) });
  }
  return { files: files.length, words, rules };
}

/** Flags grouped by text and fix: half of the sample from the most frequent groups, half spread over the rest. */
function sampleFlags(all: readonly Example[], sample: number): Example[] {
  const groups = new Map<string, { example: Example; count: number }>();
  for (const e of all) {
    const key = `${e.text}→${e.fix}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { example: e, count: 1 });
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count);
  const top = sorted.slice(0, Math.ceil(sample / 2));
  const rest = sorted.slice(top.length);
  const spread = Math.min(sample - top.length, rest.length);
  const picked = [...top, ...Array.from({ length: spread }, (_, i) => rest[Math.floor((i * rest.length) / spread)])];
  return picked.map((g) => ({ ...g.example, kind: g.count > 1 ? `×${g.count}` : '' }));
}
