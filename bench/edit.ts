// Keystroke to diagnostics in an open article of about 10 KB, the corpus indexed: a sentence is
// typed one character per edit into the middle of the article. The server debounces pushed
// diagnostics while typing (TYPING_DEBOUNCE_MS in server/src/lsp/linter.ts), so the latency is
// measured two ways:
//   pull: didChange, then textDocument/diagnostic at once: the server lints on request, with no
//         debounce; the time is all the work from keystroke to diagnostics (the buffer's
//         re-indexing, the lint, related locations, JSON) as a client sees it. This is the figure
//         held to the target.
//   push: didChange → publishDiagnostics of that version, minus the debounce (also reported raw).
//         The buffer is re-indexed when the change arrives, during the debounce, so this figure
//         is only the work after the debounce: it is lower than pull's by the re-indexing.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ms, now, ROOT, stats, table, type Stats } from './lib';
import type { BenchServer } from './lsp';
import { verdict } from './targets';

export interface EditOptions {
  /** Keystrokes measured by pull, then by push (0: none). */
  edits: number;
  pushEdits: number;
  /** Stop each phase after this many milliseconds, once MIN_EDITS are measured. */
  budgetMs: number;
}

const MIN_EDITS = 20;

export interface EditResults {
  article: { file: string; bytes: number };
  debounceMs: number;
  pull: Stats;
  push?: { raw: Stats; withoutDebounce: Stats };
  checks: string[];
}

const TYPED = ' وأكد المتحدث باسم الوزارة في تصريح صحفي أن الحكومة ماضية في تنفيذ خطتها رغم الصعوبات، وأن نتائجها ستظهر خلال الأشهر المقبلة.';

/** The server's typing debounce, read from its source so that a change there is followed here. */
export function typingDebounceMs(): number {
  const source = readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'linter.ts'), 'utf8');
  const value = /const TYPING_DEBOUNCE_MS = (\d+)/.exec(source)?.[1];
  if (!value) throw new Error('TYPING_DEBOUNCE_MS not found in server/src/lsp/linter.ts: update bench/edit.ts');
  return Number(value);
}

/** The end of the line nearest the middle of the text: where the typing goes. */
function middleLineEnd(text: string): { line: number; character: number } {
  const breaks = [...text.matchAll(/\n/g)].map((m) => m.index).filter((i) => i > 0 && text[i - 1] !== '\n');
  const at = breaks.length ? breaks.reduce((best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best)) : text.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

/** Types into `uri`, opened at version 1 with `text`; the server must have indexed the corpus. */
export async function benchEditing(server: BenchServer, uri: string, article: { file: string; bytes: number }, text: string, options: EditOptions): Promise<EditResults> {
  const start = middleLineEnd(text);
  let version = 1;
  let typed = 0;
  const keystroke = () => {
    const position = { line: start.line, character: start.character + typed };
    const ch = TYPED[typed++ % TYPED.length];
    return server.insert(uri, ++version, position, ch);
  };
  const within = (done: number, started: number) => done < MIN_EDITS || now() - started < options.budgetMs;
  const pull: number[] = [];
  const pullStarted = now();
  for (let i = 0; i < options.edits && within(i, pullStarted); i++) {
    const t0 = now();
    await keystroke();
    await server.pull(uri);
    pull.push(now() - t0);
  }
  const debounceMs = typingDebounceMs();
  const results: EditResults = { article, debounceMs, pull: stats(pull), checks: [] };
  if (options.pushEdits > 0) {
    await new Promise((resolve) => setTimeout(resolve, 2 * debounceMs + 500)); // let the last debounced and corpus-settle lints pass
    const raw: number[] = [];
    const pushStarted = now();
    for (let i = 0; i < options.pushEdits && within(i, pushStarted); i++) {
      const published = server.published(uri, version + 1);
      const t0 = now();
      await keystroke();
      await published;
      raw.push(now() - t0);
    }
    results.push = { raw: stats(raw), withoutDebounce: stats(raw.map((r) => r - debounceMs)) };
    if (results.push.raw.min < debounceMs) results.checks.push(`a push came ${ms(results.push.raw.min)} ms after its keystroke, before the ${debounceMs} ms debounce: the debounce has changed`);
  }
  return results;
}

export function formatEditing(e: EditResults): string {
  const row = (label: string, s: Stats, target: boolean) => [label, ms(s.p50), ms(s.p95), ms(s.max), String(s.runs), target ? verdict('keystroke', s.p95) : ''];
  const rows = [row('pull: didChange → textDocument/diagnostic', e.pull, true)];
  if (e.push) {
    rows.push(row(`push: didChange → publishDiagnostics − ${e.debounceMs} ms debounce`, e.push.withoutDebounce, false));
    rows.push(row('push: raw, debounce included', e.push.raw, false));
  }
  return [
    `Typing into ${path.basename(e.article.file)} (${(e.article.bytes / 1024).toFixed(1)} KB), one character per edit, the corpus indexed:`,
    table(['keystroke → diagnostics', 'p50 ms', 'p95 ms', 'max ms', 'edits', 'target'], rows),
    ...e.checks.map((c) => `CHECK FAILED: ${c}`),
  ].join('\n');
}
