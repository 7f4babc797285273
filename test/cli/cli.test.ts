// End-to-end tests of `node dist/cli.js` (built by `npm run build`) on temporary corpora.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';
import { assertBuilt, BOM, linesOf, onlyRulesYaml, runCli, tempDir, TATWEEL, writeTree } from './helpers';

const T3 = TATWEEL.repeat(3);
const STRETCHED = `ال${T3}رئيس`;

before(assertBuilt);

describe('nassaq check: text output', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  writeTree(dir, {
    'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }),
    'corpus/one.txt': `افتتح ${STRETCHED} المعرض صباح اليوم\n`,
    'corpus/two.txt': 'سطر أول سليم\nوصل الو' + TATWEEL + 'فد إلى العاصمة\n',
    'corpus/clean.txt': 'خبر قصير لا مشكلة فيه\n',
  });

  it('prints file:line:col  severity  rule  message and a summary, exit 0 for warnings', () => {
    const result = runCli(['check'], dir);
    assert.equal(result.status, 0, result.stderr);
    const lines = linesOf(result.stdout);
    assert.equal(lines.length, 4, result.stdout);
    assert.match(lines[0], /^corpus\/one\.txt:1:9  warning  tatweel  /);
    assert.match(lines[1], /^corpus\/two\.txt:2:8  warning  tatweel  /);
    assert.equal(lines[2], '✖ 2 problems (0 errors, 2 warnings, 0 info) in 2 of 3 files');
    assert.equal(lines[3], '  2 problems can be fixed automatically with --fix');
    assert.equal(result.stderr, '');
  });

  it('makes paths relative to the working directory', () => {
    const result = runCli(['check', '.'], path.join(dir, 'corpus'));
    assert.match(result.stdout, /^one\.txt:1:9  warning  tatweel/m);
  });

  it('exits 1 when a finding is an error, and --quiet keeps only errors', () => {
    const sub = path.join(dir, 'strict');
    writeTree(sub, {
      'nassaq.yaml': onlyRulesYaml({ tatweel: 'error' }),
      'a.txt': `قال ${STRETCHED} كلمة\n`,
    });
    const result = runCli(['check', 'strict'], dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^strict\/a\.txt:1:7  error  tatweel/m);
    assert.match(result.stdout, /✖ 1 problem \(1 error, 0 warnings, 0 info\) in 1 of 1 file$/m);
    const quiet = runCli(['check', '--quiet'], path.join(dir, 'corpus'));
    assert.equal(quiet.status, 0);
    assert.deepEqual(linesOf(quiet.stdout), ['✔ No problems in 3 files']);
  });
});

