// Crash safety of the commands that rewrite articles (issue #7): `check --fix` and
// `convert --to utf-8` are killed with SIGKILL part-way through a corpus, and then EVERY article
// must be byte for byte either its original or its finished version (computed by an uninterrupted
// run on a copy), keep its permissions, and no temporary file left behind may look like an article
// (match the default include `**/*.txt`). A second full run must then finish the job and give
// exactly the state of the uninterrupted run, re-doing only the files the killed run had not done.
//
// Per command: 400 articles (4 lines each), 4 kill points, each on a fresh copy of the corpus, so 4 × 400 = 1,600
// files verified after the kills and 1,600 more after the second runs (3,200 per command, 6,400 in
// all). The kill points:
//   - the first file-system event in the corpus (the first temporary file appears);
//   - when a quarter of the articles have been renamed into place;
//   - 30% and 70% of the way through the writing phase of the uninterrupted run (timed from its
//     first file-system event to its end, so on any machine they fall among the writes).
// The event-driven points land mid-run whatever the machine's speed; the test asserts that at
// least one kill per command did (some files new, some old). Both commands buffer their report
// until the end when not on a TTY, so "the first output" would be the end of the run: not used.
//
// Also: a file edited by someone else while `check --fix` runs is not touched (in process, through
// the terminal's progress calls; the edit between the last check and the rename is covered by
// writeFileAtomic's beforeRename test in article-file.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv = require('iconv-lite');
import { runCheck } from '../../server/src/cli/check';
import { Terminal, type OutStream } from '../../server/src/cli/progress';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { articleMatcher } from '../../server/src/core/config/match';
import { SENTENCES } from './arabic-samples';
import { assertBuilt, CLI, inTempDir, onlyRulesYaml, TATWEEL } from './helpers';

const ARTICLES = 400;
const LINES_PER_ARTICLE = 4;
const MODES = [0o644, 0o600, 0o664, 0o640];
/** The name of a temporary file of writeFileAtomic: `.<name>.nassaq-<pid>-<random>.tmp`. */
const TEMP_NAME = /^\.article-\d{4}\.txt\.nassaq-\d+-[0-9a-f]{12}\.tmp$/;
const ARTICLE_NAME = /^article-\d{4}\.txt$/;
const CONFIG_YAML = onlyRulesYaml({ tatweel: 'warning', 'latin-punctuation': 'warning', spacing: 'warning' });
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', NO_COLOR: '1' };
/** Nothing here should take this long; a hung child is killed rather than hanging the suite. */
const CHILD_TIMEOUT_MS = 60_000;

type KillPoint =
  /** Kill on the first file-system event, or once `renamed` articles have been renamed into place. */
  | { name: string; kind: 'event'; renamed: number }
  /** Kill at this share of the way through the writes of the uninterrupted run. */
  | { name: string; kind: 'time'; share: number };

const KILL_POINTS: readonly KillPoint[] = [
  { name: 'first temporary file', kind: 'event', renamed: 0 },
  { name: 'a quarter renamed', kind: 'event', renamed: ARTICLES / 4 },
  { name: '30% into the writes', kind: 'time', share: 0.3 },
  { name: '70% into the writes', kind: 'time', share: 0.7 },
];

interface Corpus {
  /** Article name → original bytes. */
  files: Map<string, Buffer>;
  /** Article name → permission bits. */
  modes: Map<string, number>;
  /** Files other than articles (nassaq.yaml), kept as they are. */
  extra: Record<string, string>;
}

interface Command {
  name: string;
  args: readonly string[];
  corpus: () => Corpus;
  /** Checks one article as the uninterrupted run left it, independently of the CLI. */
  checkFinished: (index: number, original: Buffer, finished: Buffer) => void;
  /** Checks the JSON report of the run that finishes after a kill: it re-did exactly `redo` files. */
  checkReport: (report: any, redo: number) => void;
}

function articleName(i: number): string {
  return `article-${String(i).padStart(4, '0')}.txt`;
}

/** Text of article `i`: sentences from the samples, with tatweel, a Latin comma after an Arabic word or doubled spaces on every line. */
function problemText(i: number): string {
  const eol = i % 3 === 0 ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let k = 0; k < LINES_PER_ARTICLE; k++) {
    const words = SENTENCES[(i * 7 + k * 3) % SENTENCES.length].split(' ');
    if (k % 3 === 0) words[1] = `${words[1].slice(0, -1)}${TATWEEL}${TATWEEL}${words[1].slice(-1)}`;
    if (k % 3 === 1) words[2] = `${words[2]},`;
    lines.push(words.join(k % 3 === 2 ? '  ' : ' '));
  }
  return lines.join(eol) + eol;
}

