// Helpers for the CLI tests: temporary corpora and running the built `dist/cli.js`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';

export const TATWEEL = '\u0640';
export const BOM = '\uFEFF';
export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
}

/** A fresh folder under the OS temp dir, removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nassaq-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `body` in a fresh temp folder and removes the folder afterwards, whatever happens. */
export async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const { dir, cleanup } = tempDir();
  try {
    await body(dir);
  } finally {
    cleanup();
  }
}

/** Writes `files` (relative path → text or bytes) under `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * nassaq.yaml text that switches every rule off except `enabled` (rule id → severity), so the
 * tests do not depend on the rules other people are still writing.
 */
export function onlyRulesYaml(enabled: Record<string, string>, extra = ''): string {
  const lines = RULES.map((rule) => `  ${rule.id}: ${enabled[rule.id] ?? 'off'}`);
  return `${extra}rules:\n${lines.join('\n')}\n`;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in English whatever the machine's locale, unless `env` says otherwise. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const locale = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...locale, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Lines of `text` without the trailing empty one. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}
