// A merged token that starts with a compound head (أبوظبيالوطنية) is merged-word's finding, not a
// spelling variant of a compound: the pair counts cannot say where a space was lost.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { lintCorpus } from '../../server/src/core/corpus/lint-corpus';
import { WordSetDictionary } from '../../server/src/core/lexicon/dictionary';

describe('actor-spelling and merged tokens', () => {
  it('does not offer a spaced compound for a token that lost a later space', () => {
    const files = [
      { id: 'a', text: 'وصل الوفد إلى أبوظبي الوطنية أمس.\n' },
      { id: 'b', text: 'زار الوزير أبوظبي الوطنية وأبوظبي الجديدة.\n' },
      { id: 'c', text: 'افتتح معرض أبوظبيالوطنية الجديد.\n' },
    ];
    const dictionary = new WordSetDictionary(['وصل', 'الوفد', 'إلى', 'أبوظبي', 'الوطنية', 'أمس', 'زار', 'الوزير', 'الجديدة', 'افتتح', 'معرض', 'الجديد']);
    const findings = lintCorpus(files, DEFAULT_CONFIG, dictionary).get('c')!;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'actor-spelling'), []);
  });
});
