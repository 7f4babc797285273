import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, type NassaqConfig } from '../../server/src/core/config/config';
import { buildCorpus, lintCorpus, type CorpusFile } from '../../server/src/core/corpus/lint-corpus';
import { EMPTY_DICTIONARY } from '../../server/src/core/lexicon/dictionary';
import { shaddaFacet } from '../../server/src/core/rules/stray-diacritic';
import { checkFix, checkSpans } from '../support/fixture';

const FATHA = '\u064E';
const DAMMA = '\u064F';
const KASRA = '\u0650';
const SHADDA = '\u0651';
const SUKUN = '\u0652';
const TANWEEN_FATH = '\u064B';
const TANWEEN_KASR = '\u064D';

/** Plain unvocalized news prose (about thirty words), so one marked word stays a small share. */
const PROSE =
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير ويخدم سكان القرى المجاورة ' +
  'وقال المدير العام للمستشفى إن العمل سيبدأ الشهر المقبل بعد اكتمال تجهيز الأقسام وتدريب الكوادر الطبية';

function config(options: Record<string, string> = {}): NassaqConfig {
  return { ...DEFAULT_CONFIG, rules: { 'stray-diacritic': { options } } };
}

describe('stray-diacritic', () => {
  it('reports harakat on a word of an unvocalized article', () => {
    checkSpans('stray-diacritic', `${PROSE}. وأكد ⟦أنّ⟧ المشروع الجديد ⟦الأكبرَ⟧ من نوعه ⟦فِي⟧ المنطقة.`);
  });

  it('keeps tanween fath closing a word, and tanween kasr closing a defective noun', () => {
    checkSpans('stray-diacritic', `${PROSE} دائماً ودائمًا مساءً خاصةً هدىً ونادٍ وجارٍ ولكن ⟦بشكلٍ⟧ كبير.`);
  });

  it('leaves vocalized sentences, quoted verses and Quranic marks alone', () => {
    const verse = `قال تعالى ${'وَمَنْ أَظْلَمُ مِمَّن مَّنَعَ مَسَاجِدَ اللَّهِ'} والحديث متصل`;
    checkSpans('stray-diacritic', `${PROSE}. ${verse}. ونقرأ {وَلَا تَقْفُ مَا لَيْسَ} ثم ﴿الْحَمْدُ لِلَّهِ﴾ وكذلك ذٰلِكَ ۚ هنا.`);
  });

  it('leaves an article that is vocalized throughout alone', () => {
    checkSpans('stray-diacritic', 'ذَهَبَ الطَّالِبُ إِلَى المَدْرَسَةِ صَبَاحًا وَعَادَ مَسَاءً. قرأ الكتاب. وكتب الدَّرْسَ.');
  });

  it('removes the marks and converges', () => {
    checkFix('stray-diacritic', `${PROSE}. وأكد أنّ المشروع الجديد الأكبرَ من نوعه فِي المنطقة.\r\n`, `${PROSE}. وأكد أن المشروع الجديد الأكبر من نوعه في المنطقة.\r\n`);
    checkFix('stray-diacritic', `${PROSE} المشروعَّ.`, `${PROSE} المشروع.`);
  });

  it('counts UTF-16 offsets after a BOM, emoji and CRLF', () => {
    checkSpans('stray-diacritic', `\uFEFF😀 ${PROSE}\r\nوقال ⟦إنّ⟧ العمل مستمر.`);
  });

  it('keeps shadda on words the corpus writes with it, unless told otherwise', () => {
    const files: CorpusFile[] = [
      { id: 'a.txt', text: `${PROSE} وتحدث عن العامّية في الإعلام.` },
      { id: 'b.txt', text: `${PROSE} وانتشرت العامّية بين الشباب.` },
      { id: 'c.txt', text: `${PROSE} وتراجعت العامّية أمام الفصحى وقال ${'أن'}${SHADDA} الأمر طبيعي.` },
      { id: 'd.txt', text: `${PROSE} ويرى أن العامية أقرب وأن التعليم مهم وأن الجميع يتفق وأن الوقت مناسب.` },
    ];
    const words = (options: Record<string, string>) =>
      [...lintCorpus(files, config(options), EMPTY_DICTIONARY)].flatMap(([, fs]) => fs.filter((f) => f.ruleId === 'stray-diacritic').map((f) => f.word));
    assert.deepEqual(words({}), [`أن${SHADDA}`]);
    assert.deepEqual(words({ shadda: 'keep' }), []);
    assert.deepEqual(words({ shadda: 'report' }).length, 4);
  });

  it('offers the repaired word in the fix title and silences accepted words', () => {
    const [finding] = checkSpans('stray-diacritic', `${PROSE} ⟦الكتَابُ⟧.`);
    assert.match(finding.fixes[0].title, /الكتاب/);
    assert.equal(finding.fixes[0].edits.length, 2);
  });

  it('marks sukun, damma, fatha and kasra alike', () => {
    checkSpans('stray-diacritic', `⟦م${KASRA}ن${SUKUN}⟧ ${PROSE} ⟦كت${DAMMA}ب⟧ ${PROSE} ⟦ف${FATHA}قط⟧ ${PROSE} ⟦عمل${TANWEEN_KASR}⟧ ${PROSE}`);
    checkSpans('stray-diacritic', `${PROSE} ⟦كتاب${TANWEEN_FATH}ا${SHADDA}⟧ ${PROSE}`);
  });

  it('leaves a passive damma spelled out by more marks on a verb-shaped word alone', () => {
    checkSpans('stray-diacritic', `${PROSE}. وقال إن الملعب يُعتَبر الأكبر في البلاد. ${PROSE}. وقد عُقِد الاجتماع في موعده. ${PROSE}. وسيُطرَح المنتج في الأسواق. ${PROSE}. ثم حضر ⟦الملعبَ⟧ مع ⟦مُدير⟧ الفريق.`);
  });

  it('leaves a word vocalized letter by letter alone', () => {
    checkSpans('stray-diacritic', `${PROSE}. وكتب الشاعر يومها فَمَضَتْ ثم رجع إلى ⟦بيتِه⟧.`);
  });

  it('keeps tanween fath beside an alef when a lost space glued the next word on', () => {
    checkSpans('stray-diacritic', `${PROSE} ويزورها مليون سائح سنوياًمن مختلف الدول ⟦وعددٌ⟧ آخر.`);
  });

  it('keeps a stem-initial vowel that several files of the corpus write the same way', () => {
    const qibal = `ق${KASRA}بل`;
    const files: CorpusFile[] = ['a', 'b', 'c'].map((id) => ({ id: `${id}.txt`, text: `${PROSE} وجرى التنظيم من ${qibal} اللجنة.` }));
    files.push({ id: 'd.txt', text: `${PROSE} وتم الإعلان من ${qibal} الوزارة.` });
    const words = (list: CorpusFile[]) =>
      [...lintCorpus(list, config(), EMPTY_DICTIONARY)].flatMap(([, fs]) => fs.filter((f) => f.ruleId === 'stray-diacritic').map((f) => f.word));
    assert.deepEqual(words(files), []);
    assert.deepEqual(words(files.slice(2)), [qibal, qibal]);
  });

  it('keeps tanween kasr on a defective participle the corpus writes with yeh', () => {
    const files: CorpusFile[] = [
      { id: 'a.txt', text: `${PROSE} وجاء الحل مرضي للطرفين وكان الاتفاق مرضي وبدا العرض مرضي.` },
      { id: 'b.txt', text: `${PROSE} وتوصلوا إلى حل مرض${TANWEEN_KASR} للجميع بعد عمل${TANWEEN_KASR} طويل.` },
    ];
    const words = [...lintCorpus(files, config(), EMPTY_DICTIONARY)].flatMap(([, fs]) => fs.filter((f) => f.ruleId === 'stray-diacritic').map((f) => f.word));
    assert.deepEqual(words, [`عمل${TANWEEN_KASR}`]);
  });

  it('keeps facet statistics exact when a file is added and removed', () => {
    const index = buildCorpus([{ id: 'a.txt', text: 'العامّية والعامية' }]);
    const snapshot = () => [...index.statsOf(shaddaFacet).shadda, ...index.statsOf(shaddaFacet).formFiles].sort();
    const before = snapshot();
    index.update('b.txt', 'العامّية مرة أخرى وحجّ وحجّ وقِبل');
    assert.notDeepEqual(snapshot(), before);
    index.remove('b.txt');
    assert.deepEqual(snapshot(), before);
  });
});
