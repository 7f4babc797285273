// `nassaq check` on several threads gives, byte for byte, the report and the fixes of one thread.
// The corpus: our evaluation articles with errors injected under eight seeds (232 articles), so
// that corpus findings (spellings across files, merged words the corpus splits) depend on articles
// that other workers index.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { generate } from '../eval/generate';
import { assertBuilt, inTempDir, runCli, writeTree } from './helpers';

const ARTICLES = path.resolve(__dirname, '../eval/articles');
const SEEDS = 8;

function corpusFiles(): Record<string, string> {
  const base = readdirSync(ARTICLES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name, text: readFileSync(path.join(ARTICLES, name), 'utf8') }));
  const files: Record<string, string> = {};
  for (let seed = 1; seed <= SEEDS; seed++) for (const file of generate(base, { seed }).files) files[`seed-${seed}/${file.id}`] = file.text;
  return files;
}

function contents(dir: string, names: readonly string[]): string[] {
  return names.map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

describe('check --jobs', () => {
  before(assertBuilt);
  const files = corpusFiles();
  const names = Object.keys(files).sort();

  it('reports what one thread reports, in every format', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, files);
      for (const format of ['json', 'text', 'sarif']) {
        const one = runCli(['check', '--jobs', '1', '--format', format, '.'], dir);
        const two = runCli(['check', '--jobs', '2', '--format', format, '.'], dir);
        assert.equal(two.stderr, one.stderr, format);
        assert.equal(two.status, one.status, format);
        assert.equal(two.stdout, one.stdout, format);
      }
      const report = JSON.parse(runCli(['check', '--jobs', '3', '--format', 'json', '.'], dir).stdout) as { files: number; diagnostics: Array<{ rule: string }> };
      assert.equal(report.files, names.length);
      const corpusRules = new Set(report.diagnostics.map((diagnostic) => diagnostic.rule));
      // Findings that need the other workers' articles are among those compared.
      for (const rule of ['actor-spelling', 'merged-word']) assert.ok(corpusRules.has(rule), `${rule} found nothing: the comparison proves little`);
    });
  });

  it('fixes as one thread fixes', async () => {
    const fixed: string[][] = [];
    for (const jobs of ['1', '2']) {
      await inTempDir(async (dir) => {
        writeTree(dir, files);
        const result = runCli(['check', '--fix', '--jobs', jobs, '--format', 'json', '.'], dir);
        assert.notEqual(result.status, 2, result.stderr);
        fixed.push(contents(dir, names));
      });
    }
    assert.notDeepEqual(fixed[0], names.map((name) => files[name]), 'nothing was fixed');
    assert.deepEqual(fixed[1], fixed[0]);
  });

  it('refuses a number of jobs that is not a positive integer', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, { 'a.txt': 'نص' });
      for (const jobs of ['0', 'two', '1.5']) {
        const result = runCli(['check', '--jobs', jobs, '.'], dir);
        assert.equal(result.status, 2, jobs);
        assert.match(result.stderr, /--jobs/);
      }
    });
  });
});