describe('nassaq check: JSON output', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  // BOM, an emoji before the finding on its line, CRLF line endings.
  const text = `عنوان الخبر 😀\r\nقال 😀 ${STRETCHED} كلمة\r\n`;
  writeTree(dir, { 'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }), 'news/a.txt': BOM + text });

  it('writes one document with UTF-16 offsets, 0-based LSP ranges and the fixes', () => {
    const result = runCli(['check', '--format', 'json'], dir);
    assert.equal(result.status, 0, result.stderr);
    const doc = JSON.parse(result.stdout);
    assert.equal(doc.version, 1);
    assert.equal(doc.files, 1);
    assert.deepEqual(doc.skipped, []);
    assert.equal(doc.diagnostics.length, 1);
    const [d] = doc.diagnostics;
    const offset = text.indexOf(T3);
    const character = offset - (text.indexOf('\r\n') + 2);
    assert.equal(character, 'قال 😀 ال'.length); // the emoji counts as two code units
    assert.deepEqual(
      { file: d.file, rule: d.rule, severity: d.severity, offset: d.offset, length: d.length, text: d.text },
      { file: 'news/a.txt', rule: 'tatweel', severity: 'warning', offset, length: 3, text: T3 },
    );
    assert.deepEqual(d.range, { start: { line: 1, character }, end: { line: 1, character: character + 3 } });
    assert.equal(d.fixes.length, 1);
    assert.deepEqual(d.fixes[0].edits, [{ offset, length: 3, newText: '' }]);
    assert.equal(typeof d.fixes[0].title, 'string');
    assert.equal(typeof d.message, 'string');
  });

  it('lists bad files in skipped and still checks the rest', () => {
    writeTree(dir, {
      'news/image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'news/legacy.txt': Buffer.from([0x41, 0x3a, 0x20, 0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x0a]),
    });
    const result = runCli(['check', '-f', 'json'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    const doc = JSON.parse(result.stdout);
    assert.equal(doc.files, 1);
    assert.equal(doc.diagnostics.length, 1);
    assert.deepEqual(doc.skipped, [
      { file: 'news/image.txt', reason: 'binary (NUL byte at offset 8)' },
      { file: 'news/legacy.txt', reason: 'file is Windows-1256, not UTF-8' },
    ]);
    const small = JSON.parse(runCli(['check', '-f', 'json', '--max-file-size', '20'], dir).stdout);
    assert.equal(small.files, 0);
    assert.match(small.skipped.find((s: { file: string }) => s.file === 'news/a.txt').reason, /^too large \(\d+ bytes; the limit is 20\b/);
    const text = runCli(['check'], dir);
    assert.equal(text.status, 0);
    assert.match(text.stderr, /^news\/image\.txt: skipped: binary/m);
    assert.match(text.stderr, /^news\/legacy\.txt: skipped: file is Windows-1256, not UTF-8$/m);
    assert.match(text.stdout, /in 1 of 1 file \(2 skipped\)$/m);
  });
});

describe('nassaq check: SARIF output', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const text = `سطر أول\nقال ${STRETCHED} كلمة\n`;
  writeTree(dir, {
    'nassaq.yaml': onlyRulesYaml({ tatweel: 'error' }),
    'مقالات/خبر 1.txt': text,
    'bad.txt': Buffer.from([0xc7, 0xe1]),
  });

  it('writes SARIF 2.1.0 with the rule catalogue, regions, fixes and notifications', () => {
    const result = runCli(['check', '--format', 'sarif'], dir);
    assert.equal(result.status, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const [run] = sarif.runs;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.name, 'nassaq');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    const tatweelRule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'tatweel');
    assert.equal(tatweelRule.helpUri, 'https://github.com/nassaq/nassaq#tatweel');
    assert.equal(tatweelRule.defaultConfiguration.level, 'warning');
    assert.equal(typeof tatweelRule.shortDescription.text, 'string');
    const mixed = run.tool.driver.rules.find((r: { id: string }) => r.id === 'mixed-digits');
    assert.equal(mixed.defaultConfiguration.level, 'note');

    assert.equal(run.results.length, 1);
    const [r] = run.results;
    assert.equal(r.ruleId, 'tatweel');
    assert.equal(r.level, 'error');
    assert.equal(typeof r.message.text, 'string');
    const location = r.locations[0].physicalLocation;
    assert.equal(decodeURIComponent(location.artifactLocation.uri), 'مقالات/خبر 1.txt');
    assert.ok(!location.artifactLocation.uri.includes(' '));
    const offset = text.indexOf(T3);
    assert.deepEqual(
      { ...location.region, snippet: undefined },
      { startLine: 2, startColumn: 7, endLine: 2, endColumn: 10, charOffset: offset, charLength: 3, snippet: undefined },
    );
    assert.deepEqual(r.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { charOffset: offset, charLength: 3 }, insertedContent: { text: '' } }]);
    assert.equal(typeof r.fixes[0].description.text, 'string');

    const notes = run.invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text, /bad\.txt: skipped: file is Windows-1256, not UTF-8/);
    assert.equal(notes[0].locations[0].physicalLocation.artifactLocation.uri, 'bad.txt');
  });
});

