// Corpus statistics merge by addition: the statistics of a union of shards are the merge of the
// shards' statistics, whatever the order and grouping, for every facet; stats files round-trip
// and refuse what they cannot use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markedNameFacet } from '../../server/src/core/actors/discovered';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { CorpusIndex } from '../../server/src/core/corpus/corpus-index';
import { CHUNK_ROWS, readTable, tableChunks, type CorpusFacet } from '../../server/src/core/corpus/facet';
import { viewOf } from '../../server/src/core/corpus/lint-corpus';
import { CorpusStats, StatsFileError, statsLines, StatsReader } from '../../server/src/core/corpus/stats-file';
import { wordFacet } from '../../server/src/core/corpus/words';
import { lintText, ruleFacets } from '../../server/src/core/engine';
import { english } from '../../server/src/core/l10n';
import { WordSetDictionary } from '../../server/src/core/lexicon/dictionary';
import { surfaceKey } from '../../server/src/core/text/normalize';
import { tokenize } from '../../server/src/core/text/tokenize';

const VERSION = '9.9.9';

/** Short news items: a name in name positions with a variant spelling, shadda, harakat, spaced and merged pairs. */
const TEXTS = [
  'استقبل وزير المالية فايز العتيبي وفدًا من المستثمرين، وأكد أن الأمم المتحدة تدعم خطة التنمية.',
  'وقال الوزير فايز العتيبي إن الميزانية الجديدة ستركّز على التعليم والصحة في مدينة جدة.',
  'أعلن فايز العتيبي برنامجًا لدعم المشاريع الصغيرة بحضور ممثلين عن الأمم المتحدة.',
  'ورحب فائز العتيبي بالمبادرة التي أطلقتها الأممالمتحدة لدعم الاقتصاد.',
  'افتتح الرئيس سالم الحربي المعرض الدولي للكتاب في مدينة جدة، وتضمّن البرنامج ندوات عن الترجمة.',
  'قال الرئيس سالم الحربي إن الحجّ هذا العام يشهد تنظيمًا أفضل، وإن الأمم المتحدة أشادت به.',
];

const FACETS: readonly CorpusFacet[] = [wordFacet as CorpusFacet, ...ruleFacets(), markedNameFacet as CorpusFacet];

function indexOf(ids: readonly number[]): CorpusIndex {
  const index = new CorpusIndex(FACETS);
  for (const id of ids) index.update(`f${id}.txt`, TEXTS[id]);
  return index;
}

function lines(stats: CorpusStats): string[] {
  return [...statsLines(stats, VERSION)];
}

/** Reads the stats files of `parts` (as lines) into fresh statistics, in order. */
function merge(...parts: readonly CorpusStats[]): CorpusStats {
  const into = new CorpusStats(new CorpusIndex(FACETS));
  for (const part of parts) read(into, lines(part));
  return into;
}

function read(into: CorpusStats, text: readonly string[]): void {
  const reader = new StatsReader(into, VERSION, english);
  for (const line of text) reader.line(line);
  reader.finish();
}

/** Each facet's statistics as plain data, tables as sorted entries, without the change counters (`version`), which are not sums. */
function facetStats(index: CorpusIndex): unknown[] {
  return FACETS.map((facet) => plain(index.statsOf(facet)));
}

