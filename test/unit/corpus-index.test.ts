// The corpus index without per-file data (the CLI's): the same statistics as a full index, and a
// clear refusal when a file it holds would change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/corpus/corpus-index';
import { ruleFacets } from '../../server/src/core/engine';

const TEXTS = ['قال الرئيس فايز العتيبي إن الأمم المتحدة تدعم الخطة.', 'ورحب فائز العتيبي بالمبادرة التي أطلقتها الأممالمتحدة.', 'الأمم المتحدة'];

describe('CorpusIndex without file data', () => {
  it('has the statistics of a full index', () => {
    const full = new CorpusIndex(ruleFacets());
    const lean = new CorpusIndex(ruleFacets(), { keepFileData: false });
    TEXTS.forEach((text, i) => {
      full.update(`f${i}`, text);
      lean.update(`f${i}`, text);
    });
    assert.deepEqual([...lean.exportStats()], [...full.exportStats()]);
    assert.equal(lean.fileCount, TEXTS.length);
    assert.equal(lean.entry('f1')?.hash, full.entry('f1')?.hash);
    assert.equal(lean.entry('f1')?.data.size, 0);
  });

  it('takes the same text again, and refuses a change or a removal', () => {
    const lean = new CorpusIndex(ruleFacets(), { keepFileData: false });
    lean.update('f0', TEXTS[0]);
    assert.equal(lean.update('f0', TEXTS[0]), false);
    assert.throws(() => lean.update('f0', TEXTS[1]), /cannot change/);
    assert.throws(() => lean.remove('f0'), /cannot change/);
    assert.equal(lean.words.count('الرئيس'), 1);
  });
});
