// Bad input on the command line: each bad file is named with its reason and skipped, the rest is
// checked; `nassaq convert` turns the articles in legacy encodings into UTF-8.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv = require('iconv-lite');
import { lintText } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { readArticle } from '../../server/src/node/article-file';
import { walkFiles } from '../../server/src/node/walk';
import { SENTENCES } from './arabic-samples';
import { assertBuilt, CLI, inTempDir, onlyRulesYaml, runCli, writeTree } from './helpers';

const ARTICLE = `${SENTENCES[0]}\r\n${SENTENCES[1]} في في المدينة.\r\n`;
const isRoot = process.getuid?.() === 0;

describe('nassaq check: bad input', () => {
  assertBuilt();

  it('names files in legacy encodings, binary, too large (max-file-size in nassaq.yaml) and empty files; checks the rest', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, {
        'nassaq.yaml': onlyRulesYaml({ 'repeated-word': 'warning' }, 'max-file-size: 1K\n'),
        'a-good.txt': ARTICLE,
        'b-1256.txt': iconv.encode(ARTICLE, 'windows-1256'),
        'c-8859.txt': iconv.encode(ARTICLE, 'iso-8859-6'),
        'd-utf16.txt': iconv.encode(ARTICLE, 'utf-16le', { addBOM: true }),
        'e-utf16be.txt': iconv.encode(ARTICLE, 'utf-16be'),
        'f-empty.txt': '',
        'g-binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
        'h-big.txt': `${SENTENCES[2]}\n`.repeat(40),
      });
      const result = runCli(['check', '-f', 'json'], dir);
      assert.equal(result.status, 0, result.stderr);
      const doc = JSON.parse(result.stdout);
      assert.deepEqual(doc.skipped, [
        { file: 'b-1256.txt', reason: 'file is Windows-1256, not UTF-8' },
        { file: 'c-8859.txt', reason: 'file is ISO-8859-6, not UTF-8' },
        { file: 'd-utf16.txt', reason: 'file is UTF-16 LE, not UTF-8' },
        { file: 'e-utf16be.txt', reason: 'file is UTF-16 BE, not UTF-8' },
        { file: 'g-binary.txt', reason: 'binary (NUL byte at offset 8)' },
        { file: 'h-big.txt', reason: `too large (${Buffer.byteLength(`${SENTENCES[2]}\n`) * 40} bytes; the limit is 1024, see max-file-size)` },
      ]);
      assert.equal(doc.files, 2, 'the good and the empty file');
      assert.deepEqual(doc.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`), ['a-good.txt repeated-word']);
      // --max-file-size wins over nassaq.yaml.
      assert.equal(JSON.parse(runCli(['check', '-f', 'json', '--max-file-size', '1M'], dir).stdout).skipped.length, 5);
      const text = runCli(['check'], dir);
      assert.match(text.stderr, /^b-1256\.txt: skipped: file is Windows-1256, not UTF-8$/m);
      const sarif = JSON.parse(runCli(['check', '-f', 'sarif'], dir).stdout);
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text);
      assert.ok(notes.includes('c-8859.txt: skipped: file is ISO-8859-6, not UTF-8'), notes.join('\n'));
    });
  });

  it('reports a bad max-file-size in nassaq.yaml as a configuration error', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'nassaq.yaml': 'max-file-size: lots\n', 'a.txt': ARTICLE });
      const result = runCli(['check'], dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /nassaq\.yaml:1:16 {2}error {2}'max-file-size' must be/);
    });
  });

  it('finishes on a 5 MB single line', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'nassaq.yaml': onlyRulesYaml({}).replace(/: off/g, ': warning'), 'one-line.txt': 'بالمحادثات'.repeat(260_000), 'words.txt': `${SENTENCES[3]} `.repeat(50_000) });
      const result = runCli(['check', '-f', 'json'], dir);
      assert.notEqual(result.status, 2, result.stderr);
      assert.equal(JSON.parse(result.stdout).files, 2);
    });
  });

  it('terminates on symbolic link loops and dangling links', { skip: process.platform === 'win32' }, async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'news/a.txt': ARTICLE });
      symlinkSync(dir, path.join(dir, 'news', 'loop'));
      symlinkSync(path.join(dir, 'news', 'self.txt'), path.join(dir, 'news', 'self.txt'));
      symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'news', 'gone.txt'));
      assert.deepEqual(await walkFiles(dir), ['news/a.txt']);
      const result = runCli(['check', '-f', 'json', 'news'], dir);
      assert.notEqual(result.status, 2, result.stderr);
      assert.equal(JSON.parse(result.stdout).files, 1);
    });
  });

  it('names an unreadable file (permission denied)', { skip: process.platform === 'win32' }, async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'a.txt': ARTICLE, 'secret.txt': ARTICLE });
      chmodSync(path.join(dir, 'secret.txt'), 0o000);
      // root reads every file: then the CLI runs as nobody, for whom the file is unreadable.
      chmodSync(dir, 0o755);
      const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
      const run = spawnSync(process.execPath, [CLI, 'check', '-f', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, ...asUser });
      const doc = JSON.parse(run.stdout);
      assert.deepEqual(doc.skipped, [{ file: 'secret.txt', reason: 'unreadable (EACCES: permission denied)' }]);
      assert.equal(doc.files, 1);
    });
  });

  it('reads a file that vanished after discovery as unreadable, and lints an empty one to nothing', async () => {
    await inTempDir(async (dir) => {
      const read = await readArticle(path.join(dir, 'vanished.txt'));
      assert.deepEqual(!read.ok && [read.kind, read.reason], ['unreadable', 'unreadable (ENOENT: no such file)']);
      writeFileSync(path.join(dir, 'empty.txt'), '');
      const empty = await readArticle(path.join(dir, 'empty.txt'));
      assert.ok(empty.ok);
      assert.deepEqual(lintText(empty.text, DEFAULT_CONFIG), []);
    });
  });
});

describe('nassaq convert', () => {
  assertBuilt();

  it('converts legacy encodings to UTF-8 keeping CRLF and permissions, with backups; lists what it leaves alone', async () => {
    await inTempDir(async (dir) => {
      const legacy = iconv.encode(ARTICLE, 'windows-1256');
      writeTree(dir, {
        'a.txt': ARTICLE,
        'b.txt': legacy,
        'c.txt': iconv.encode(ARTICLE, 'utf-16be', { addBOM: true }),
        'd.txt': iconv.encode('Le président a annoncé une réforme.', 'latin1'),
      });
      chmodSync(path.join(dir, 'b.txt'), 0o604);
      const dry = runCli(['convert', '--dry-run'], dir);
      assert.equal(dry.status, 1, dry.stderr);
      assert.match(dry.stdout, /^b\.txt: would convert from Windows-1256 to UTF-8$/m);
      assert.deepEqual(readFileSync(path.join(dir, 'b.txt')), legacy);

      const result = runCli(['convert', '--to', 'utf-8', '--backup', '-f', 'json'], dir);
      assert.equal(result.status, 1, 'd.txt is left alone');
      const doc = JSON.parse(result.stdout);
      assert.deepEqual(doc.converted, [
        { file: 'b.txt', from: 'windows-1256', backup: 'b.txt.bak' },
        { file: 'c.txt', from: 'utf-16be', backup: 'c.txt.bak' },
      ]);
      assert.equal(doc.unchanged, 1);
      assert.deepEqual(doc.left.map((l: { file: string }) => l.file), ['d.txt']);
      for (const name of ['a.txt', 'b.txt', 'c.txt']) assert.equal(readFileSync(path.join(dir, name), 'utf8'), ARTICLE, name);
      assert.equal(statSync(path.join(dir, 'b.txt')).mode & 0o777, 0o604);
      assert.deepEqual(readFileSync(path.join(dir, 'b.txt.bak')), legacy);

      // Converted files are now checked.
      const check = JSON.parse(runCli(['check', '-f', 'json', 'a.txt', 'b.txt', 'c.txt'], dir).stdout);
      assert.deepEqual([check.files, check.skipped], [3, []]);
      const again = runCli(['convert', 'a.txt', 'b.txt'], dir);
      assert.equal(again.status, 0);
      assert.match(again.stdout, /^Converted 0 files to UTF-8 \(2 already UTF-8\)$/m);
    });
  });

  it('rejects other targets and check options', async () => {
    await inTempDir(async (dir) => {
      mkdirSync(path.join(dir, 'x'));
      assert.equal(runCli(['convert', '--to', 'windows-1256'], dir).status, 2);
      assert.equal(runCli(['convert', '--fix'], dir).status, 2);
      assert.equal(runCli(['check', '--backup'], dir).status, 2);
    });
  });
});
