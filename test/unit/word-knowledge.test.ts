import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { buildCorpus, viewOf } from '../../server/src/core/corpus/lint-corpus';
import { WordSetDictionary } from '../../server/src/core/lexicon/dictionary';
import { WordKnowledge, analyses, isClitics } from '../../server/src/core/lexicon/words';

const DICTIONARY = new WordSetDictionary('فرنسا الجزائر الأمم حل القاهرة مدينة جامعة ميليشيا انقطاع كتاب رئيس شخصية معلمون كتبوا رمى مدرستين الأصلية'.split(' '));
const ARTICLES = [
  'قال حفتر إن قوات حفتر تقدمت، وأكد حفتر ذلك.',
  'وصَل الرئيس إلى الجزائر ثم غادر إلى فرنسا.',
  'ويحيي سكان المدينة ذكرى الاستقلال.',
];

function knowledge(accept: string[] = [], options = {}): WordKnowledge {
  const files = ARTICLES.map((text, i) => ({ id: `${i}.txt`, text }));
  return new WordKnowledge(viewOf(buildCorpus(files), DICTIONARY, { ...DEFAULT_CONFIG, accept }), options);
}

describe('word knowledge', () => {
  it('knows words with proclitics: conjunctions, prepositions, the article and لل', () => {
    const words = knowledge();
    for (const word of ['وفرنسا', 'بالجزائر', 'للأمم', 'فالحل', 'والقاهرة', 'ولفرنسا', 'وبالجزائر', 'كالقاهرة']) {
      assert.ok(words.inLexicon(word), word);
      assert.ok(words.isKnown(word), word);
    }
  });

  it('knows words with pronouns and plural endings, restoring teh marbuta', () => {
    const words = knowledge();
    for (const word of ['مدينته', 'ومدينتها', 'جامعات', 'بجامعاتهم', 'كتابهم', 'ميليشيات', 'الميليشيات']) assert.ok(words.inLexicon(word), word);
  });

  it('lists only exact forms', () => {
    const words = knowledge();
    assert.ok(words.isListed('فرنسا'));
    assert.ok(!words.isListed('وفرنسا'));
    assert.ok(!words.inLexicon('الجزائروفرنسا'));
  });

  it('knows names the dictionary lacks from the corpus, with their clitics', () => {
    const words = knowledge();
    assert.equal(words.frequency('حفتر'), 3);
    assert.ok(words.isKnown('حفتر'));
    assert.ok(!words.inLexicon('حفتر'));
    assert.ok(words.isKnownByStem('وحفتر'));
    assert.ok(!words.isKnownByStem('حفتر'), 'the bare word is not its own stem');
    assert.ok(!knowledge([], { minCorpusCount: 5 }).isKnown('حفتر'));
  });

  it('counts words on their surface keys', () => {
    const words = knowledge();
    assert.equal(words.frequency('وصل'), 1);
    assert.equal(words.frequency('وَصَل'), 1);
    assert.equal(words.stemFrequency('والجزائر'), 1);
  });

  it('takes accepted words as listed', () => {
    assert.ok(knowledge(['أبوظبي']).isListed('أبوظبي'));
    assert.ok(!knowledge().isListed('أبوظبي'));
  });

  it('finds a listed spelling with another hamza, teh marbuta or alef maqsura', () => {
    const words = knowledge();
    assert.ok(words.hasListedVariant('إنقطاع'));
    assert.ok(words.hasListedVariant('مدينه'));
    assert.ok(!words.hasListedVariant('فرنسا'));
  });

  it('reads a plural or dual ending before a pronoun as the whole ending, not as the bare word', () => {
    const words = knowledge();
    for (const word of ['معلموه', 'كتبوه', 'رماه', 'مدرستيها', 'ومعلموهم']) assert.ok(words.inLexicon(word), word);
    // A listed word run into a following وهم or وك is no inflection of it.
    for (const word of ['شخصيةوهم', 'شخصيةوك', 'رئيسيهم']) assert.ok(!words.inLexicon(word), word);
  });

  it('lists the listed spellings with another hamza or final letter', () => {
    const words = knowledge();
    assert.deepEqual(words.listedVariants('الاصلية'), ['الأصلية']);
    assert.deepEqual(words.listedVariants('مدينه'), ['مدينة']);
    assert.deepEqual(words.listedVariants('فرنسا'), []);
    assert.ok(words.hasListedVariant('الاصلية'));
  });

  it('tells bare clitics from words', () => {
    for (const clitic of ['وال', 'بال', 'لل', 'ال', 'و']) assert.ok(isClitics(clitic), clitic);
    for (const word of ['الأمم', 'وفرنسا', 'في']) assert.ok(!isClitics(word), word);
  });

  it('reads a word as prefix, stem and suffix', () => {
    const readings = analyses('للأمم').map((a) => `${a.prefix}+${a.stem}+${a.suffix}`);
    assert.ok(readings.includes('لل+الأمم+'), readings.join(' '));
    assert.ok(analyses('مدينتهم').some((a) => a.stem === 'مدينة' && a.suffix === 'هم'));
    assert.ok(analyses('فرنسا').every((a) => a.stem !== 'فرنسا'));
  });
});
