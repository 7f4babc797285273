import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, checkSpans, findingsOf } from '../support/fixture';

// Persian letters look like Arabic ones: they are only ever written by name.
const KEHEH = '\u06A9';
const SWASH_KAF = '\u06AA';
const FARSI_YEH = '\u06CC';
const HEH_YEH_ABOVE = '\u06C0';
const HEH_DOACHASHMEE = '\u06BE';
const AE = '\u06D5';
const TEH_MARBUTA_GOAL = '\u06C3';
const GAF = '\u06AF';
const ALEF_MAQSURA = '\u0649';
const TATWEEL = '\u0640';

/** Writes Persian: Arabic yeh and kaf become Farsi yeh and keheh; P C G J stand for peh, tcheh, gaf, jeh. */
function persian(text: string): string {
  const map: Record<string, string> = { ي: FARSI_YEH, ك: KEHEH, P: '\u067E', C: '\u0686', G: GAF, J: '\u0698' };
  return [...text].map((ch) => map[ch] ?? ch).join('');
}

describe('persian-letter', () => {
  it('reports a Farsi yeh and a keheh inside Arabic words, one finding per word', () => {
    checkSpans('persian-letter', `زار الوفد ⟦قر${FARSI_YEH}ة⟧ صغيرة ثم ⟦${KEHEH}تب⟧ تقريرا عن ⟦ال${KEHEH}ب${FARSI_YEH}رة⟧ منها`);
  });

  it('names the letter, its code point and the Arabic letter, and gives the word', () => {
    const [finding] = checkSpans('persian-letter', `سكان ⟦القر${FARSI_YEH}ة⟧ كرماء`);
    assert.equal(finding.message, `Persian letter '${FARSI_YEH}' (U+06CC) in 'القر${FARSI_YEH}ة'; Arabic uses 'ي'`);
    assert.equal(finding.word, `القر${FARSI_YEH}ة`);
    assert.equal(finding.unsafeFixReason, undefined);
    assert.equal(finding.fixes[0].title, `Replace with 'القرية'`);
  });

  it('lists every Persian letter of a word in one message', () => {
    const [finding] = checkSpans('persian-letter', `⟦${KEHEH}ب${FARSI_YEH}ر⟧`);
    assert.match(finding.message, /^Persian letters .*U\+06A9.*U\+06CC.*Arabic uses 'ك', 'ي'$/);
  });

  it('covers swash kaf, heh with yeh above, heh doachashmee, ae and teh marbuta goal', () => {
    checkFix(
      'persian-letter',
      `${SWASH_KAF}تب الطالب رسال${HEH_YEH_ABOVE} إلى مدرس${TEH_MARBUTA_GOAL} ${HEH_DOACHASHMEE}ادئة في ${AE}ذا الحي`,
      'كتب الطالب رسالة إلى مدرسة هادئة في هذا الحي',
    );
  });

  it('offers yeh then alef maqsura for a word-final Farsi yeh, and never applies either', () => {
    const text = `جلس ف${FARSI_YEH} الحديقة`;
    const [finding] = findingsOf('persian-letter', text);
    assert.equal(finding.message, `Persian letter '${FARSI_YEH}' (U+06CC) in 'ف${FARSI_YEH}'; Arabic uses 'ي' or '${ALEF_MAQSURA}'`);
    assert.match(finding.unsafeFixReason ?? '', /final/);
    assert.deepEqual(
      finding.fixes.map((f) => f.edits),
      [[{ offset: 5, length: 1, newText: 'ي' }], [{ offset: 5, length: 1, newText: ALEF_MAQSURA }]],
    );
    checkFix('persian-letter', text, text);
  });

  it('offers alef maqsura first for frequent words that end in it, with or without a clitic', () => {
    for (const word of [`عل${FARSI_YEH}`, `وحت${FARSI_YEH}`, `المستو${FARSI_YEH}`]) {
      const [finding] = findingsOf('persian-letter', `قال ${word} ذلك`);
      assert.deepEqual(finding.fixes.map((f) => f.edits[0].newText), [ALEF_MAQSURA, 'ي'], word);
      assert.ok(finding.unsafeFixReason, 'still never applied automatically');
    }
  });

  it('treats a yeh followed only by diacritics as final, and fixes the inner ones in both choices', () => {
    const [finding] = findingsOf('persian-letter', `${FARSI_YEH}مش${FARSI_YEH}\u064E`);
    assert.ok(finding.unsafeFixReason);
    assert.equal(finding.fixes.length, 2);
    assert.deepEqual(finding.fixes.map((f) => f.edits.map((e) => e.newText)), [['ي', 'ي'], ['ي', ALEF_MAQSURA]]);
    assert.match(finding.message, /'ي' \(or '\u0649' at the end\)/);
  });

  it('keeps diacritics and tatweel when fixing, and converges', () => {
    checkFix('persian-letter', `قَر${FARSI_YEH}ةٌ وال${KEHEH}${TATWEEL}تاب\r\n`, `قَريةٌ والك${TATWEEL}تاب\r\n`);
  });

  it('leaves Arabic text, and letters with no Arabic counterpart, alone', () => {
    checkSpans('persian-letter', `يلعب الفريق ال${GAF}ولف في الملعب الكبير على الشاطئ`);
  });

  it('reports nothing in a Persian article', () => {
    const article = persian('اين Gزارش دربارهي Pيشرفت Cند PروJه در شهر است و مردم از آن خوشحال هستند. ') + persian('او Gفت كه Cيزي تغيير نكرده است.');
    assert.ok(article.includes(FARSI_YEH) && article.includes(KEHEH));
    assert.equal(findingsOf('persian-letter', article).length, 0);
  });

  it('still reports an Arabic article that quotes one Persian name', () => {
    const text = `استقبلت المدينة فرقة ${GAF}لستان الفنية في المسرح الوطني وسط حضور كبير من الجمهور ثم انتقلت إلى مد${FARSI_YEH}نة أخرى في الجنوب بعد أسبوع`;
    assert.deepEqual(findingsOf('persian-letter', text).map((f) => f.word), [`مد${FARSI_YEH}نة`]);
  });

  it('counts offsets in UTF-16 after a BOM, emoji, diacritics and CRLF', () => {
    checkSpans('persian-letter', `\uFEFF😀 خبرٌ عاجلٌ\r\n⟦مَد${FARSI_YEH}نة⟧ 👍🏽 ⟦${KEHEH}بيرة⟧`);
  });

  it('is silenced by the accept list', () => {
    const word = `قر${FARSI_YEH}ة`;
    assert.equal(findingsOf('persian-letter', `زرنا ${word} هادئة`).length, 1);
    assert.equal(findingsOf('persian-letter', `زرنا ${word} هادئة`, {}, { accept: [word] }).length, 0);
  });
});
