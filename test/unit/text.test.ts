import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text/lines';
import { minimalEdit } from '../../server/src/core/text/diff';
import { foldKey, surfaceKey } from '../../server/src/core/text/normalize';
import { tokenize } from '../../server/src/core/text/tokenize';
import { applyEdits } from '../../server/src/core/engine';

const TATWEEL = '\u0640';
const ZWNJ = '\u200C';
const FATHA = '\u064E';
const COMBINING_ACUTE = '\u0301';

describe('tokenize', () => {
  it('splits Arabic, Latin, numbers, punctuation, spaces and line breaks', () => {
    const tokens = tokenize('قال Macron، في 3,5 ٢٠١٨.\r\nhttps://x.org/a?b=1 نعم');
    assert.deepEqual(tokens.map((t) => [t.kind, t.text]), [
      ['arabic', 'قال'], ['space', ' '], ['latin', 'Macron'], ['other', '،'], ['space', ' '], ['arabic', 'في'], ['space', ' '],
      ['number', '3,5'], ['space', ' '], ['number', '٢٠١٨'], ['other', '.'], ['newline', '\r\n'],
      ['url', 'https://x.org/a?b=1'], ['space', ' '], ['arabic', 'نعم'],
    ]);
  });

  it('keeps diacritics, tatweel and joiners inside Arabic words and emoji whole', () => {
    const text = `كَتَبَ ال${TATWEEL}رئيس مي${ZWNJ}خواهم 😀👍🏽 café${COMBINING_ACUTE}`;
    const tokens = tokenize(text);
    assert.deepEqual(tokens.filter((t) => t.kind !== 'space').map((t) => t.text), ['كَتَبَ', `ال${TATWEEL}رئيس`, `مي${ZWNJ}خواهم`, '😀', '👍', '🏽', `café${COMBINING_ACUTE}`]);
  });

  it('round-trips any text: tokens cover every code unit once, in order', () => {
    for (const text of ['', '\uFEFFخبر', 'a\r\rb\n', `${FATHA}${FATHA}x`, '\uD800 lone surrogate', '...,،،']) {
      const tokens = tokenize(text);
      assert.equal(tokens.map((t) => t.text).join(''), text);
      let offset = 0;
      for (const token of tokens) {
        assert.equal(token.offset, offset);
        offset += token.length;
      }
    }
  });
});

describe('LineIndex', () => {
  it('maps UTF-16 offsets across LF, CRLF and lone CR', () => {
    const text = 'أ😀\r\nب\rج\nد';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 }, 'the emoji counts two code units');
    assert.deepEqual(lines.positionAt(5), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 2, character: 0 });
    assert.equal(lines.offsetAt({ line: 3, character: 1 }), text.length);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3, 'clamped before the line break');
    assert.equal(lines.lineContentEnd(0), 3);
  });
});

describe('minimalEdit', () => {
  it('replaces only the changed middle, never splitting a surrogate pair or CRLF', () => {
    assert.equal(minimalEdit('abc', 'abc'), undefined);
    const before = 'x😀y\r\nz';
    const after = 'x😁y\nz';
    const change = minimalEdit(before, after)!;
    assert.equal(applyEdits(before, [change]), after);
    assert.equal(change.offset, 1, 'starts at the emoji, not inside it');
  });
});

describe('surfaceKey', () => {
  it('ignores diacritics, tatweel and joiners', () => {
    assert.equal(surfaceKey(`فِي`), surfaceKey('في'));
    assert.equal(surfaceKey(`ال${TATWEEL}رئيس`), 'الرئيس');
    assert.notEqual(surfaceKey('على'), surfaceKey('علي'));
  });
});

describe('foldKey', () => {
  it('folds hamza, maqsura and ta marbuta forms and drops marks, tatweel and joiners', () => {
    assert.equal(foldKey('مؤسسة'), 'موسسه');
    assert.equal(foldKey(`إِلى`), 'الي');
    assert.equal(foldKey(`أ${TATWEEL}ب${ZWNJ}ة`), 'ابه');
    assert.equal(foldKey('الرئيس'), 'الرييس');
    assert.equal(foldKey('مدينة'), foldKey('مدينه'));
  });

  it('lowers letters outside the Arabic block', () => {
    assert.equal(foldKey('ABC'), 'abc');
    assert.equal(foldKey(`أBC${ZWNJ}`), `${'ا'}bc`);
  });
});
