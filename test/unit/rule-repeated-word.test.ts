import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, checkSpans, findingsOf } from '../support/fixture';

const TATWEEL = '\u0640';
const TANWEEN_FATH = '\u064B';

describe('repeated-word', () => {
  it('reports the second of two identical words', () => {
    checkSpans('repeated-word', 'جلس الطلاب في ⟦في⟧ القاعة الكبرى وانتظروا المعلم');
  });

  it('names the word and deletes the space and the repetition', () => {
    const [finding] = checkSpans('repeated-word', 'أكد الوزير أن ⟦أن⟧ المشروع سينتهي قريبا');
    assert.equal(finding.message, "Repeated word 'أن'");
    assert.equal(finding.word, 'أن');
    assert.deepEqual(finding.fixes[0].edits, [{ offset: 13, length: 3, newText: '' }]);
    checkFix('repeated-word', 'أكد الوزير أن أن المشروع سينتهي قريبا', 'أكد الوزير أن المشروع سينتهي قريبا');
  });

  it('compares words without diacritics or tatweel', () => {
    checkSpans('repeated-word', 'يعمل فِي ⟦في⟧ المصنع الكبير');
    checkSpans('repeated-word', `ويسكن عَلى ⟦ع${TATWEEL}لى⟧ التل`);
  });

  it('reports Latin words whatever their case', () => {
    checkSpans('repeated-word', 'نشرت الصحيفة عنوان The ⟦the⟧ Times كما هو');
  });

  it('ignores numbers, line breaks, punctuation and different words', () => {
    checkSpans('repeated-word', 'سجل 20 20 نقطة في\r\nفي الشوط، في الثاني');
    checkSpans('repeated-word', 'ذهب الولد إلى المدرسة ثم عاد إلى البيت');
  });

  it('leaves listed reduplications alone, with or without tanween', () => {
    checkSpans(
      'repeated-word',
      `تقدم الجيش رويداً رويداً وتحسن الوضع قليلا قليلا وهو مهم جدًّا جدًّا، قالوا لا لا ونعم نعم ثم شيئ${TANWEEN_FATH} شيئ${TANWEEN_FATH}`,
    );
    checkSpans('repeated-word', 'استقبل ولي ولي العهد الوفد، وأطلقت صواريخ أرض أرض');
  });

  it('reports من من except after a preposition (with whom among)', () => {
    checkSpans('repeated-word', 'زار الوفد عددا من ⟦من⟧ المدارس');
    checkSpans('repeated-word', 'سألته مع من من الزملاء سافر');
  });

  it('still reports other words written with tanween', () => {
    checkSpans('repeated-word', 'وصل الوفد أيضاً ⟦أيضاً⟧ إلى العاصمة');
  });

  it('leaves runs of three or more alone, and two repetitions close together', () => {
    checkSpans('repeated-word', 'سمعنا دق دق دق على الباب');
    checkSpans('repeated-word', 'دعا إلى التعاون العربي العربي والخليجي الخليجي لمواجهة التحديات');
    checkSpans('repeated-word', 'دعا إلى التعاون العربي ⟦العربي⟧ لمواجهة التحديات');
  });

  it('leaves spelled-out Latin letters and initials alone, but not the words they look like', () => {
    checkSpans('repeated-word', 'قالت شبكة سي إن إن وهيئة بي بي سي ومجلة ق ق ج إن الخبر صحيح');
    checkSpans('repeated-word', 'وقال إن ⟦إن⟧ الخبر صحيح');
    checkSpans('repeated-word', 'ثم خرج و ⟦و⟧ عاد');
  });

  it('leaves a short quoted title and "X is no longer X" alone', () => {
    checkSpans('repeated-word', 'غنى الأطفال «هيا هيا يا شباب» في الحفل، ولم تعد المدينة المدينة التي عرفناها');
    checkSpans('repeated-word', 'عاد إلى ⟦إلى⟧ بيته بعد العمل');
  });

  it('deletes only the repetition when fixing, keeping diacritics of the first word', () => {
    checkFix('repeated-word', 'سافر عبرَ عبر الصحراء\r\nوعاد إلى إلى جدة\r\n', 'سافر عبرَ الصحراء\r\nوعاد إلى جدة\r\n');
    checkFix('repeated-word', `عاد إلى إل${TATWEEL}ى جدة`, 'عاد إلى جدة');
  });

  it('counts offsets in UTF-16 after a BOM, emoji, diacritics and CRLF', () => {
    checkSpans('repeated-word', `\uFEFF😀 خبرٌ\r\n👍🏽 ذهبَ إلى ⟦إلى⟧ السوقِ`);
  });

  it('is silenced by the accept list', () => {
    assert.equal(findingsOf('repeated-word', 'كان كان هنا').length, 1);
    assert.equal(findingsOf('repeated-word', 'كان كان هنا', {}, { accept: ['كان'] }).length, 0);
  });
});
