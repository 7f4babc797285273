// The word facet's per-file counts (collectWords, with its own hash slots) against a reference that
// counts with Maps: same words, pairs and counts, in order of first appearance.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { pairHash, wordFacet } from '../../server/src/core/corpus/words';
import { fileInput } from '../../server/src/core/corpus/facet';
import { surfaceKey } from '../../server/src/core/text/normalize';
import { tokenize } from '../../server/src/core/text/tokenize';

const RUNS = Number(process.env.NASSAQ_FUZZ_RUNS ?? 200);

/** Words with hamza forms, marks, tatweel and clitics, so that several spellings share keys. */
const VOCABULARY = ['في', 'فِي', 'فـي', 'الأمم', 'الامم', 'المتحدة', 'المتحده', 'قال', 'وقال', 'الرئيس', 'رئيس', 'فايز', 'فائز', 'السراج', 'على', 'علي', 'إلى', 'الى', 'مدينة', 'بن', 'آل', 'سعود', 'أبو', 'ظبي', 'ب', 'و', 'عام', 'ٱلله'];
const SEPARATORS = [' ', ' ', ' ', '  ', '، ', '\n', '\t', ' 12 ', ' abc ', '. '];

function reference(text: string): { tokenCount: number; words: [string, number][]; pairs: [number, number][] } {
  const tokens = tokenize(text);
  const words = new Map<string, number>();
  const pairs = new Map<number, number>();
  let previous: string | undefined;
  let tokenCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'arabic') {
      if (!(token.kind === 'space' && token.text === ' ')) previous = undefined;
      continue;
    }
    tokenCount++;
    const key = surfaceKey(token.text);
    words.set(key, (words.get(key) ?? 0) + 1);
    if (previous !== undefined && tokens[i - 1].kind === 'space') {
      const pair = pairHash(previous + key);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    previous = key;
  }
  return { tokenCount, words: [...words], pairs: [...pairs] };
}

function collected(text: string): ReturnType<typeof reference> {
  const data = wordFacet.collect(fileInput(text));
  return {
    tokenCount: data.tokenCount,
    words: data.words.map((word, i) => [word, data.wordCounts[i]]),
    pairs: [...data.pairs].map((pair, i) => [pair, data.pairCounts[i]]),
  };
}

const textOf = (parts: ReadonlyArray<[number, number]>, vocabulary: readonly string[]) => parts.map(([w, s]) => vocabulary[w] + SEPARATORS[s]).join('');

describe('word facet', () => {
  it('counts words and adjacent pairs as Maps would, in order of first appearance', () => {
    const part = fc.tuple(fc.nat(VOCABULARY.length - 1), fc.nat(SEPARATORS.length - 1));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 300 }), (parts) => {
        const text = textOf(parts, VOCABULARY);
        assert.deepEqual(collected(text), reference(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('counts a file of thousands of distinct words', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `كلمة${String.fromCharCode(0x0628 + (i % 20))}${String.fromCharCode(0x0628 + Math.floor(i / 20) % 20)}${'ت'.repeat(i % 7)}`);
    const text = many.join(' ') + ' ' + many.slice(0, 500).join(' ');
    const result = collected(text);
    assert.deepEqual(result, reference(text));
    assert.equal(result.words.length, new Set(many).size);
  });
});
