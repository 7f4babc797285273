import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DawgDictionary } from '../../server/src/core/lexicon/dawg';
import { arabicPlainForms, compileDawg } from '../../server/src/core/lexicon/dawg-encode';
import { findLexiconFile, LazyArabicDictionary, loadArabicDictionary } from '../../server/src/node/lexicon';

const REPO = path.resolve(__dirname, '../..');
const COMPILED = path.join(REPO, 'dist', 'lexicon', 'ar.dawg');
const edgeCount = (bytes: Uint8Array): number => new DataView(bytes.buffer, bytes.byteOffset).getUint32(16, true);

describe('DawgDictionary', () => {
  const words = ['كتب', 'كتاب', 'كتابة', 'مكتب', 'مكتبة', 'الأمم', 'المتحدة', 'سلام', 'سلامة'];
  const dictionary = new DawgDictionary(compileDawg(words));

  it('knows every compiled word and counts them', () => {
    for (const word of words) assert.ok(dictionary.has(word), word);
    assert.equal(dictionary.size, words.length);
  });

  it('does not know prefixes, extensions, joined words or other scripts', () => {
    for (const word of ['كت', 'كتا', 'كتابات', 'مكتبات', 'الأممالمتحدة', 'الامم', 'سلا', 'abc', '😀', 'كتب ']) assert.equal(dictionary.has(word), false, word);
  });

  it('does not know the empty string unless it was compiled', () => {
    assert.equal(dictionary.has(''), false);
    assert.equal(new DawgDictionary(compileDawg(['', 'a'])).has(''), true);
  });

  it('hasPrefix: true for any start of a word, false otherwise', () => {
    for (const prefix of ['', 'ك', 'كتا', 'كتابة', 'المتح']) assert.ok(dictionary.hasPrefix(prefix), prefix);
    for (const prefix of ['كتابات', 'لا', 'x']) assert.equal(dictionary.hasPrefix(prefix), false, prefix);
  });

  it('an empty word list compiles to a dictionary that knows nothing', () => {
    const empty = new DawgDictionary(compileDawg([]));
    assert.equal(empty.size, 0);
    assert.equal(empty.has(''), false);
    assert.equal(empty.hasPrefix(''), false);
    assert.equal(empty.has('a'), false);
  });

  it('shares equal suffixes: {ab, cb} is 3 edges, and the output does not depend on word order', () => {
    assert.equal(edgeCount(compileDawg(['ab', 'cb'])) - 1, 3);
    assert.deepEqual(compileDawg(['سلام', 'كتب', 'سلام', 'أ']), compileDawg(['أ', 'كتب', 'سلام']));
  });

  it('reads unaligned buffers and ArrayBuffers', () => {
    const bytes = compileDawg(words);
    const unaligned = new Uint8Array(bytes.length + 1);
    unaligned.set(bytes, 1);
    assert.ok(new DawgDictionary(unaligned.subarray(1)).has('مكتبة'));
    assert.ok(new DawgDictionary(bytes.slice().buffer).has('سلامة'));
  });

  it('handles large alphabets and surrogate pairs', () => {
    const many = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i) + '😀');
    const large = new DawgDictionary(compileDawg(many));
    assert.ok(many.every((word) => large.has(word)));
    assert.equal(large.has(String.fromCharCode(0x4e00 + 400) + '😀'), false);
    assert.equal(large.has('😀'), false);
  });

  it('agrees with a Set on random word lists (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('ا', 'ب', 'ت', 'ة', 'a', '\u0640'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 20 }), (list, probes) => {
        const set = new Set(list);
        const dawg = new DawgDictionary(compileDawg(list));
        assert.equal(dawg.size, set.size);
        for (const probe of [...list, ...probes]) {
          assert.equal(dawg.has(probe), set.has(probe), probe);
          assert.equal(dawg.hasPrefix(probe), list.some((w) => w.startsWith(probe)), probe);
        }
      }),
    );
  });

  it('throws a clear error on a corrupt buffer', () => {
    const good = compileDawg(words);
    const withU32 = (at: number, value: number): Uint8Array => {
      const copy = good.slice();
      new DataView(copy.buffer).setUint32(at, value, true);
      return copy;
    };
    const bad: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['text', new TextEncoder().encode('not a dictionary at all, just some text here')],
      ['truncated', good.subarray(0, good.length - 4)],
      ['version', withU32(4, 99)],
      ['root', withU32(20, 1e6)],
      ['last edge', withU32(good.length - 4, 0xffffffff)],
    ];
    for (const [name, bytes] of bad) assert.throws(() => new DawgDictionary(bytes), /not a Nassaq lexicon/, name);
  });
});

