// Turns evaluation results into rows, a text table with examples, or JSON.
import { EVAL_RULES } from './generate';
import type { CleanResult, EvalResult, Example, Tally } from './score';

export interface Row {
  rule: string;
  kind: string;
  gold: number;
  found: number;
  tp: number;
  /** Only on `all` rows: false positives cannot be told apart by kind. */
  fp?: number;
  fpInBase?: number;
  fn: number;
  precision?: number;
  recall?: number;
  fixAccuracy?: number;
  /** Found gold whose fix is marked unsafe (not applied by --fix). */
  unsafe: number;
}

export function rowsOf(result: EvalResult): Row[] {
  const rows: Row[] = [];
  for (const rule of EVAL_RULES) {
    const byKind = result.tallies.get(rule) ?? new Map<string, Tally>();
    const kinds = [...byKind.keys()].filter((k) => k !== 'all').sort();
    for (const kind of [...kinds, 'all']) {
      const t = byKind.get(kind);
      if (!t) continue;
      const all = kind === 'all';
      rows.push({
        rule,
        kind,
        gold: t.gold,
        found: t.found,
        tp: t.tp,
        fp: all ? t.fp : undefined,
        fpInBase: all ? t.fpInBase : undefined,
        fn: t.gold - t.tp,
        precision: all ? ratio(t.found - t.fp, t.found) : undefined,
        recall: ratio(t.tp, t.gold),
        fixAccuracy: ratio(t.fixed, t.tp),
        unsafe: t.unsafe,
      });
    }
  }
  return rows;
}

function ratio(a: number, b: number): number | undefined {
  return b === 0 ? undefined : a / b;
}

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);
const num = (x: number | undefined) => (x === undefined ? '—' : String(x));

export function table(header: readonly string[], body: readonly (readonly string[])[], rightFrom = 2): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < rightFrom ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function formatEval(result: EvalResult, title: string, sample: number, baseChecked: boolean): string {
  const header = ['rule', 'kind', 'gold', 'found', 'TP', 'FP', ...(baseChecked ? ['FP in base'] : []), 'FN', 'precision', 'recall', 'fix accuracy'];
  const body = rowsOf(result).map((r) => [r.rule, r.kind, num(r.gold), num(r.found), num(r.tp), num(r.fp), ...(baseChecked ? [num(r.fpInBase)] : []), num(r.fn), pct(r.precision), pct(r.recall), pct(r.fixAccuracy)]);
  const out = [title, '', table(header, body)];
  const unsafe = rowsOf(result).filter((r) => r.kind === 'all' && r.unsafe > 0);
  if (unsafe.length > 0) out.push('', `Found errors whose fix is marked unsafe (offered, not applied by --fix): ${unsafe.map((r) => `${r.rule} ${r.unsafe} of ${r.tp}`).join(', ')}.`);
  if (baseChecked) out.push('', `Findings of these rules on the base text before injection: ${result.baseFindings}${result.seeds.length > 1 ? ' (counted once; "FP in base" counts them in every run)' : ''}.`);
  if (sample > 0) {
    out.push(examples('Missed (FN)', result.misses, sample), examples('False positives not in the base text', result.falsePositives, sample));
    out.push(examples('Found, but the first fix does not restore the text', result.wrongFixes, sample));
  }
  return out.join('\n');
}

/** Up to `sample` examples per rule, spread evenly over the list. */
export function pick(list: readonly Example[], sample: number): Example[] {
  const out: Example[] = [];
  for (const rule of EVAL_RULES) {
    const mine = list.filter((e) => e.rule === rule);
    const step = mine.length / Math.min(sample, mine.length);
    for (let i = 0; i < Math.min(sample, mine.length); i++) out.push(mine[Math.floor(i * step)]);
  }
  return out;
}

function examples(title: string, list: readonly Example[], sample: number): string {
  const chosen = pick(list, sample);
  if (chosen.length === 0) return `\n${title}: none`;
  return [`\n${title} (${list.length}; a sample):`, ...chosen.map(formatExample)].join('\n');
}

function formatExample(e: Example): string {
  const what = [e.kind && `[${e.kind}]`, `«${e.text}»`, e.fix !== undefined && `→ «${e.fix}»`, e.expected !== undefined && `(expected «${e.expected}»)`].filter(Boolean).join(' ');
  return `  ${e.rule} ${e.file}: ${what}\n      …${e.context}…${e.message ? `\n      ${e.message}` : ''}`;
}

export function formatClean(result: CleanResult, title: string): string {
  const body = [...result.rules].map(([rule, r]) => [rule, String(r.flags), r.per10k.toFixed(2)]);
  const out = [title, `${result.files} files, ${result.words} Arabic words. Every flag is a candidate false positive.`, '', table(['rule', 'flags', 'per 10,000 words'], body, 1)];
  for (const [rule, r] of result.rules) {
    if (r.samples.length === 0) continue;
    out.push('', `${rule} (a sample of ${r.samples.length}):`, ...r.samples.map(formatExample));
  }
  return out.join('\n');
}

export function jsonOf(result: EvalResult, sample: number): object {
  return {
    files: result.files,
    words: result.words,
    seeds: result.seeds,
    baseFindings: result.baseFindings,
    rows: rowsOf(result),
    examples: { misses: pick(result.misses, sample), falsePositives: pick(result.falsePositives, sample), wrongFixes: pick(result.wrongFixes, sample) },
  };
}

export function cleanJsonOf(result: CleanResult): object {
  return { files: result.files, words: result.words, rules: Object.fromEntries([...result.rules].map(([rule, r]) => [rule, r])) };
}
