import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mixedDigits } from '../../server/src/core/rules/mixed-digits';
import { checkFix, checkSpans, findingsOf } from '../support/fixture';

// Persian and Arabic-Indic digits look alike, so both are written from Western ones.
const ARABIC_DECIMAL = '\u066B';
const ARABIC_THOUSANDS = '\u066C';
const shift = (zero: number) => (western: string) => western.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));
const ar = shift(0x0660);
const fa = shift(0x06f0);

describe('mixed-digits', () => {
  it('reports Arabic-Indic numbers in an article that mostly writes Western digits', () => {
    checkSpans('mixed-digits', `افتتح المعرض عام 2019 بمشاركة 340 شركة، وزاره ⟦${ar('12')}⟧ ألف شخص`);
  });

  it('says which systems and how many digits, and offers the conversion', () => {
    const [finding] = checkSpans('mixed-digits', `افتتح المعرض عام 2019 بمشاركة 340 شركة، وزاره ⟦${ar('12')}⟧ ألف شخص`);
    assert.equal(finding.message, `Arabic-Indic digits '${ar('12')}' in an article that writes numbers in Western digits (7 of 9 digits)`);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.fixes[0].title, `Write in Western digits: '12'`);
  });

  it('reports Western numbers in an article that mostly writes Arabic-Indic digits', () => {
    checkSpans('mixed-digits', `سجل الفريق ${ar('145')} هدفا في ${ar('30')} مباراة خلال موسم ⟦2018⟧`);
  });

  it('gives a tie to Western digits', () => {
    checkSpans('mixed-digits', `وصل ⟦${ar('15')}⟧ لاعبا و 22 مدربا`);
  });

  it('reports Persian digits and converts them', () => {
    checkSpans('mixed-digits', `بلغ الإنتاج 50000 طن في عام ⟦${fa('1394')}⟧ الإيراني`);
    checkFix('mixed-digits', `بلغ الإنتاج 50000 طن في عام ${fa('1394')}`, 'بلغ الإنتاج 50000 طن في عام 1394');
  });

  it('leaves an article that uses one system alone', () => {
    checkSpans('mixed-digits', `ارتفع المؤشر ${ar('25')} نقطة إلى ${ar('7')}${ARABIC_DECIMAL}${ar('5')} آلاف`);
    checkSpans('mixed-digits', 'ارتفع المؤشر 25 نقطة إلى 7.5 آلاف');
  });

  it('neither counts nor reports digits in Latin names and URLs', () => {
    const text = `حلقت طائرة F16 وأخرى من طراز F-35 بعد انحسار COVID-19 وإطلاق شبكات 4G، انظر https://example.com/news/2021/05 ثم عاد ${ar('3')} طيارين`;
    checkSpans('mixed-digits', text);
    checkSpans('mixed-digits', text, { digits: 'arabic-indic' });
  });

  it('reports every number outside a configured system, even when the article is consistent', () => {
    const [first] = checkSpans('mixed-digits', `اشترى ⟦${ar('3')}⟧ سيارات بمبلغ ⟦${ar('90')}⟧ ألفا`, { digits: 'western' });
    assert.equal(first.message, `Arabic-Indic digits '${ar('3')}'; numbers are configured to use Western digits`);
    checkSpans('mixed-digits', 'اشترى ⟦3⟧ سيارات بمبلغ ⟦90⟧ ألفا', { digits: 'arabic-indic' });
    checkSpans('mixed-digits', 'اشترى 3 سيارات', { digits: 'western' });
  });

  it('converts the Arabic decimal and thousands separators to Western ones', () => {
    checkFix(
      'mixed-digits',
      `النسبة 40 و 55 و 60 و 70 بينما بلغ النمو ${ar('3')}${ARABIC_DECIMAL}${ar('5')} والقيمة ${ar('1')}${ARABIC_THOUSANDS}${ar('250')}`,
      'النسبة 40 و 55 و 60 و 70 بينما بلغ النمو 3.5 والقيمة 1,250',
    );
  });

  it('converts Western separators to Arabic ones, and keeps those of dates and times', () => {
    checkFix(
      'mixed-digits',
      'بلغ النمو 3.5 والقيمة 1,250,000.75 يوم 12/5/2015 أو 12.5.2015 الساعة 10:30',
      `بلغ النمو ${ar('3')}${ARABIC_DECIMAL}${ar('5')} والقيمة ${ar('1')}${ARABIC_THOUSANDS}${ar('250')}${ARABIC_THOUSANDS}${ar('000')}${ARABIC_DECIMAL}${ar('75')} يوم ${ar('12')}/${ar('5')}/${ar('2015')} أو ${ar('12')}.${ar('5')}.${ar('2015')} الساعة ${ar('10')}:${ar('30')}`,
      { digits: 'arabic-indic' },
    );
  });

  it('does not apply a conversion when a lone separator may group thousands or mark decimals', () => {
    const [finding] = findingsOf('mixed-digits', 'دفع 1,500 ريال', { digits: 'arabic-indic' });
    assert.match(finding.unsafeFixReason ?? '', /decimal or a thousands/);
    assert.equal(finding.fixes[0].edits[0].newText, `${ar('1')}${ARABIC_THOUSANDS}${ar('500')}`);
    checkFix('mixed-digits', 'دفع 1,500 ريال', 'دفع 1,500 ريال', { digits: 'arabic-indic' });
  });

  it('converts and converges under the dominant system', () => {
    checkFix('mixed-digits', `في 2015 و 2016 زاد العدد ${ar('7')} مرات\r\n`, 'في 2015 و 2016 زاد العدد 7 مرات\r\n');
  });

  it('counts offsets in UTF-16 after a BOM, emoji, diacritics and CRLF', () => {
    checkSpans('mixed-digits', `\uFEFF😀 عامُ 2020 ثُمَّ 2021\r\n👍🏽 ⟦${ar('9')}⟧ أَيّامٍ`);
  });

  it('declares its option', () => {
    assert.deepEqual(mixedDigits.options?.digits.values, ['dominant', 'western', 'arabic-indic', 'persian']);
    assert.equal(mixedDigits.options?.digits.default, 'dominant');
  });
});
