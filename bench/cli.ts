// `nassaq check` against cSpell (with @cspell/dict-ar) on the same articles, each run as a new
// process (cold: start-up and, for nassaq, the lexicon load included; the page cache is warm after
// the first run). Wall time here, peak RSS and CPU time inside the process (bench/usage.cjs).
// Median of up to `runs` runs, fewer when a tool's runs use up `budgetMs`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCorpus } from './corpus';
import { count, mb, median, repeatWithin, ROOT, runNode, table, type ProcessRun } from './lib';
import { verdict } from './targets';

export interface CliOptions {
  runs: number;
  budgetMs: number;
  /** Why cSpell is not run, if it is not. */
  skipCspell?: string;
}

export interface ToolResult {
  tool: string;
  command: string;
  runs: Array<Omit<ProcessRun, 'stderr'>>;
  /** Medians over the runs. */
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  filesPerSecond: number;
  mbPerSecond: number;
  /** Files the tool says it checked, and what it found. */
  files: number;
  findings: number;
}

export interface CliResults {
  articles: number;
  bytes: number;
  nassaq: ToolResult;
  cspell?: ToolResult & { version: string };
  cspellSkipped?: string;
  /** nassaq's throughput over cSpell's, and nassaq's peak RSS over cSpell's. */
  throughputRatio?: number;
  rssRatio?: number;
  checks: string[];
}

const CLI = path.join(ROOT, 'dist', 'cli.js');
const CSPELL = path.join(ROOT, 'node_modules', 'cspell', 'bin.mjs');
const CSPELL_AR = path.join(ROOT, 'node_modules', '@cspell', 'dict-ar', 'cspell-ext.json');

/** Why cSpell cannot run here, or undefined. */
export function cspellMissing(): string | undefined {
  for (const file of [CSPELL, CSPELL_AR]) if (!existsSync(file)) return `${path.relative(ROOT, file)} is missing: run npm install (cspell and @cspell/dict-ar are devDependencies), or pass --no-cspell`;
  return undefined;
}

export async function benchCli(corpus: BenchCorpus, options: CliOptions): Promise<CliResults> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'nassaq-bench-cli-'));
  try {
    const checks: string[] = [];
    const output = path.join(scratch, 'out');
    const nassaqRuns = await measure(corpus, options, [CLI, 'check', corpus.root, '--format', 'json'], corpus.root, output, 'nassaq');
    const report = JSON.parse(readFileSync(output, 'utf8')) as { files: number; diagnostics: unknown[] };
    const nassaq = summarize('nassaq check', `node dist/cli.js check ${corpus.root} --format json`, corpus, nassaqRuns, report.files, report.diagnostics.length);
    if (report.files !== corpus.articles) checks.push(`nassaq checked ${count(report.files)} files, the corpus has ${count(corpus.articles)}`);
    const results: CliResults = { articles: corpus.articles, bytes: corpus.bytes, nassaq, checks };
    if (options.skipCspell) {
      results.cspellSkipped = options.skipCspell;
      return results;
    }
    const config = path.join(scratch, 'cspell.json');
    writeFileSync(config, JSON.stringify({ version: '0.2', language: 'ar', import: [CSPELL_AR], files: ['**/*.txt'] }));
    const cspellArgs = [CSPELL, 'lint', '--config', config, '--no-progress', '**/*.txt'];
    const cspellRuns = await measure(corpus, options, cspellArgs, corpus.articlesDir, output, 'cspell');
    // The summary line on stderr: "CSpell: Files checked: 2000, Issues found: 8927 in 1969 files."
    const summary = /Files checked: (\d+), Issues found: (\d+)/.exec(cspellRuns[cspellRuns.length - 1].stderr);
    if (!summary) throw new Error(`cspell printed no summary:\n${cspellRuns[cspellRuns.length - 1].stderr}`);
    const version = (JSON.parse(readFileSync(path.join(path.dirname(CSPELL), 'package.json'), 'utf8')) as { version: string }).version;
    const command = `(cd ${corpus.articlesDir} && npx cspell lint --config <{language: ar, import: @cspell/dict-ar}> --no-progress "**/*.txt")`;
    results.cspell = { ...summarize(`cspell ${version} + dict-ar`, command, corpus, cspellRuns, Number(summary[1]), Number(summary[2])), version };
    if (results.cspell.files !== corpus.articles) checks.push(`cspell checked ${count(results.cspell.files)} files, the corpus has ${count(corpus.articles)}`);
    results.throughputRatio = results.cspell.wallMs / nassaq.wallMs;
    results.rssRatio = nassaq.peakRss / results.cspell.peakRss;
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs a tool up to `runs` times within the budget; exit codes 0 and 1 (problems found) are success. */
async function measure(corpus: BenchCorpus, options: CliOptions, args: string[], cwd: string, output: string, tool: string): Promise<ProcessRun[]> {
  return repeatWithin(options.runs, options.budgetMs, async () => {
    const run = await runNode(args, cwd, output);
    if (run.exitCode > 1) throw new Error(`${tool} failed on ${corpus.root} (exit code ${run.exitCode}):\n${run.stderr}`);
    return run;
  });
}

function summarize(tool: string, command: string, corpus: BenchCorpus, runs: ProcessRun[], files: number, findings: number): ToolResult {
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    tool,
    command,
    runs: runs.map(({ stderr: _stderr, ...run }) => run),
    wallMs,
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRss: median(runs.map((r) => r.peakRss)),
    filesPerSecond: corpus.articles / (wallMs / 1000),
    mbPerSecond: corpus.bytes / 1e6 / (wallMs / 1000),
    files,
    findings,
  };
}

export function formatCli(r: CliResults): string {
  const row = (t: ToolResult) => [t.tool, `${(t.wallMs / 1000).toFixed(2)} s`, `${(t.cpuMs / 1000).toFixed(1)} s`, count(Math.round(t.filesPerSecond)), t.mbPerSecond.toFixed(2), mb(t.peakRss), String(t.runs.length), count(t.findings)];
  const rows = [row(r.nassaq)];
  if (r.cspell) rows.push(row(r.cspell));
  const out = [table(['tool (new process per run)', 'wall', 'CPU', 'files/s', 'MB/s', 'peak RSS', 'runs', 'findings'], rows)];
  if (r.cspell && r.throughputRatio !== undefined && r.rssRatio !== undefined) {
    out.push(
      table(
        ['nassaq vs cSpell', 'figure', 'target'],
        [
          ['throughput (cSpell wall / nassaq wall)', `${r.throughputRatio.toFixed(1)}×`, verdict('cliThroughput', r.throughputRatio)],
          ['peak RSS (nassaq / cSpell)', r.rssRatio.toFixed(2), verdict('cliRss', r.rssRatio)],
        ],
      ),
    );
  } else out.push(`cSpell not run: ${r.cspellSkipped}`);
  out.push('(medians of the runs; wall from spawn to exit; CPU well above wall means both cores were used)');
  for (const check of r.checks) out.push(`CHECK FAILED: ${check}`);
  return out.join('\n\n');
}
