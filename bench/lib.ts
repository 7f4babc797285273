// Shared by the benchmarks: flags, timing, percentiles, memory and CPU of other processes (from
// /proc, or from inside a child through bench/usage.cjs), tables and the results file. Nothing
// here knows about Nassaq.
import { buildSync } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export const BENCH_DIR = __dirname;
export const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');
export const ROOT = path.resolve(BENCH_DIR, '..');

// ---- flags ----

/** `--name value`, `--name=value` and bare `--flag` (true). Later flags win. */
export type Flags = Record<string, string | true>;

export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument '${arg}' (flags are --name value)`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[arg.slice(2)] = argv[++i];
    else flags[arg.slice(2)] = true;
  }
  return flags;
}

export function intFlag(flags: Flags, name: string, fallback: number): number {
  const value = flags[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not '${value}'`);
  return n;
}

export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  if (value === true) throw new Error(`--${name} takes a value`);
  return value;
}

// ---- code under test ----

/**
 * Bundles a module of bench/ with esbuild as scripts/build.mjs bundles the server (one scope, no
 * per-module export getters) into dist/bench/, and loads it. Time core code through this, not
 * through tsx imports: tsx's per-module CommonJS transform makes hot loops several times slower.
 */
export function loadBundled<T>(entry: string): T {
  const outfile = path.join(ROOT, 'dist', 'bench', `${path.basename(entry, '.ts')}.js`);
  buildSync({ entryPoints: [path.join(BENCH_DIR, entry)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' });
  return require(outfile) as T;
}

// ---- timing ----

export function now(): number {
  return performance.now();
}

/** Runs `fn` once and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await fn();
  return { value, ms: now() - start };
}

export interface Stats {
  runs: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Percentile by linear interpolation between closest ranks (p in 0..100) of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    min: sorted[0],
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export interface SampleOptions {
  /** Untimed calls first. */
  warmup?: number;
  /** Stop after this many milliseconds of timed calls, once `minRuns` are done. */
  budgetMs?: number;
  minRuns?: number;
}

/**
 * Calls `fn` up to `runs` times, at least once, and no more once `budgetMs` of wall time has been
 * spent: for measurements that each take seconds (a process, a server session).
 */
export async function repeatWithin<T>(runs: number, budgetMs: number, fn: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const start = now();
  for (let i = 0; i < Math.max(1, runs) && (i === 0 || now() - start < budgetMs); i++) results.push(await fn(i));
  return results;
}

/** The median of the numbers (NaN for none). */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Times up to `runs` calls of `fn`; returns the samples' statistics and the last result. */
export async function sample<T>(runs: number, fn: () => T | Promise<T>, options: SampleOptions = {}): Promise<{ stats: Stats; samples: number[]; last: T }> {
  const { warmup = 0, budgetMs = Infinity, minRuns = 5 } = options;
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn();
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs && (spent < budgetMs || i < minRuns); i++) {
    const start = now();
    last = await fn();
    samples.push(now() - start);
    spent += samples[i];
  }
  return { stats: stats(samples), samples, last };
}

/** This process's CPU time (user + system, all threads) in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// ---- memory ----

export interface ProcessMemory {
  /** Resident set size now, in bytes. */
  rss: number;
  /** Peak resident set size, in bytes. */
  peak: number;
}

/** VmRSS and VmHWM of a process from /proc (Linux); undefined elsewhere or once it has exited. */
export function processMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU time (user + system) a process has used, in milliseconds, from /proc (Linux). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command; clock ticks are 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

// ---- child processes ----

/** Preloaded into measured processes: writes their peak RSS and CPU time when they exit. */
const USAGE_PRELOAD = path.join(BENCH_DIR, 'usage.cjs');

export interface ProcessRun {
  /** Spawn to exit, in the parent. */
  wallMs: number;
  /** User + system CPU time of the process, all its threads. */
  cpuMs: number;
  /** Peak resident set size in bytes (getrusage maxrss). */
  peakRss: number;
  exitCode: number;
  /** The last 2,000 characters of stderr. */
  stderr: string;
}

/**
 * Runs `node args…` as a new process with stdout to `stdoutFile`, and measures it: wall time here,
 * peak RSS and CPU time inside it (bench/usage.cjs, through NODE_OPTIONS, so no /usr/bin/time).
 */
export async function runNode(args: readonly string[], cwd: string, stdoutFile: string): Promise<ProcessRun> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'nassaq-usage-'));
  const usageFile = path.join(scratch, 'usage.json');
  const stdout = openSync(stdoutFile, 'w');
  try {
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${USAGE_PRELOAD}"`.trim(), NASSAQ_BENCH_USAGE: usageFile };
    const start = now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-2000)));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const wallMs = now() - start;
    let usage: { peakRss: number; cpuMs: number };
    try {
      usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
    } catch {
      throw new Error(`node ${args.join(' ')} exited with ${exitCode} without reporting its memory:\n${stderr}`);
    }
    return { wallMs, ...usage, exitCode, stderr };
  } finally {
    closeSync(stdout);
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---- formatting ----

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Bytes as B, kB or MB. */
export function size(bytes: number): string {
  return bytes < 1e3 ? `${bytes} B` : bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : mb(bytes);
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function count(n: number): string {
  return n.toLocaleString('en');
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- results ----

/** Load averages over 1, 5 and 15 minutes, rounded. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

/** Where and on what a run happened, stored with the results. */
export function environment(): Record<string, unknown> {
  let commit: string | undefined;
  let dirty: boolean | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  } catch {
    // not a git checkout
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    commit,
    dirty,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: cpus.length,
    cpu: cpus[0]?.model,
    memory: os.totalmem(),
    loadBefore: loadAverage(),
  };
}

/** Writes `bench/results.json` (or `file`) and returns its path. */
export function writeResults(data: unknown, file = RESULTS_FILE): string {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