function plain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const table = value as { entries?: () => Iterable<unknown[]> };
  if (typeof table.entries === 'function') return [...table.entries()].map(([key, ...rest]) => [key, ...rest.map(plain)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  // Not statistics: the cache key and the log of changes since a cache last looked (change-set.ts).
  return Object.fromEntries(Object.entries(value).flatMap(([key, field]) => (key === 'version' || key === 'changes' ? [] : [[key, plain(field)]])));
}

const of = (ids: readonly number[]) => CorpusStats.of(indexOf(ids));

describe('corpus statistics merge by addition', () => {
  it('the statistics of a union are the merge of its parts, for every facet', () => {
    for (const [a, b] of [
      [[0, 1, 2], [3, 4, 5]],
      [[0, 3], [1, 2, 4, 5]],
      [[], [0, 1, 2, 3, 4, 5]],
    ]) {
      const whole = of([...a, ...b]);
      const merged = merge(of(a), of(b));
      assert.deepEqual(lines(merged), lines(whole));
      assert.deepEqual(facetStats(merged.index), facetStats(whole.index));
      assert.equal(merged.index.fileCount, 6);
      assert.deepEqual(merged.files, whole.files);
    }
  });

  it('is associative and commutative', () => {
    const [a, b, c] = [of([0, 1]), of([2, 3]), of([4, 5])];
    const expected = lines(of([0, 1, 2, 3, 4, 5]));
    assert.deepEqual(lines(merge(merge(a, b), c)), expected);
    assert.deepEqual(lines(merge(a, merge(b, c))), expected);
    assert.deepEqual(lines(merge(c, a, b)), expected);
    assert.deepEqual(lines(merge(b, c, a)), expected);
  });

  it('counts a file twice when two shards hold it: merging adds, it does not deduplicate', () => {
    const twice = merge(of([0]), of([0]));
    assert.equal(twice.index.fileCount, 2);
    assert.equal(twice.files.get([...twice.files.keys()][0]), 2);
  });

  it('drops cached name spellings after a merge (the version of the name statistics moves)', () => {
    const words = new Set(['في']);
    for (const text of TEXTS) for (const token of tokenize(text)) if (token.kind === 'arabic') words.add(surfaceKey(token.text));
    const dictionary = new WordSetDictionary(words);
    const shard = indexOf([3, 4]);
    const spelling = () => lintText(TEXTS[3], DEFAULT_CONFIG, { corpus: viewOf(shard, dictionary, DEFAULT_CONFIG), only: ['actor-spelling'] });
    assert.deepEqual(spelling(), [], 'alone, the shard has one spelling of the name');
    const other = of([0, 1, 2]);
    read(new CorpusStats(shard), lines(other));
    assert.deepEqual(
      spelling().map((f) => f.message),
      ['"فائز العتيبي" is written "فايز العتيبي" in 3 of 4 mentions across 3 files'],
    );
  });

  it('writes a large table in chunks of sorted keys, integer keys as differences, and reads it back', () => {
    const map = new Map<number, number>();
    for (let i = 0; i < 2.5 * CHUNK_ROWS; i++) map.set((i * 2654435761) % 2 ** 30, (i % 7) + 1);
    const chunks = [...tableChunks('pairs', map, [(count) => count])];
    assert.equal(chunks.length, 3);
    const back = new Map<number, number>();
    for (const chunk of chunks) {
      const { keys, columns } = readTable(chunk, 'integer', 1);
      keys.forEach((key, i) => back.set(key, columns[0][i]));
    }
    assert.deepEqual([...back].sort((x, y) => x[0] - y[0]), [...map].sort((x, y) => x[0] - y[0]));
    assert.ok((chunks[0][1] as number[]).slice(1).every((delta) => delta >= 0 && delta < 2 ** 20));
  });
});

describe('stats file reader', () => {
  const good = lines(of([0, 1]));
  const header = JSON.parse(good[0]) as Record<string, unknown>;
  const withHeader = (changes: Record<string, unknown>) => [JSON.stringify({ ...header, ...changes }), ...good.slice(1)];
  const refuses = (text: readonly string[], message: RegExp) => {
    assert.throws(() => read(new CorpusStats(new CorpusIndex(FACETS)), text), (error: Error) => error instanceof StatsFileError && message.test(error.message));
  };

  it('round-trips', () => {
    const into = new CorpusStats(new CorpusIndex(FACETS));
    read(into, good);
    assert.deepEqual(lines(into), good);
  });

  it('refuses what is not a stats file', () => {
    refuses([], /not a statistics file/);
    refuses(['{"diagnostics":[]}'], /not a statistics file/);
    refuses(['not json'], /not a statistics file/);
    refuses(withHeader({ files: -1 }), /not a statistics file/);
  });

  it('refuses another format, another nassaq version or other facets, saying what to do', () => {
    refuses(withHeader({ format: 2 }), /^statistics format 2; this nassaq reads format 1$/);
    refuses(withHeader({ version: '0.0.1' }), /^statistics of nassaq 0\.0\.1, not of this nassaq \(9\.9\.9\): collect them again with 'nassaq stats'$/);
    refuses(withHeader({ facets: ['words'] }), /^statistics of words; this nassaq needs words, .*actor-spelling/);
  });

  it('refuses a damaged or cut file', () => {
    refuses(good.slice(0, -1), /cut short/);
    refuses([...good.slice(0, 2), '{"facet":"words","chunk":["words",["a"],[1]]}', ...good.slice(2)], /^line 3: damaged statistics \(table 'words' needs keys and 2 columns\)$/);
    refuses([...good.slice(0, 2), '{"facet":"words","chunk":["words",["a"],[-1],[1]]}', ...good.slice(2)], /^line 3: damaged statistics .*-1 is not a count/);
    refuses([...good.slice(0, 2), '{"facet":"words"', ...good.slice(2)], /^line 3 is not JSON/);
    refuses([...good.slice(0, 2), '{"facet":"words","chunk":["pairs",[4294967296],[1],[1]]}', ...good.slice(2)], /^line 3: damaged statistics \(pair key 4294967296 is not a pair hash\)$/);
    refuses([...good.slice(0, 2), '{"facet":"nope","chunk":[]}', ...good.slice(2)], /^line 3: damaged statistics/);
    refuses([...good, '{"end":0}'], /text after the end line/);
    refuses([good[0], ...good.slice(2)], /the end line says/);
    refuses(withHeader({ tokens: 1 }), /totals of the header do not match/);
  });
});
