import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOM } from '../../server/src/core/text/chars';
import { checkFix, checkSpans, findingsOf } from '../support/fixture';

const RULE = 'punctuation-artifact';
const ARTIFACT = { 'double-dot': 'artifact' };

describe('punctuation-artifact', () => {
  it('reports mixed and doubled commas, dots and semicolons', () => {
    checkSpans(RULE, 'وصل الوفد إلى المدينة⟦.,⟧ ثم غادر مساء');
    checkSpans(RULE, 'قال المتحدث⟦،،⟧ إن الاجتماع تأجل');
    checkSpans(RULE, 'انتهت الجلسة⟦.،⟧ وبدأت أخرى⟦،.⟧');
    checkSpans(RULE, 'الطلاب⟦؛؛⟧ والمعلمون⟦;;⟧ والآباء⟦,,⟧ والأمهات⟦،,⟧ جميعا');
  });

  it('names the run in the message', () => {
    const [finding] = checkSpans(RULE, 'بدأ الموسم⟦.,⟧ أمس');
    assert.equal(finding.message, "Stray punctuation '.,' left by scraping");
    assert.equal(finding.severity, 'warning');
  });

  it('leaves ellipses, the two-dot pause, single marks and emphasis alone', () => {
    checkSpans(RULE, 'انتظرنا طويلا... ثم جاء الخبر.. لا أصدق؟؟ حقا!! نعم، هذا صحيح؛ انتهى⟦.،⟧ وبعد.....');
  });

  it('reports the two-dot pause when double-dot is artifact, but never an ellipsis', () => {
    checkSpans(RULE, 'انتظرنا⟦..⟧ ثم جاء الخبر... وانتهى', ARTIFACT);
  });

  it('leaves runs inside numbers, URLs and next to a slash', () => {
    checkSpans(RULE, 'بلغ السعر 1.000 ريال والنسبة 3,.5 بالمئة عام 2015⟦..⟧', ARTIFACT);
    checkSpans(RULE, 'زوروا www.example.com/news,,today أو https://example.org/a.,b والموقع⟦،،⟧', ARTIFACT);
    checkSpans(RULE, 'افتح المجلد ../ملفات أو ..,/ثم المجلد⟦..,⟧', ARTIFACT);
  });

  it('leaves the semicolon that closes an HTML entity and an English abbreviation before a comma', () => {
    checkSpans(RULE, 'شعار &quot;..أجدادنا&quot;.. وشركة Apple Inc., التي&#8230;⟦;,⟧');
    checkSpans(RULE, 'عنوان &quot;⟦.,⟧ ثم مرض Ketoacidosis⟦.,⟧ المعروف');
  });

  it('keeps the sentence-ending dot, else the first mark', () => {
    checkFix(RULE, 'وصل الوفد., ثم غادر،. وعاد،، ثم؛؛ ذهب,; أخيرا', 'وصل الوفد. ثم غادر. وعاد، ثم؛ ذهب, أخيرا');
  });

  it('keeps an ellipsis, and by default the two-dot pause, and drops the rest', () => {
    checkFix(RULE, 'قال...، ثم صمت،... وفكر،.. وانتظر..،', 'قال... ثم صمت... وفكر.. وانتظر..');
    checkFix(RULE, 'قال...، ثم صمت،.. وانتظر.. طويلا', 'قال... ثم صمت. وانتظر. طويلا', ARTIFACT);
  });

  it('counts offsets in UTF-16 after diacritics, emoji, CRLF and a BOM', () => {
    checkSpans(RULE, `${BOM}😀 كَتَبَ الطَّالِبُ⟦،،⟧\r\n👍🏽 ثُمَّ رَحَلَ⟦.,⟧\r\n`);
  });

  it('fixes text with diacritics, emoji, CRLF and a BOM and converges', () => {
    checkFix(RULE, `${BOM}كَتَبَ،، 😀\r\nرَحَلَ.,\r\n`, `${BOM}كَتَبَ، 😀\r\nرَحَلَ.\r\n`);
  });

  it('offers a fix that says what it keeps', () => {
    const [finding] = findingsOf(RULE, 'غادر،. الوفد');
    assert.equal(finding.fixes[0].title, "Keep only '.'");
    assert.deepEqual(finding.fixes[0].edits, [{ offset: 4, length: 2, newText: '.' }]);
  });
});