function fixCorpus(): Corpus {
  const files = new Map<string, Buffer>();
  const modes = new Map<string, number>();
  for (let i = 0; i < ARTICLES; i++) {
    // A BOM on every fourth article; CRLF on every third.
    files.set(articleName(i), Buffer.from(`${i % 4 === 1 ? '\uFEFF' : ''}${problemText(i)}`, 'utf8'));
    modes.set(articleName(i), MODES[i % MODES.length]);
  }
  return { files, modes, extra: { 'nassaq.yaml': CONFIG_YAML } };
}

function legacyText(i: number): string {
  const eol = i % 3 === 0 ? '\r\n' : '\n';
  return Array.from({ length: LINES_PER_ARTICLE }, (_, k) => SENTENCES[(i * 5 + k) % SENTENCES.length]).join(eol) + eol;
}

function convertCorpus(): Corpus {
  const files = new Map<string, Buffer>();
  const modes = new Map<string, number>();
  for (let i = 0; i < ARTICLES; i++) {
    files.set(articleName(i), iconv.encode(legacyText(i), 'windows-1256'));
    modes.set(articleName(i), MODES[i % MODES.length]);
  }
  return { files, modes, extra: {} };
}

const COMMANDS: readonly Command[] = [
  {
    name: 'check --fix',
    args: ['check', '--fix', '--format', 'json', '.'],
    corpus: fixCorpus,
    checkFinished: (i, original, finished) => {
      const text = finished.toString('utf8');
      assert.equal(text.startsWith('\uFEFF'), i % 4 === 1, `${articleName(i)} keeps its BOM, or has none`);
      assert.equal(text.split('\r\n').length, original.toString('utf8').split('\r\n').length, `${articleName(i)} keeps its line endings`);
      assert.ok(!text.includes(TATWEEL) && !text.includes('  ') && !text.includes(','), `${articleName(i)} is fixed`);
    },
    checkReport: (report, redo) => {
      assert.equal(report.files, ARTICLES, 'every article checked, and nothing else (no temporary file)');
      assert.equal(report.fix.files, redo, 'only the articles the killed run had not fixed are fixed');
      assert.deepEqual(report.fix.notFixed, []);
      assert.deepEqual(report.skipped, []);
      assert.deepEqual(report.diagnostics, []);
    },
  },
  {
    name: 'convert --to utf-8',
    args: ['convert', '--to', 'utf-8', '--format', 'json', '.'],
    corpus: convertCorpus,
    checkFinished: (i, _original, finished) => assert.ok(finished.equals(Buffer.from(legacyText(i), 'utf8')), `${articleName(i)} is its text in UTF-8`),
    checkReport: (report, redo) => {
      assert.equal(report.converted.length, redo, 'only the articles the killed run had not converted are converted');
      assert.equal(report.unchanged, ARTICLES - redo, 'the others are found in UTF-8, and no temporary file is taken for an article');
      assert.deepEqual(report.left, []);
    },
  },
];

/**
 * A fresh folder for the corpora, in memory (/dev/shm) where there is one: a SIGKILL stops the
 * process, not the machine, so the disk's fsync adds nothing to what is tested here but ~2/3 of
 * the time (each article's write is flushed). Elsewhere the OS temp folder.
 */
async function inCorpusDir(body: (dir: string) => Promise<void>): Promise<void> {
  let base = os.tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    if (statSync('/dev/shm').isDirectory()) base = '/dev/shm';
  } catch {
    // no /dev/shm: the OS temp folder
  }
  const dir = mkdtempSync(path.join(base, 'nassaq-crash-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeCorpus(dir: string, corpus: Corpus): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(corpus.extra)) writeFileSync(path.join(dir, name), text);
  for (const [name, bytes] of corpus.files) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    chmodSync(file, corpus.modes.get(name)!); // exact bits, whatever the umask
  }
}

interface RunResult {
  /** The kill was sent (false: the run ended first). */
  killed: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the spawn to the first file-system event in `dir`, if any. */
  firstEventMs?: number;
  /** Milliseconds from the spawn to the end of the run. */
  durationMs: number;
}

/**
 * Runs the CLI in `dir`, watching the folder: kills it with SIGKILL at `kill` (when given), or
 * lets it finish.
 */