describe('arabicPlainForms (what the build keeps from @cspell/dict-ar)', () => {
  const dictionary = new DawgDictionary(compileDawg(['كتاباً', 'الشـحانية', 'ترکمنستان', '50000', '~الامم', ':سلام', 'آبٍ', 'آب'], arabicPlainForms));

  it('removes harakat and tatweel inside entries, merging equal forms', () => {
    assert.ok(dictionary.has('كتابا'));
    assert.ok(dictionary.has('الشحانية'));
    assert.ok(dictionary.has('آب'));
    assert.equal(dictionary.size, 3);
  });

  it('drops entries with non-Arabic letters, digits or cspell prefixes', () => {
    for (const word of ['ترکمنستان', '50000', 'الامم', '~الامم', 'سلام', ':سلام', 'كتاباً']) assert.equal(dictionary.has(word), false, word);
  });
});

describe('Arabic dictionary compiled from @cspell/dict-ar', () => {
  it('is built with a sidecar that agrees with the header', () => {
    const bytes = readFileSync(COMPILED);
    const info = JSON.parse(readFileSync(`${COMPILED}.json`, 'utf8'));
    assert.equal(info.bytes, bytes.length);
    assert.equal(info.words, new DawgDictionary(bytes).size);
    assert.ok(info.words > 50_000_000, `only ${info.words} words`);
  });

  it('is found beside the bundle or, from sources, under the repository', () => {
    assert.equal(findLexiconFile(path.join(REPO, 'server', 'src', 'node')), COMPILED);
    assert.equal(findLexiconFile(path.join(REPO, 'dist')), COMPILED);
  });

  it('knows common news words and names', () => {
    const dictionary = loadArabicDictionary();
    for (const word of ['الأمم', 'المتحدة', 'الجزائر', 'وفرنسا', 'الولايات', 'ماكرون', 'السراج', 'فائز', 'فايز', 'سلامة', 'سلام']) {
      assert.ok(dictionary.has(word), word);
    }
  });

  it('does not know merged words, names it lacks, or forms without hamza', () => {
    const dictionary = loadArabicDictionary();
    for (const word of ['الأممالمتحدة', 'الجزائروفرنسا', 'إيمانويل', 'ايمانويل', 'حفتر', 'عبدالمجيد', 'الامم']) {
      assert.equal(dictionary.has(word), false, word);
    }
    assert.ok(dictionary.hasPrefix('الأمم'));
  });

  it('reads nothing until the first lookup, then warns once and stays empty when the file is missing or corrupt', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nassaq-lexicon-'));
    try {
      const corrupt = path.join(dir, 'corrupt.dawg');
      writeFileSync(corrupt, 'garbage');
      for (const file of [path.join(dir, 'missing.dawg'), corrupt]) {
        const warnings: string[] = [];
        const dictionary = new LazyArabicDictionary(file, (message) => warnings.push(message));
        assert.equal(warnings.length, 0);
        assert.equal(dictionary.has('سلام'), false);
        assert.equal(dictionary.has('الأمم'), false);
        assert.equal(dictionary.hasPrefix(''), false);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /Arabic dictionary unavailable/);
        assert.ok(warnings[0].includes(file));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
