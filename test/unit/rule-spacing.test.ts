import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, FIGURE_SPACE, NARROW_NBSP, NBSP } from '../../server/src/core/text/chars';
import { checkFix, checkSpans } from '../support/fixture';

const RULE = 'spacing';

function messages(marked: string): string[] {
  return checkSpans(RULE, marked).map((f) => f.message);
}

describe('spacing', () => {
  it('reports doubled spaces between words, with their count', () => {
    assert.deepEqual(messages('افتتح⟦  ⟧الوزير المعرض⟦ \t ⟧أمس'), ['2 spaces between words', '3 spaces between words']);
  });

  it('leaves indentation at the start of a line and single spaces alone', () => {
    checkSpans(RULE, '   افتتح الوزير المعرض\n  وأضاف أن⟦  ⟧المعرض\r\n\tيستمر أسبوعا');
  });

  it('reports trailing whitespace before LF, CRLF and the end of the text', () => {
    assert.deepEqual(messages('انتهى الاجتماع⟦  ⟧\nبدأ العرض⟦ ⟧\r\n⟦ \t⟧\r\nثم المؤتمر⟦ ⟧'), [
      'Trailing whitespace',
      'Trailing whitespace',
      'Trailing whitespace',
      'Trailing whitespace',
    ]);
  });

  it('reports a space before punctuation after an Arabic word', () => {
    assert.deepEqual(messages('قال الوزير⟦ ⟧، ثم أضاف⟦ ⟧: لماذا⟦ ⟧؟ حقا⟦ ⟧! والسبب⟦ ⟧؛ هنا⟦ ⟧, وانتهى⟦ ⟧.'), [
      "Space before '،'",
      "Space before ':'",
      "Space before '؟'",
      "Space before '!'",
      "Space before '؛'",
      "Space before ','",
      "Space before '.'",
    ]);
  });

  it('gives a run before punctuation one finding, not a doubled-space one too', () => {
    assert.deepEqual(messages('قال الوزير⟦   ⟧، ثم غادر'), ["Space before '،'"]);
  });

  it('leaves a space before punctuation after numbers and Latin words, before an ellipsis, .5 and .NET', () => {
    checkSpans(RULE, 'في عام 2015 ، قالت CNN : انتظرنا ... ثم انتظرنا .. وبرنامج .NET وقيمة .5 ثم⟦ ⟧.');
  });

  it('reports a missing space after sentence punctuation between Arabic words', () => {
    assert.deepEqual(messages('وصل ماكرون⟦.⟧وقال إنه سعيد⟦،⟧وأضاف لماذا⟦؟⟧قال حقا⟦!⟧ثم السبب⟦؛⟧أنه قال⟦:⟧نعم وانتظرنا⟦..⟧طويلا'), [
      "Missing space after '.'",
      "Missing space after '،'",
      "Missing space after '؟'",
      "Missing space after '!'",
      "Missing space after '؛'",
      "Missing space after ':'",
      "Missing space after '..'",
    ]);
  });

  it('leaves web names, one-letter abbreviations, spelled-out acronyms and non-Arabic neighbours alone', () => {
    checkSpans(RULE, 'نقلا عن العربية.نت وموقع سبق.كوم قال د.محمد و أ.د.سالم لقناة بي.بي.سي إن الرقم.5 و CNN.com مهم ثم النهاية⟦.⟧بدأ');
  });

  it('reports a lone no-break space between words', () => {
    assert.deepEqual(messages(`قال⟦${NBSP}⟧الوزير إن⟦${NARROW_NBSP}⟧المعرض⟦${FIGURE_SPACE}⟧مستمر`), [
      'No-break space between words',
      'No-break space between words',
      'No-break space between words',
    ]);
  });

  it('treats a run holding a no-break space as doubled, and a trailing or leading one as such', () => {
    assert.deepEqual(messages(`${NBSP}قال⟦ ${NBSP}⟧الوزير⟦${NBSP}⟧\nانتهى`), ['2 spaces between words', 'Trailing whitespace']);
  });

  it('counts offsets in UTF-16 after diacritics, emoji, CRLF and a BOM', () => {
    checkSpans(RULE, `${BOM}  مَرْحَبًا😀⟦  ⟧بِكُمْ⟦ ⟧،\r\n👍🏽 وَصَلَ⟦.⟧وَقَالَ⟦ ⟧\r\n`);
  });

  it('fixes every kind of problem and converges', () => {
    checkFix(
      RULE,
      `${BOM}  قال  الوزير ، إن${NBSP}المعرض انتهى.وبدأ آخر  \r\nوصل الوفد .وغادر\n`,
      `${BOM}  قال الوزير، إن المعرض انتهى. وبدأ آخر\r\nوصل الوفد. وغادر\n`,
    );
  });

  it('fixes text with diacritics and emoji', () => {
    checkFix(RULE, 'كَتَبَ   الطَّالِبُ 😀 ، ثُمَّ رَحَلَ؟قَالَ \n', 'كَتَبَ الطَّالِبُ 😀 ، ثُمَّ رَحَلَ؟ قَالَ\n');
  });
});
