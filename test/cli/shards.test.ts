// Sharded runs: `nassaq stats` per shard, `nassaq stats merge`, then `nassaq check --stats` per
// shard gives exactly the findings (and the fixes) of one `nassaq check` over the whole corpus.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { assertBuilt, inTempDir, linesOf, runCli, tempDir, writeTree } from './helpers';

before(assertBuilt);

const SAMPLES = path.resolve(__dirname, '../../samples');
const SAMPLE_ARTICLES = readdirSync(path.join(SAMPLES, 'articles')).sort().map((name) => `samples/articles/${name}`);

/** Two shards of news items: a name, a merged pair and shadda whose corpus counts are mostly in the other shard. */
const NEWS = {
  'news/a/one.txt': 'استقبل وزير المالية فايز العتيبي وفدًا من المستثمرين، وأكد أن الأمم المتحدة تدعم خطة التنمية.\nوقال الوزير فايز العتيبي إن الميزانية الجديدة ستركّز على التعليم.\n',
  'news/a/two.txt': 'أعلن فايز العتيبي برنامجًا لدعم المشاريع الصغيرة بحضور ممثلين عن الأمم المتحدة.\n',
  'news/a/three.txt': 'التقى الوزير فايز العتيبي رؤساء الغرف التجارية، وأشار تقرير الأمم المتحدة إلى نمو الاقتصاد.\n',
  'news/b/four.txt': 'ورحب فائز العتيبي بالمبادرة التي أطلقتها الأممالمتحدة لدعم الاقتصاد.\n',
  'news/b/five.txt': 'افتتح المعرض الدولي للكتاب أبوابه أمس، وتضمّن البرنامج ندوات عن الترجمة والنشر الرقمي.\n',
};
const SHARDS = [['news/a', ...SAMPLE_ARTICLES.slice(0, 4)], ['news/b', ...SAMPLE_ARTICLES.slice(4)]];
const EVERYTHING = ['news', 'samples'];

/** A corpus under `<dir>/corpus`: the repository's samples (with their nassaq.yaml and actors.yaml) and NEWS. */
function writeCorpus(dir: string): string {
  const corpus = path.join(dir, 'corpus');
  cpSync(SAMPLES, path.join(corpus, 'samples'), { recursive: true });
  writeTree(corpus, NEWS);
  return corpus;
}