function runWatched(args: readonly string[], dir: string, kill?: { afterMs: number } | { renamed: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let firstEventMs: number | undefined;
    let killed = false;
    const renamed = new Set<string>();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...ENGLISH }, stdio: ['ignore', 'pipe', 'pipe'] });
    const killNow = (): void => {
      if (killed || child.exitCode !== null || child.signalCode !== null) return;
      killed = child.kill('SIGKILL');
    };
    const watcher = watch(dir, (event, name) => {
      firstEventMs ??= performance.now() - start;
      if (!kill || !('renamed' in kill)) return;
      // A rename event for an article's own name is the temporary file taking its place.
      if (event === 'rename' && name && ARTICLE_NAME.test(name)) renamed.add(name);
      if (renamed.size >= kill.renamed) killNow();
    });
    const timer = kill && 'afterMs' in kill ? setTimeout(killNow, kill.afterMs) : undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const durationMs = performance.now() - start;
      watcher.close();
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ killed, code, stdout, stderr, firstEventMs, durationMs });
    });
  });
}

/** Article name → bytes, of the articles in `dir`; the other entries are returned apart. */
function snapshot(dir: string, corpus: Corpus): { files: Map<string, Buffer>; others: string[] } {
  const files = new Map<string, Buffer>();
  const others: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (corpus.files.has(name)) files.set(name, readFileSync(path.join(dir, name)));
    else if (!(name in corpus.extra)) others.push(name);
  }
  return { files, others };
}

/** Asserts that every article has the permissions it started with. */
function assertModes(dir: string, corpus: Corpus, when: string): void {
  const wrong: string[] = [];
  for (const [name, mode] of corpus.modes) {
    const actual = statSync(path.join(dir, name)).mode & 0o7777;
    if (actual !== mode) wrong.push(`${name}: ${actual.toString(8)} instead of ${mode.toString(8)}`);
  }
  assert.deepEqual(wrong, [], `permissions ${when}`);
}

/** Asserts that leftover temporary files are named as writeFileAtomic names them and are no articles. */
function assertTempFilesHarmless(names: readonly string[], when: string): void {
  const isArticle = articleMatcher(DEFAULT_CONFIG);
  for (const name of names) {
    assert.match(name, TEMP_NAME, `unexpected file ${when}`);
    assert.equal(isArticle(name), false, `${name} matches the default include ${DEFAULT_CONFIG.include.join(', ')}`);
  }
}

