import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, checkSpans } from '../support/fixture';

const ARABIC_COMMA = '\u060C';
const ARABIC_SEMICOLON = '\u061B';
const ARABIC_QUESTION_MARK = '\u061F';
const RIGHT_GUILLEMET = '\u00BB';
const BOM = '\uFEFF';
const ID = 'latin-punctuation';

describe('latin-punctuation', () => {
  it('reports a Latin comma, semicolon and question mark after an Arabic word', () => {
    const findings = checkSpans(ID, `افتتح المعرض⟦,⟧ وحضره الوزير⟦;⟧ فهل يتكرر ذلك⟦?⟧`);
    assert.deepEqual(findings.map((f) => f.message), [
      `Latin comma ',' in Arabic text; use '${ARABIC_COMMA}'`,
      `Latin semicolon ';' in Arabic text; use '${ARABIC_SEMICOLON}'`,
      `Latin question mark '?' in Arabic text; use '${ARABIC_QUESTION_MARK}'`,
    ]);
  });

  it('replaces the marks with their Arabic counterparts', () => {
    checkFix(ID, 'افتتح المعرض, وحضره الوزير; فهل يتكرر ذلك?', `افتتح المعرض${ARABIC_COMMA} وحضره الوزير${ARABIC_SEMICOLON} فهل يتكرر ذلك${ARABIC_QUESTION_MARK}`);
  });

  it('adds a space when an Arabic word is glued after the comma', () => {
    checkFix(ID, 'أعلنت الشركة,فيما رفض المجلس', `أعلنت الشركة${ARABIC_COMMA} فيما رفض المجلس`);
    checkFix(ID, 'أسهم البنك ,والتأمين', `أسهم البنك ${ARABIC_COMMA} والتأمين`);
  });

  it('looks past spaces, closing quotes and brackets to the word before', () => {
    checkSpans(ID, `نقلت ${'\u00AB'}الصحيفة${RIGHT_GUILLEMET}⟦,⟧ و(البلدية) ⟦,⟧ و"الهيئة"⟦,⟧ أمس`);
  });

  it('reports a comma between a number and an Arabic word', () => {
    checkSpans(ID, 'افتتح عام 2015⟦,⟧ وأغلق لاحقا');
  });

  it('leaves numbers, URLs, Latin text, HTML entities and runs of question marks alone', () => {
    checkSpans(ID, 'بلغت النسبة 3,5 بالمئة والأرقام 1, 2, 3 فقط');
    checkSpans(ID, 'انظر الرابط https://example.com/?a=1,2;b=3 للمزيد');
    checkSpans(ID, 'قال المدرب Hello, world; ok? ثم غادر');
    checkSpans(ID, 'هادي يعين &#8220;الأمين&#8221; محافظا و&quot;النائب&quot; أيضا');
    checkSpans(ID, 'أنفقت ???? مليون ريال في خليجي ?? هذا العام');
  });

  it('leaves a question mark glued to a following letter or comma: a lost character', () => {
    checkSpans(ID, 'وقعت ال?سعودية الاتفاق مع حساب غربه?، أمس');
  });

  it('does not look across a line break for the word before', () => {
    checkSpans(ID, 'انتهى الاجتماع\n, ثم بدأ\r\n; التالي');
  });

  it('counts UTF-16 offsets after a BOM, diacritics, emoji and CRLF', () => {
    checkSpans(ID, `${BOM}😀 خَبَرٌ عاجِلٌ⟦,⟧ 👍\r\nهَلْ وَصَلَ الوَفْدُ⟦?⟧\r\n`);
    checkFix(ID, `${BOM}😀 خَبَرٌ,عاجِلٌ\r\n`, `${BOM}😀 خَبَرٌ${ARABIC_COMMA} عاجِلٌ\r\n`);
  });
});
