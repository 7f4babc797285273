// `nassaq check` and `nassaq convert` read only the paths they are given and follow no symbolic
// link out of them: a registry path leaving the corpus is a problem of nassaq.yaml, include globs
// with `..` never reach outside (and are warned about), and a symlinked article pointing outside
// is skipped with a reason.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import iconv = require('iconv-lite');
import { assertBuilt, inTempDir, runCli, TATWEEL, writeTree } from './helpers';

const ARTICLE = `قال ال${TATWEEL}${TATWEEL}رئيس إن الوزير سالم العتيبي وصل.\n`;
const REGISTRY = 'actors:\n  - id: salem\n    name: سالم العتيبي\n    type: person\n';

describe('CLI reads stay inside the given paths', { skip: process.platform === 'win32' ? 'symbolic links need privileges on Windows' : false }, () => {
  before(assertBuilt);

  it('refuses `actors: ../../etc/passwd` with a problem of nassaq.yaml (exit 2)', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'corpus/nassaq.yaml': 'actors: ../../etc/passwd\n', 'corpus/a.txt': ARTICLE });
      const result = runCli(['check', 'corpus'], dir);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /corpus\/nassaq\.yaml:1:9 {2}error {2}'actors' must name a file inside the folder of nassaq\.yaml or the workspace; \.\.\/\.\.\/etc\/passwd is outside, not read/);
      assert.doesNotMatch(result.stderr, /root:|passwd:\d/);
    });
  });

  it('refuses an absolute registry path and a symlinked actors.yaml pointing outside', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'corpus/nassaq.yaml': `actors: ${path.join(dir, 'outside', 'actors.yaml')}\n`, 'corpus/a.txt': ARTICLE, 'outside/actors.yaml': REGISTRY });
      assert.equal(runCli(['check', 'corpus'], dir).status, 2);
      writeTree(dir, { 'corpus/nassaq.yaml': 'rules:\n  tatweel: error\n' });
      symlinkSync(path.join(dir, 'outside', 'actors.yaml'), path.join(dir, 'corpus', 'actors.yaml'));
      const result = runCli(['check', 'corpus'], dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /'actors' must name a file inside .*actors\.yaml is outside/);
    });
  });

  it('accepts a registry beside nassaq.yaml or up to the given folder', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'corpus/actors.yaml': REGISTRY, 'corpus/news/nassaq.yaml': 'actors: ../actors.yaml\n', 'corpus/news/a.txt': ARTICLE });
      const result = runCli(['check', '-f', 'json', 'corpus'], dir);
      assert.notEqual(result.status, 2, result.stderr);
      assert.equal(JSON.parse(result.stdout).files, 1);
    });
  });

  it('include globs with `..` never match outside, and are warned about', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'corpus/nassaq.yaml': "include: ['../outside/**/*.txt', '**/*.txt']\n", 'corpus/a.txt': ARTICLE, 'outside/secret.txt': ARTICLE });
      const result = runCli(['check', '-f', 'json', 'corpus'], dir);
      assert.notEqual(result.status, 2, result.stderr);
      assert.match(result.stderr, /nassaq\.yaml:1:11 {2}warning {2}'\.\.\/outside\/\*\*\/\*\.txt' never matches: include patterns are relative to the folder of nassaq\.yaml/);
      const doc = JSON.parse(result.stdout);
      assert.equal(doc.files, 1);
      assert.ok(!result.stdout.includes('secret'), result.stdout);
    });
  });

  it('skips a symlinked article whose target is outside, with a reason; reads one pointing inside', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'corpus/news/a.txt': ARTICLE, 'outside/secret.txt': ARTICLE, 'outside/deep/b.txt': ARTICLE });
      symlinkSync(path.join(dir, 'outside', 'secret.txt'), path.join(dir, 'corpus', 'news', 'linked.txt'));
      symlinkSync(path.join(dir, 'corpus', 'news', 'a.txt'), path.join(dir, 'corpus', 'same.txt'));
      symlinkSync(path.join(dir, 'outside', 'deep'), path.join(dir, 'corpus', 'folder'));
      const result = runCli(['check', '-f', 'json', 'corpus'], dir);
      assert.notEqual(result.status, 2, result.stderr);
      const doc = JSON.parse(result.stdout);
      assert.equal(doc.files, 2); // news/a.txt and same.txt; folder/ is not entered
      assert.equal(doc.skipped.length, 1);
      assert.equal(doc.skipped[0].file, 'corpus/news/linked.txt');
      assert.match(doc.skipped[0].reason, /^a symbolic link to a file outside .*corpus; not read$/);
      assert.ok(!JSON.stringify(doc).includes('b.txt'));
    });
  });

  it('--fix and convert leave a symlinked article outside alone', async () => {
    await inTempDir(async (dir) => {
      const legacy = iconv.encode('قال الرئيس إن الوزير وصل.\n', 'windows-1256');
      writeTree(dir, { 'corpus/a.txt': ARTICLE, 'outside/secret.txt': ARTICLE, 'outside/legacy.txt': legacy });
      mkdirSync(path.join(dir, 'corpus', 'news'));
      symlinkSync(path.join(dir, 'outside', 'secret.txt'), path.join(dir, 'corpus', 'news', 'linked.txt'));
      symlinkSync(path.join(dir, 'outside', 'legacy.txt'), path.join(dir, 'corpus', 'news', 'legacy.txt'));
      runCli(['check', '--fix', 'corpus'], dir);
      assert.equal(readFileSync(path.join(dir, 'outside', 'secret.txt'), 'utf8'), ARTICLE);
      const converted = runCli(['convert', 'corpus'], dir);
      assert.match(converted.stdout + converted.stderr, /a symbolic link to a file outside/);
      assert.deepEqual(readFileSync(path.join(dir, 'outside', 'legacy.txt')), legacy);
    });
  });
});
