// Related locations of actor-spelling findings ("فايز الحداد" in 2024-05-diplomacy.txt) come from
// the first files, in id order, that write the canonical name. The order is kept between corpus
// generations while the same files are indexed: a kept order must never hide a new file or show a
// deleted one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/corpus/corpus-index';
import type { Finding } from '../../server/src/core/rules/rule';
import { CanonicalLocations } from '../../server/src/lsp/related-locations';
import { pathToUri } from '../../server/src/lsp/uri';
import type { WorkspaceIndex } from '../../server/src/lsp/workspace-index';

const CANONICAL = 'فايز الحداد';
const finding = { corpusFix: { name: CANONICAL, canonical: CANONICAL, variants: ['فائز الحداد'] } } as unknown as Finding;

function setup() {
  const corpus = new CorpusIndex([]);
  const texts = new Map<string, string>();
  const put = (file: string, text: string) => {
    texts.set(file, text);
    corpus.update(file, text);
  };
  const drop = (file: string) => {
    texts.delete(file);
    corpus.remove(file);
  };
  const related = new CanonicalLocations({ corpus } as unknown as WorkspaceIndex, async (file) => texts.get(file));
  const files = async (): Promise<string[]> => {
    const info = (await related.forFindings(pathToUri('/c/asking.txt'), [finding])).get(finding) ?? [];
    return info.map((i) => i.location.uri.slice(i.location.uri.lastIndexOf('/') + 1));
  };
  return { put, drop, files };
}

describe('related locations of a canonical name', () => {
  it('follow added, deleted and edited files, in id order', async () => {
    const { put, drop, files } = setup();
    put('/c/5.txt', `قال ${CANONICAL} ذلك.`);
    put('/c/7.txt', `وأكد ${CANONICAL} ذلك.`);
    put('/c/8.txt', 'لا أحد هنا.');
    assert.deepEqual(await files(), ['5.txt', '7.txt']);

    put('/c/1.txt', `زار ${CANONICAL} المدينة.`); // a new file, first in order
    assert.deepEqual(await files(), ['1.txt', '5.txt', '7.txt']);

    put('/c/8.txt', `ثم ${CANONICAL}.`); // an edit: the same files
    assert.deepEqual(await files(), ['1.txt', '5.txt', '7.txt']);

    drop('/c/1.txt'); // a deleted file and a new one: as many files as before
    put('/c/0.txt', `ومع ${CANONICAL} أيضا.`);
    assert.deepEqual(await files(), ['0.txt', '5.txt', '7.txt']);

    drop('/c/5.txt');
    assert.deepEqual(await files(), ['0.txt', '7.txt', '8.txt']);
  });
});
