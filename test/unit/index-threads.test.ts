// What an indexing worker computes (indexText), copied as postMessage copies it (structuredClone),
// indexes exactly as a scan on the main thread does; the protocol test index-threads.test.ts runs
// real workers. Texts with CRLF, a BOM-less emoji, combining marks and registry actors.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { ActorIndex, mentionTable } from '../../server/src/core/actors/actor-index';
import { parseRegistry } from '../../server/src/core/actors/registry';
import { CorpusIndex } from '../../server/src/core/corpus/corpus-index';
import { workspaceFacets } from '../../server/src/core/engine';
import { fileInput } from '../../server/src/core/corpus/facet';
import { indexText, indexThreadCount, MIN_FILES_FOR_THREADS } from '../../server/src/node/index-threads';

const REGISTRY = 'actors.yaml';
const ACTORS = parseRegistry(
  [
    'actors:',
    '  - id: haddad',
    '    name: فايز الحداد',
    '    type: person',
    '    aliases: [الحداد]',
    '    variants: [فائز الحداد]',
    '  - id: un',
    '    name: الأمم المتحدة',
    '    type: organization',
  ].join('\n'),
).actors;

const TEXTS: Record<string, string> = {
  'a.txt': 'قال فايز الحداد إن الأمم المتحدة ستجتمع.\r\nوأكد فائز الحداد ذلك 🙂 في «بيان».\r\n',
  'b.txt': 'التقى الحداد وفد الأممالمتحدة، ثم غادر.\nوقال: «الأمم المتحدة تُرحِّب».\n',
  'c.txt': 'لا ذكر لأحد هنا، سوى كلمات عاديّة مكرّرة مكرّرة.\n',
  'd.txt': '',
};

function actorIndex(): ActorIndex {
  const index = new ActorIndex(() => REGISTRY);
  index.setRegistries([{ file: REGISTRY, actors: ACTORS }]);
  return index;
}

describe('indexing work done on another thread', () => {
  it('gives the corpus and actor indexes what a scan on the main thread gives them', () => {
    const corpus = new CorpusIndex(workspaceFacets());
    const actors = actorIndex();
    const fromWorker = new CorpusIndex(workspaceFacets());
    const workerActors = actorIndex();
    const collector = new CorpusIndex(workspaceFacets(), { keepFileData: false });
    const matcher = actorIndex();
    for (const [file, text] of Object.entries(TEXTS)) {
      const input = fileInput(text);
      corpus.update(file, text, input);
      actors.update(file, text, input.words, input.lines);
      const { entry, mentions } = structuredClone(indexText(collector, matcher, REGISTRY, text));
      assert.equal(fromWorker.updateEntry(file, entry), true);
      assert.equal(workerActors.updateMatched(file, entry.hash, entry.length, mentions, workerActors.registryGeneration), true);
    }
    assert.deepEqual([...fromWorker.exportStats()], [...corpus.exportStats()]);
    assert.equal(fromWorker.fileCount, 4);
    let mentions = 0;
    for (const file of Object.keys(TEXTS)) {
      assert.deepEqual(workerActors.mentionsIn(file), actors.mentionsIn(file), file);
      mentions += actors.mentionsIn(file).length;
    }
    assert.ok(mentions >= 5, `${mentions} mentions`);
    for (const actor of actors.actors) assert.deepEqual(workerActors.summary(actor.ordinal), actors.summary(actor.ordinal), actor.id);
  });

  it('keeps every facet of a file as plain data, which structured cloning copies whole', () => {
    const collector = new CorpusIndex(workspaceFacets());
    const entry = collector.collect(TEXTS['a.txt']);
    assert.deepEqual([...entry.data.keys()], collector.facetIds);
    // deepStrictEqual compares prototypes: a class instance would come back a plain object.
    for (const [facet, data] of entry.data) assert.deepStrictEqual(structuredClone(data), data, facet);
  });

  it('refuses what was matched against registries replaced since, and a text indexed already', () => {
    const actors = actorIndex();
    const text = TEXTS['a.txt'];
    const { entry, mentions } = indexText(new CorpusIndex(workspaceFacets()), actorIndex(), REGISTRY, text);
    const before = actors.registryGeneration;
    actors.setRegistries([{ file: REGISTRY, actors: ACTORS }]);
    assert.equal(actors.updateMatched('a.txt', entry.hash, entry.length, mentions, before), false);
    assert.deepEqual(actors.mentionsIn('a.txt'), []);
    assert.equal(actors.updateMatched('a.txt', entry.hash, entry.length, mentions, actors.registryGeneration), true);
    assert.equal(actors.updateMatched('a.txt', entry.hash, entry.length, mentionTable([]), actors.registryGeneration), false);
    assert.ok(actors.mentionsIn('a.txt').length > 0);
  });

  it('uses threads for a large corpus on several cores, or when asked', () => {
    const cores = Math.min(4, availableParallelism());
    assert.equal(indexThreadCount(MIN_FILES_FOR_THREADS - 1), 0);
    assert.equal(indexThreadCount(MIN_FILES_FOR_THREADS), cores >= 2 ? cores : 0);
    assert.equal(indexThreadCount(10, 3), 3);
    assert.equal(indexThreadCount(1_000_000, 0), 0);
    assert.equal(indexThreadCount(1_000_000, 1), 0);
  });
});