describe('nassaq check --fix', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const original = `${BOM}عنوان\r\nقال ${STRETCHED} إن ال${TATWEEL}وزير وصل\r\nسطر أخير\r\n`;
  writeTree(dir, { 'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }), 'a.txt': original, 'clean.txt': 'نص سليم\n' });

  it('rewrites the file keeping BOM and CRLF, and a second run finds nothing to fix', () => {
    const first = runCli(['check', '--fix'], dir);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    assert.deepEqual(linesOf(first.stdout), ['Applied 2 fixes in 1 file', '✔ No problems in 2 files']);
    const bytes = readFileSync(path.join(dir, 'a.txt'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8'), `${BOM}عنوان\r\nقال الرئيس إن الوزير وصل\r\nسطر أخير\r\n`);
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'clean.txt', 'nassaq.yaml']);

    const second = runCli(['check', '--fix', '--format', 'json'], dir);
    const doc = JSON.parse(second.stdout);
    assert.deepEqual(doc.diagnostics, []);
    assert.deepEqual(doc.fix, { applied: 0, files: 0, notFixed: [] });
  });
});

describe('nassaq check: configuration and discovery', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const article = `قال ${STRETCHED} كلمة\n`;
  writeTree(dir, {
    'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }, "include: ['articles/**/*.txt']\nexclude: ['articles/drafts/**']\n"),
    'articles/a.txt': article,
    'articles/2024/b.txt': article,
    'articles/drafts/c.txt': article,
    'articles/d.md': article,
    'notes/e.txt': article,
    'articles/.git/f.txt': article,
    'articles/node_modules/g.txt': article,
    'articles/strict/nassaq.yaml': onlyRulesYaml({ tatweel: 'error' }),
    'articles/strict/h.txt': article,
  });

  const filesIn = (stdout: string): string[] => [...new Set(linesOf(stdout).filter((l) => l.includes('  tatweel  ')).map((l) => l.split(':')[0]))];

  it('honours include and exclude relative to nassaq.yaml, and nested configs', () => {
    const result = runCli(['check'], dir);
    assert.deepEqual(filesIn(result.stdout), ['articles/2024/b.txt', 'articles/a.txt', 'articles/strict/h.txt']);
    assert.match(result.stdout, /^articles\/strict\/h\.txt:1:7  error  tatweel/m);
    assert.equal(result.status, 1);
  });

  it('does not follow symbolic links out of the tree', () => {
    const outside = tempDir();
    try {
      writeTree(outside.dir, { 'x.txt': article });
      symlinkSync(outside.dir, path.join(dir, 'articles', 'linked'));
      symlinkSync(path.join(outside.dir, 'x.txt'), path.join(dir, 'articles', 'linked-file.txt'));
      const result = runCli(['check'], dir);
      assert.deepEqual(filesIn(result.stdout), ['articles/2024/b.txt', 'articles/a.txt', 'articles/strict/h.txt']);
    } finally {
      rmSync(path.join(dir, 'articles', 'linked'));
      rmSync(path.join(dir, 'articles', 'linked-file.txt'));
      outside.cleanup();
    }
  });

  it('finds nassaq.yaml above a named folder, and checks a named file whatever its name', () => {
    const sub = runCli(['check', '.'], path.join(dir, 'articles', '2024'));
    assert.deepEqual(filesIn(sub.stdout), ['b.txt']);
    const named = runCli(['check', 'articles/d.md', 'articles/drafts/c.txt'], dir);
    assert.deepEqual(filesIn(named.stdout), ['articles/d.md', 'articles/drafts/c.txt']);
  });

  it('uses --config instead of the nearest nassaq.yaml', () => {
    writeTree(dir, { 'other/all.yaml': onlyRulesYaml({ tatweel: 'info' }) });
    const result = runCli(['check', 'notes', '--config', 'other/all.yaml'], dir);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^notes\/e\.txt:1:7  info  tatweel/m);
  });

  it('exits 2 for a broken nassaq.yaml, naming line and column', () => {
    const broken = path.join(dir, 'broken');
    writeTree(broken, { 'nassaq.yaml': 'rules:\n  no-such-rule: error\n', 'a.txt': article });
    const result = runCli(['check', 'broken'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^broken\/nassaq\.yaml:2:3  error  Unknown rule 'no-such-rule'/m);
  });

  it('exits 2 for usage errors: unknown option, unknown format, missing path, bad size, unknown command', () => {
    const usageErrors = [['check', '--bogus'], ['check', '--format', 'xml'], ['check', 'no/such/folder'], ['check', '--max-file-size', 'lots'], ['frobnicate']];
    for (const args of usageErrors) {
      const result = runCli(args, dir);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /nassaq: /);
    }
  });
});

describe('nassaq rules, --help, --version', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);

  it('lists every rule as text and as JSON', () => {
    const text = runCli(['rules'], dir);
    assert.equal(text.status, 0);
    for (const rule of RULES) assert.match(text.stdout, new RegExp(`^${rule.id} +${rule.defaultSeverity} +(yes|no) +\\S`, 'm'));
    const json = JSON.parse(runCli(['rules', '--format', 'json'], dir).stdout);
    assert.deepEqual(json.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    assert.deepEqual(Object.keys(json.rules[0]).sort(), ['description', 'fixable', 'id', 'options', 'severity']);
  });

  it('prints help and version', () => {
    assert.match(runCli(['--help'], dir).stdout, /Usage: nassaq/);
    assert.match(runCli(['--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('nassaq check: many files', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const files: Record<string, string> = { 'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }) };
  for (let i = 0; i < 300; i++) files[`a/${String(i).padStart(3, '0')}.txt`] = i % 50 === 0 ? `قال ${STRETCHED}\n` : 'نص سليم\n';
  writeTree(dir, files);

  it('reports in a deterministic sorted order and shows no progress bar when stderr is not a TTY', () => {
    const result = runCli(['check'], dir);
    assert.equal(result.stderr, '');
    const reported = linesOf(result.stdout).filter((l) => l.includes('tatweel')).map((l) => l.split(':')[0]);
    assert.deepEqual(reported, ['a/000.txt', 'a/050.txt', 'a/100.txt', 'a/150.txt', 'a/200.txt', 'a/250.txt']);
    assert.match(result.stdout, /in 6 of 300 files$/m);
  });
});
