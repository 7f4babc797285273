// The targets of issue #6, printed beside the figures. Corpus-wide ones are stated for 50,000
// articles; smaller corpora are held to the same figures (they should meet them more easily).
export interface Target {
  text: string;
  limit: number;
  /** The figure must be at least the limit (throughput), not at most. */
  atLeast?: boolean;
}

export const TARGETS = {
  cliThroughput: { text: '≥ 40× cSpell', limit: 40, atLeast: true },
  cliRss: { text: '≤ 1/3 of cSpell', limit: 1 / 3 },
  initialize: { text: '≤ 300 ms', limit: 300 },
  firstDiagnostics: { text: '≤ 1 s', limit: 1000 },
  index: { text: '≤ 20 s at 50k', limit: 20_000 },
  serverRss: { text: '≤ 1 GB at 50k', limit: 1e9 },
  keystroke: { text: 'p95 ≤ 30 ms', limit: 30 },
  hover: { text: 'p95 ≤ 10 ms', limit: 10 },
  definition: { text: 'p95 ≤ 10 ms', limit: 10 },
  references: { text: 'p95 ≤ 100 ms', limit: 100 },
  rename: { text: 'p95 ≤ 500 ms', limit: 500 },
  symbols: { text: 'p95 ≤ 20 ms', limit: 20 },
} satisfies Record<string, Target>;

export type TargetName = keyof typeof TARGETS;

export function meets(target: Target, value: number): boolean {
  return target.atLeast ? value >= target.limit : value <= target.limit;
}

/** "≤ 300 ms  ok" or "≤ 300 ms  MISS"; '' without a target, '–' without a figure. */
export function verdict(name: TargetName | undefined, value: number | undefined): string {
  if (!name) return '';
  const target = TARGETS[name];
  if (value === undefined || !Number.isFinite(value)) return `${target.text}  –`;
  return `${target.text}  ${meets(target, value) ? 'ok' : 'MISS'}`;
}