/** Runs the CLI and expects `status`. */
function ok(args: readonly string[], cwd: string, status = 0): string {
  const result = runCli(args, cwd);
  assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** The diagnostics of `check --format json` runs, one JSON line each, sorted. */
function findings(...outputs: string[]): string[] {
  return outputs.flatMap((out) => (JSON.parse(out).diagnostics as unknown[]).map((d) => JSON.stringify(d))).sort();
}

/** `stats` per shard, then `stats merge`: the path of the merged statistics. */
function collect(corpus: string, stats: string): string {
  const parts = SHARDS.map((_, i) => path.join(stats, `part${i}.json${i === 1 ? '.gz' : ''}`));
  SHARDS.forEach((shard, i) => ok(['stats', ...shard, '--out', parts[i]], corpus));
  const merged = path.join(stats, 'merged.json');
  ok(['stats', 'merge', ...parts, '--out', merged], corpus);
  return merged;
}

describe('nassaq stats and check --stats on shards', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const corpus = writeCorpus(dir);
  const merged = collect(corpus, dir);

  it('gives the findings of one run over the whole corpus', () => {
    const one = findings(ok(['check', ...EVERYTHING, '--format', 'json'], corpus));
    const sharded = findings(...SHARDS.map((shard) => ok(['check', '--stats', merged, '--format', 'json', ...shard], corpus)));
    assert.deepEqual(sharded, one);
    // The shards alone would differ: the corpus rules need the other shard's counts.
    const alone = findings(...SHARDS.map((shard) => ok(['check', '--format', 'json', ...shard], corpus)));
    assert.notDeepEqual(alone, one);
    const rules = (list: string[]) => new Set(list.map((d) => JSON.parse(d).rule));
    assert.ok(rules(one).has('actor-spelling') && rules(one).has('merged-word') && rules(one).has('stray-diacritic'));
  });

  it('merges in any order, to the statistics of one stats run over everything', () => {
    const whole = path.join(dir, 'whole.json');
    ok(['stats', ...EVERYTHING, '--out', whole], corpus);
    const reversed = path.join(dir, 'reversed.json.gz');
    ok(['stats', 'merge', path.join(dir, 'part1.json.gz'), path.join(dir, 'part0.json'), '--out', reversed], corpus);
    assert.equal(readFileSync(merged, 'utf8'), readFileSync(whole, 'utf8'));
    assert.equal(gunzipSync(readFileSync(reversed)).toString('utf8'), readFileSync(whole, 'utf8'));
  });

  it('says what it wrote', () => {
    const out = ok(['stats', 'news', '--out', path.join(dir, 'news.json')], corpus);
    assert.deepEqual(linesOf(out), [`Statistics of 5 files (73 words) written to ${path.join(dir, 'news.json')}`]);
    const header = JSON.parse(readFileSync(path.join(dir, 'news.json'), 'utf8').split('\n')[0]);
    assert.deepEqual({ ...header, version: '' }, { nassaq: 'stats', format: 1, version: '', facets: ['words', 'actor-spelling', 'stray-diacritic'], files: 5, tokens: 73 });
  });

  it('warns when an article changed since its statistics were collected', () => {
    const result = runCli(['check', '--stats', merged, 'news/b'], corpus);
    assert.equal(result.stderr, '');
    writeTree(corpus, { 'news/b/five.txt': 'خبر قصير جديد.\n' });
    const changed = runCli(['check', '--stats', merged, 'news/b'], corpus);
    assert.equal(changed.status, 0);
    assert.match(changed.stderr, /^nassaq: warning: .*merged\.json does not count 1 article checked here \(changed since the statistics were collected\?\): its findings may differ from one run$/m);
    writeTree(corpus, { 'news/b/five.txt': NEWS['news/b/five.txt'] });
  });

  it('reports skipped files as check does and does not count them', () => {
    writeTree(corpus, { 'news/b/image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) });
    const result = runCli(['stats', 'news/b', '--out', path.join(dir, 'b.json')], corpus);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /^news\/b\/image\.txt: skipped: binary/m);
    assert.match(result.stdout, /^Statistics of 2 files /);
  });
});

describe('nassaq check --fix --stats on shards', () => {
  it('fixes the files as one --fix run over the whole corpus does', async () => {
    await inTempDir(async (dir) => {
      const one = writeCorpus(path.join(dir, 'one'));
      const sharded = writeCorpus(path.join(dir, 'sharded'));
      ok(['check', '--fix', ...EVERYTHING], one);
      const merged = collect(sharded, dir);
      for (const shard of SHARDS) ok(['check', '--fix', '--stats', merged, ...shard], sharded);
      const texts = (corpus: string) => [...Object.keys(NEWS), ...SAMPLE_ARTICLES].map((file) => readFileSync(path.join(corpus, file), 'utf8'));
      assert.deepEqual(texts(sharded), texts(one));
      assert.notDeepEqual(texts(one), [...Object.values(NEWS), ...SAMPLE_ARTICLES.map((file) => readFileSync(path.join(SAMPLES, '..', file), 'utf8'))]);
    });
  });
});

describe('bad stats files and usage', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const corpus = writeCorpus(dir);
  const good = path.join(dir, 'good.json');
  ok(['stats', 'news', '--out', good], corpus);
  const lines = readFileSync(good, 'utf8').split('\n');
  const header = JSON.parse(lines[0]);
  writeTree(dir, {
    'corrupt.json': '{"nassaq":"stats",',
    'findings.json': ok(['check', 'news', '--format', 'json'], corpus),
    'old.json': [JSON.stringify({ ...header, version: '0.0.1' }), ...lines.slice(1)].join('\n'),
    'cut.json': lines.slice(0, -2).join('\n'),
    'damaged.json': [lines[0], lines[1].replace(/\d+/, '"x"'), ...lines.slice(2)].join('\n'),
    'bad.json.gz': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]),
  });

  const refused = (args: readonly string[], message: RegExp) => {
    const result = runCli(args, corpus);
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
  };

  it('refuses a bad --stats file with a clear message and exit code 2', () => {
    const stats = (name: string) => ['check', '--stats', path.join(dir, name), 'news'];
    refused(stats('missing.json'), /^nassaq: cannot read .*missing\.json: ENOENT$/m);
    refused(stats('corrupt.json'), /corrupt\.json: not a statistics file of 'nassaq stats'$/m);
    refused(stats('findings.json'), /findings\.json: not a statistics file of 'nassaq stats'$/m);
    refused(stats('old.json'), /old\.json: statistics of nassaq 0\.0\.1, not of this nassaq \(.+\): collect them again with 'nassaq stats'$/m);
    refused(stats('cut.json'), /cut\.json: the file ends before its end line: it was cut short$/m);
    refused(stats('damaged.json'), /damaged\.json: line 2: damaged statistics \(totals: "x" is not a count\)$/m);
    refused(stats('bad.json.gz'), /^nassaq: cannot read .*bad\.json\.gz: gzip: /m);
    refused(['check', '--stats', 'news', 'news'], /^nassaq: cannot read news: EISDIR$/m);
  });

  it('refuses to merge a bad file and writes nothing', () => {
    const out = path.join(dir, 'merged.json');
    refused(['stats', 'merge', good, path.join(dir, 'cut.json'), '--out', out], /cut short/);
    assert.ok(!readdirSync(dir).includes('merged.json'));
  });

  it('reports a file it cannot write', () => {
    refused(['stats', 'news', '--out', path.join(dir, 'no', 'such', 'dir.json')], /^nassaq: cannot write .*dir\.json: ENOENT$/m);
  });

  it('refuses wrong usage', () => {
    refused(['stats', 'news'], /'stats' needs --out FILE/);
    refused(['stats', 'merge', '--out', 'm.json'], /'stats merge' needs the statistics files to add up/);
    refused(['check', '--stats', good, '--stats', good, 'news'], /--stats takes one file: add several up first with 'nassaq stats merge'/);
    refused(['check', '--out', 'x.json', 'news'], /--out is an option of stats/);
    refused(['stats', 'news', '--stats', good, '--out', 'x.json'], /--stats is an option of check/);
    refused(['stats', 'news', '--fix', '--out', 'x.json'], /'stats' takes no --fix, --quiet or --format/);
  });
});