// One test at a time: the kill timers and file-system events need this process's event loop free.
describe('crash safety: SIGKILL part-way through', { concurrency: false }, () => {
  for (const command of COMMANDS) {
    it(`${command.name}: every article is old or new after a kill at ${KILL_POINTS.length} points, and a second run converges`, async (t) => {
      assertBuilt();
      await inCorpusDir(async (root) => {
        const corpus = command.corpus();
        const names = [...corpus.files.keys()];

        // The uninterrupted run gives the finished version of every article, and the timing of its writes.
        const referenceDir = path.join(root, 'reference');
        writeCorpus(referenceDir, corpus);
        const reference = await runWatched(command.args, referenceDir);
        assert.equal(reference.code, 0, reference.stderr);
        const finished = snapshot(referenceDir, corpus);
        assert.deepEqual(finished.others, [], 'an uninterrupted run leaves no temporary file');
        assert.equal(finished.files.size, ARTICLES);
        for (const [i, name] of names.entries()) {
          assert.ok(!finished.files.get(name)!.equals(corpus.files.get(name)!), `${name} is changed by the run, so old and new can be told apart`);
          command.checkFinished(i, corpus.files.get(name)!, finished.files.get(name)!);
        }
        assertModes(referenceDir, corpus, 'after an uninterrupted run');
        assert.ok(reference.firstEventMs !== undefined, 'the run writes files');
        const writesStart = reference.firstEventMs;
        const writesLength = Math.max(1, reference.durationMs - writesStart);

        const outcomes: string[] = [];
        let midRun = 0;
        let verified = 0;
        for (const [index, point] of KILL_POINTS.entries()) {
          const dir = path.join(root, `kill-${index}`);
          writeCorpus(dir, corpus);
          const kill = point.kind === 'event' ? { renamed: point.renamed } : { afterMs: writesStart + point.share * writesLength };
          const run = await runWatched(command.args, dir, kill);
          if (!run.killed) assert.equal(run.code, 0, run.stderr);

          // Every article is its original or its finished version, byte for byte.
          const after = snapshot(dir, corpus);
          let changed = 0;
          const halfDone: string[] = [];
          for (const name of names) {
            const bytes = after.files.get(name);
            assert.ok(bytes, `${name} still exists after the kill at ${point.name}`);
            if (bytes.equals(finished.files.get(name)!)) changed++;
            else if (!bytes.equals(corpus.files.get(name)!)) halfDone.push(name);
          }
          assert.deepEqual(halfDone, [], `articles neither old nor new after the kill at ${point.name}`);
          verified += names.length;
          assertModes(dir, corpus, `after the kill at ${point.name}`);
          assertTempFilesHarmless(after.others, `after the kill at ${point.name}`);
          if (changed > 0 && changed < ARTICLES) midRun++;
          outcomes.push(`${point.name}: ${run.killed ? 'killed' : 'finished first'}, ${changed} new, ${ARTICLES - changed} old, ${after.others.length} temporary`);

          // A second, full run finishes the job and converges on the uninterrupted run's result.
          const again = await runWatched(command.args, dir);
          assert.equal(again.code, 0, again.stderr);
          command.checkReport(JSON.parse(again.stdout), ARTICLES - changed);
          const final = snapshot(dir, corpus);
          for (const name of names) assert.ok(final.files.get(name)!.equals(finished.files.get(name)!), `${name} after the second run (kill at ${point.name})`);
          verified += names.length;
          assertModes(dir, corpus, `after the second run (kill at ${point.name})`);
          // The second run removes the temporary files of the killed one and leaves none of its own.
          assert.deepEqual(final.others, [], 'no temporary file is left after the second run');
        }
        t.diagnostic(`${verified} article states verified; ${outcomes.join('; ')}`);
        assert.ok(midRun > 0, `no kill landed mid-run (some files new, some old):\n${outcomes.join('\n')}`);
        assert.equal(verified, 2 * KILL_POINTS.length * ARTICLES);
      });
    });
  }

  it('check --fix leaves alone an article edited by someone else while it runs', async () => {
    await inTempDir(async (dir) => {
      const count = 12;
      const files: string[] = [];
      for (let i = 0; i < count; i++) {
        files.push(path.join(dir, articleName(i)));
        writeFileSync(files[i], problemText(i));
      }
      writeFileSync(path.join(dir, 'nassaq.yaml'), CONFIG_YAML);
      const editedBefore = `${problemText(100)}سطر أضافه محرر آخر قبل الإصلاح\n`;
      const editedDuring = `${problemText(101)}سطر أضافه محرر آخر أثناء الإصلاح\n`;
      // Hooks into the progress calls: article 3 is edited once all are read, before any fix;
      // article 9 while article 5 is being fixed (after 5 ticks of the Fixing phase).
      let phase = '';
      let ticks = 0;
      class EditingTerminal extends Terminal {
        override startProgress(total: number, label: string): void {
          phase = label;
          ticks = 0;
          if (label === 'Fixing') writeFileSync(files[3], editedBefore);
          super.startProgress(total, label);
        }
        override tick(): void {
          if (phase === 'Fixing' && ++ticks === 5) writeFileSync(files[9], editedDuring);
          super.tick();
        }
      }
      const sink = (): OutStream & { text: string } => {
        const stream = { text: '', write: (chunk: string) => ((stream.text += chunk), true) };
        return stream;
      };
      const stdout = sink();
      const stderr = sink();
      const code = await runCheck({ paths: ['.'], cwd: dir, format: 'json', fix: true, quiet: false }, new EditingTerminal(stdout, stderr));
      assert.equal(phase, 'Fixing', 'the hook ran');
      const report = JSON.parse(stdout.text);
      const reason = 'file changed on disk while checking; not fixed';
      assert.deepEqual(report.fix.notFixed, [
        { file: articleName(3), reason },
        { file: articleName(9), reason },
      ]);
      assert.equal(report.fix.files, count - 2);
      assert.equal(readFileSync(files[3], 'utf8'), editedBefore);
      assert.equal(readFileSync(files[9], 'utf8'), editedDuring);
      for (const i of [0, 5, 8, 10]) {
        const text = readFileSync(files[i], 'utf8');
        assert.ok(!text.includes(TATWEEL) && !text.includes('  '), `${articleName(i)} is fixed`);
      }
      assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
      assert.equal(code, 0, stderr.text);
    });
  });
});
