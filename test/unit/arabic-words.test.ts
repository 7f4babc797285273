// arabicWords must see exactly the Arabic tokens tokenize sees, with the same keys: the corpus
// facets and the matcher read words, the rules read tokens, and the two must never disagree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AFTER_GAP, AFTER_SPACE, AFTER_SPACES, arabicWords, fnv, FNV_SEED, WordForms } from '../../server/src/core/text/arabic-words';
import { foldKey, surfaceKey } from '../../server/src/core/text/normalize';
import { tokenize } from '../../server/src/core/text/tokenize';

const RUNS = Number(process.env.NASSAQ_FUZZ_RUNS ?? 200);

/** Pieces that exercise every branch of the tokenizer: marks, tatweel and joiners in and around words, every kind of space and break. */
const PIECES = [
  'في', 'فِي', 'فـي', 'الأمم', 'إيمانويل', 'ـ', '\u064E', '\u0651ب', '\u200Dب', '\u200C', 'ب\u200Dت', 'ٱلله', 'ﻻ',
  ' ', ' ', '  ', '\t', '\u00A0', '\u202F', '\n', '\r\n', '\r', '\u2028',
  '،', '.', ',', '"', '«', '»', '12', '٣٫٥', '۱۲', 'abc', 'é', 'e\u0301', 'http://a.b/ج', 'www.x.y', '😀', '😀\u0301', '\uD800', '#',
];

/** The reference: the Arabic tokens of tokenize, with what stands between each and the previous one. */
function fromTokens(text: string) {
  const tokens = tokenize(text);
  const words: Array<{ start: number; end: number; text: string; before: number }> = [];
  let lastWord = -1;
  tokens.forEach((token, i) => {
    if (token.kind !== 'arabic') return;
    let before = AFTER_GAP;
    if (lastWord >= 0 && i - lastWord === 2 && tokens[i - 1].kind === 'space') before = tokens[i - 1].text === ' ' ? AFTER_SPACE : AFTER_SPACES;
    words.push({ start: token.offset, end: token.offset + token.length, text: token.text, before });
    lastWord = i;
  });
  return words;
}

function fromWords(text: string, forms?: WordForms) {
  const words = arabicWords(text, forms);
  return Array.from({ length: words.count }, (_, w) => ({ start: words.start[w], end: words.end[w], text: words.forms[w].text, before: words.before[w] }));
}

describe('arabic words', () => {
  it('are the Arabic tokens of tokenize, with the same separators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(fromWords(text), fromTokens(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('carry the keys the rules compute from token text', () => {
    const text = '😀 قال فَايِز\r\nالحـداد  وإيمانويل\tماكرون،الأممالمتحدة ـ \u064E';
    const words = arabicWords(text);
    assert.equal(words.count, tokenize(text).filter((t) => t.kind === 'arabic').length);
    for (let w = 0; w < words.count; w++) {
      const form = words.forms[w];
      assert.equal(form.text, text.slice(words.start[w], words.end[w]));
      assert.equal(form.surface, surfaceKey(form.text));
      assert.equal(form.fold, foldKey(form.surface));
      assert.equal(form.hash, fnv(FNV_SEED, form.surface));
      assert.equal(form.hasLetters, /[\u0621-\u064A\u0671]/.test(form.surface));
    }
    // UTF-16 offsets: the emoji is two code units, CRLF two.
    assert.equal(words.start[0], 3);
    assert.deepEqual([...words.before], [AFTER_GAP, AFTER_SPACE, AFTER_GAP, AFTER_SPACES, AFTER_SPACES, AFTER_GAP]);
  });

  it('share one form per distinct word, and stay right when the bounded table starts over', () => {
    const forms = new WordForms(8);
    const vocabulary = Array.from({ length: 40 }, (_, i) => `كلمة${String.fromCharCode(0x0628 + (i % 20))}${'ت'.repeat(Math.floor(i / 20))}`);
    const text = [...vocabulary, ...vocabulary].join(' ');
    const words = arabicWords(text, forms);
    assert.ok(forms.count <= 8, `at most the limit is kept, not ${forms.count}`);
    assert.deepEqual(
      words.forms.map((f) => f.text),
      [...vocabulary, ...vocabulary],
    );
    // Within the limit, a word seen again is the same object.
    const small = new WordForms(8);
    const again = arabicWords('قال قال فايز قال', small);
    assert.equal(again.forms[0], again.forms[1]);
    assert.equal(again.forms[0], again.forms[3]);
    assert.equal(small.count, 2);
  });

  it('keeps no form of a run too long to be a word, and copies long words out of their text', () => {
    const forms = new WordForms();
    const run = 'ب'.repeat(500);
    const words = arabicWords(`قال ${run} قال`, forms);
    assert.equal(words.forms[1].text, run);
    assert.equal(forms.count, 1);
  });
});
