import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCorpus, viewOf } from '../../server/src/core/corpus/lint-corpus';
import { applyEdits, fixAll, lintText } from '../../server/src/core/engine';
import { WordSetDictionary } from '../../server/src/core/lexicon/dictionary';
import type { Finding } from '../../server/src/core/rules/rule';
import { configWith, parseMarked } from '../support/fixture';

const TATWEEL = '\u0640';
const DAMMA = '\u064F';

// Stands in for the Arabic dictionary: exact surface forms, clitic forms included as Ayaspell has them.
const DICTIONARY = new WordSetDictionary(
  `الأمم المتحدة الولايات الجزائر فرنسا وفرنسا يوم الأحد أحد جيبوتي أثيوبيا وأثيوبيا القاهرة حل الحل
  عبد الله أبو ظبي نور الهدى دار فور لا يزال يمكن بينما في من قال قالت إن أن على إلى عن مع وزير الخارجية
  الأمريكي زار اجتمع مجلس الأمن مقر أمس اتفاق الهدنة رئيس وصل رسالة بعث المحادثات استمرت حكومة الرئيس
  كلمة مؤتمر صحفي السفير السلام المنطقة المفاوضات جديدة اليوم الاجتماع التعاون مدينة بين الدول بينا لدول
  أشرف وأكرم أكرم الاتحاد ومع مالك ولم لم النهر وان قيمهم وإنسانيتهم قيم إنسانية أغلب مرتادي براد فورد
  يوتيوب يا الشروط الأصلية أيمن حفظه نصر الحمد لله التي تدعمها تلاشت وسيحمل`.split(/\s+/),
);

// Articles of the corpus, where the spaced forms occur (our own sentences).
const BACKGROUND = [
  'اجتمع مجلس الأمن في مقر الأمم المتحدة يوم الأحد.',
  'قال وزير الخارجية إن الأمم المتحدة بعثت رسالة إلى الجزائر وإلى فرنسا.',
  'وصل السفير إلى جيبوتي قادما من أثيوبيا بعد اتفاق الهدنة، وقالت الأمم المتحدة إن المحادثات استمرت.',
  'زار رئيس حكومة الولايات المتحدة القاهرة، وقال إن الولايات المتحدة لا يزال أمامها عمل.',
  'قال عبد الله إن الحل في المفاوضات، ورد عبدالله بأن الاجتماع في أبوظبي أمس.',
];

interface Setup {
  files?: readonly string[];
  options?: Record<string, string>;
  accept?: string[];
}

function setup(text: string, { files = BACKGROUND, options = {}, accept = [] }: Setup = {}) {
  const config = configWith('merged-word', options, { accept });
  const corpusFiles = [...files.map((t, i) => ({ id: `background-${i}.txt`, text: t })), { id: 'article.txt', text }];
  const corpus = viewOf(buildCorpus(corpusFiles), DICTIONARY, config);
  return { config, corpus, findings: lintText(text, config, { only: ['merged-word'], corpus }) };
}

/** Asserts that merged-word reports exactly the `⟦…⟧` spans of an article read with the background corpus. */
function checkSpans(marked: string, options: Setup = {}): Finding[] {
  const { text, spans } = parseMarked(marked);
  const { findings } = setup(text, options);
  const actual = findings.map((f) => text.slice(f.offset, f.offset + f.length));
  assert.deepEqual(actual, spans.map((s) => text.slice(s.offset, s.offset + s.length)), `spans in ${JSON.stringify(text)}`);
  assert.deepEqual(findings.map((f) => f.offset), spans.map((s) => s.offset));
  return findings;
}

/** The text after a finding's first fix. */
function fixed(text: string, finding: Finding): string {
  return applyEdits(text, finding.fixes[0].edits);
}

describe('merged-word', () => {
  it('splits the examples of the issue, best split first', () => {
    const cases: Array<[string, string]> = [
      ['الأممالمتحدة', 'الأمم المتحدة'],
      ['الولاياتالمتحدة', 'الولايات المتحدة'],
      ['الجزائروفرنسا', 'الجزائر وفرنسا'],
      ['يومالأحد', 'يوم الأحد'],
      ['جيبوتيوأثيوبيا', 'جيبوتي وأثيوبيا'],
    ];
    for (const [merged, split] of cases) {
      const text = `قال السفير إن ${merged} اليوم`;
      const [finding] = checkSpans(`قال السفير إن ⟦${merged}⟧ اليوم`);
      assert.equal(fixed(text, finding), `قال السفير إن ${split} اليوم`, merged);
      assert.equal(finding.word, merged);
      assert.match(finding.fixes[0].title, new RegExp(split));
    }
  });

  it('says how often the corpus writes the words spaced', () => {
    const [finding] = checkSpans('اجتمع مجلس الأمن في ⟦الأممالمتحدة⟧ أمس');
    assert.match(finding.message, /"الأمم المتحدة" occurs 3 times in 3 files/);
    assert.equal(finding.unsafeFixReason, undefined);
  });

  it('leaves a split that only the dictionary supports to a human', () => {
    const [finding] = checkSpans('بعث ⟦الجزائروفرنسا⟧ رسالة');
    assert.ok(finding.unsafeFixReason);
    assert.match(finding.message, /"الجزائر" \((once|\d+ times)\) and "وفرنسا" \((once|\d+ times)\) are words/);
  });

  it('offers the next plausible split as another fix', () => {
    const files = [...BACKGROUND, 'اتفاق بين الدول، وقال بينا إن الرسالة لدول المنطقة', 'بينا لدول'];
    const [finding] = checkSpans('وقع اتفاق ⟦بينالدول⟧ اليوم', { files });
    assert.deepEqual(finding.fixes.map((f) => f.title), ["Split into 'بين الدول'", "Split into 'بينا لدول'"]);
  });

  it('splits three words run together', () => {
    const text = 'قال وزيرالخارجيةالأمريكي إن';
    const [finding] = checkSpans('قال ⟦وزيرالخارجيةالأمريكي⟧ إن');
    assert.equal(fixed(text, finding), 'قال وزير الخارجية الأمريكي إن');
  });

  it('leaves clitic-attached words alone', () => {
    checkSpans('وصل وفرنسا بالجزائر للأمم فالحل والقاهرة ولفرنسا وبالقاهرة');
  });

  it('leaves compound names written joined by convention', () => {
    checkSpans('قال عبدالله إن أبوظبي ونصرالله ولعبدالله في المنطقة');
  });

  it('leaves Latin words, numbers, dictionary words and words the corpus knows', () => {
    const nameArticle = 'قالت نورالهدى إن نورالهدى ونورالهدى ولنورالهدى مع نورالهدى في المؤتمر نورالهدى';
    checkSpans('أعلنت UnitedNations وMicrosoft عن 2019 و٢٠٢٠ بينما المتحدة', { files: [...BACKGROUND, nameArticle] });
    checkSpans('قالت نورالهدى اليوم', { files: [...BACKGROUND, nameArticle] });
  });

  it('leaves a missing space after punctuation to the spacing rule', () => {
    checkSpans('قال وزير الخارجية.وقال السفير:الأمم المتحدة');
  });

  it('ignores harakat and tatweel inside the token, and keeps them out of the split', () => {
    const vocalized = `في الأمم${DAMMA}المتحدة اليوم`;
    const [finding] = checkSpans(`في ⟦الأمم${DAMMA}المتحدة⟧ اليوم`);
    assert.equal(fixed(vocalized, finding), `في الأمم${DAMMA} المتحدة اليوم`);
    const stretched = `في الأمم${TATWEEL}المتحدة اليوم`;
    const [other] = checkSpans(`في ⟦الأمم${TATWEEL}المتحدة⟧ اليوم`);
    assert.equal(fixed(stretched, other), 'في الأمم المتحدة اليوم');
  });

  it('counts offsets in UTF-16 after emoji, CRLF and a BOM', () => {
    const findings = checkSpans('\uFEFF😀 خبر\r\nقالت ⟦الأممالمتحدة⟧ 👍🏽 إن ⟦يومالأحد⟧\r\n');
    assert.equal(findings.length, 2);
  });

  it('fixes with the corpus and converges', () => {
    const text = 'قالت الأممالمتحدة إن الاجتماع يومالأحد في جيبوتيوأثيوبيا\r\n';
    const { config, corpus } = setup(text);
    const once = fixAll(text, config, { only: ['merged-word'], corpus }).text;
    // The split only the dictionary supports waits for a human.
    assert.equal(once, 'قالت الأمم المتحدة إن الاجتماع يوم الأحد في جيبوتيوأثيوبيا\r\n');
    assert.equal(fixAll(once, config, { only: ['merged-word'], corpus }).text, once);
  });

  it('is silenced by the accept list', () => {
    checkSpans('في الأممالمتحدة اليوم', { accept: ['الأممالمتحدة'] });
  });

  it('flags a recurring joined form only when the corpus clearly prefers it spaced (min-ratio)', () => {
    const habit = ['قال إن الأمر لايزال صعبا ولايزال', 'لايزال الأمر في المنطقة', 'وقال لايزال'];
    const spaced = Array.from({ length: 9 }, (_, i) => `قال رئيس ${i} إن الأمر لا يزال في المنطقة`);
    const files = [...BACKGROUND, ...habit, ...spaced];
    const [finding] = checkSpans('قال ⟦لايزال⟧ أمس', { files });
    assert.match(finding.message, /"لا يزال" occurs 10 times in 10 files/);
    checkSpans('قال لايزال أمس', { files, options: { 'min-ratio': '3' } });
  });

  it('takes a joined form found more often than max-count for a word', () => {
    const files = [...BACKGROUND, 'قالت نورالهدى إن نورالهدى في', 'ونورالهدى مع نورالهدى'];
    checkSpans('قالت نورالهدى اليوم', { files });
    checkSpans('قالت ⟦نورالهدى⟧ اليوم', { files, options: { 'max-count': '10' } });
  });

  it('splits a join before و between inflected or short words', () => {
    const files = [...BACKGROUND, 'قال أشرف إن الاتحاد مع الاتفاق'];
    for (const [merged, split] of [['أشرفوأكرم', 'أشرف وأكرم'], ['الاتحادومع', 'الاتحاد ومع']]) {
      const [finding] = checkSpans(`قال ⟦${merged}⟧ اليوم`, { files });
      assert.equal(fixed(`قال ${merged} اليوم`, finding), `قال ${split} اليوم`);
    }
  });

  it('leaves names that hide a و: a short word after و needs a long word before it, and a closed-class one', () => {
    const files = [...BACKGROUND, 'قال مالك إن النهر لم يفض', 'وان لم'];
    checkSpans('قال مالكولم إن النهروان بعيد', { files });
  });

  it('counts the stems of inflected parts (قيمهم, وإنسانيتهم) when part frequencies matter', () => {
    const filler = 'كلمة '.repeat(20000);
    const options = { 'min-part-frequency': '100' };
    const seen = 'قيم إنسانية قيم إنسانية قيم إنسانية';
    checkSpans('عن ⟦قيمهموإنسانيتهم⟧ اليوم', { files: [...BACKGROUND, filler, seen], options });
    checkSpans('عن قيمهموإنسانيتهم اليوم', { files: [...BACKGROUND, filler, 'قيم إنسانية'], options });
  });

  it('splits two long words around و when one of them is seen, however rare', () => {
    const filler = 'كلمة '.repeat(20000);
    const options = { 'min-part-frequency': '100' };
    checkSpans('ثم ⟦تلاشتوسيحمل⟧ الغد', { files: [...BACKGROUND, filler, 'تلاشت تلاشت'], options });
    checkSpans('ثم تلاشتوسيحمل الغد', { files: [...BACKGROUND, filler], options });
  });

  it('needs one common part and the other seen where the join has no telltale shape', () => {
    const filler = 'كلمة '.repeat(20000);
    const options = { 'min-part-frequency': '100' };
    const files = [...BACKGROUND, filler, 'أغلب أغلب أغلب مرتادي مرتادي', 'براد فورد'];
    checkSpans('قال ⟦أغلبمرتادي⟧ إن برادفورد بعيدة', { files, options });
  });

  it('does not split a word ending in يا before the vocative', () => {
    checkSpans('شاهد يوتيوبيا اليوم', { files: [...BACKGROUND, 'يوتيوب يا يوتيوب'] });
  });

  it('splits a relative pronoun from the verb after it', () => {
    const [finding] = checkSpans('الخطة ⟦التيتدعمها⟧ الحكومة', { files: [...BACKGROUND, 'التي تدعمها'] });
    assert.equal(fixed('الخطة التيتدعمها الحكومة', finding), 'الخطة التي تدعمها الحكومة');
  });

  it('splits before an article word spelt with another hamza that the corpus uses', () => {
    const files = [...BACKGROUND, 'الشروط الأصلية الأصلية الأصلية'];
    const [finding] = checkSpans('بحسب ⟦الشروطالاصلية⟧ للعقد', { files });
    assert.equal(fixed('بحسب الشروطالاصلية للعقد', finding), 'بحسب الشروط الاصلية للعقد');
    assert.equal(finding.unsafeFixReason, undefined);
    // Unused, the other spelling is no evidence: the article word may be a name, which a human checks.
    const [unused] = checkSpans('بحسب ⟦الشروطالاصلية⟧ للعقد', { files: [...BACKGROUND, 'الشروط'] });
    assert.ok(unused.unsafeFixReason);
  });

  it('offers, for a human to check, a split before a family name the corpus lacks', () => {
    const [finding] = checkSpans('قال ⟦أيمنالزويمل⟧ إن', { files: [...BACKGROUND, 'قال أيمن'] });
    assert.ok(finding.unsafeFixReason);
    assert.equal(fixed('قال أيمنالزويمل إن', finding), 'قال أيمن الزويمل إن');
  });

  it('splits a phrase ending in الله only when the corpus writes it spaced far more often', () => {
    const spaced = Array.from({ length: 10 }, (_, i) => `قال ${i} حفظه الله ورعاه`);
    const [finding] = checkSpans('قال الملك ⟦حفظهالله⟧ إن', { files: [...BACKGROUND, ...spaced] });
    assert.equal(fixed('قال الملك حفظهالله إن', finding), 'قال الملك حفظه الله إن');
    checkSpans('قال الملك حفظهالله إن', { files: [...BACKGROUND, ...spaced.slice(0, 3)] });
    // A name written joined, and a formula, stay whatever the corpus does.
    const formula = Array.from({ length: 10 }, (_, i) => `قال ${i} الحمد لله`);
    checkSpans('قال نصرالله الحمدلله', { files: [...BACKGROUND, ...formula] });
  });

  it('needs frequent parts where the join has no telltale shape (min-part-frequency)', () => {
    // 20,000 filler words make per-million floors count: 100 per million is two occurrences.
    const filler = 'كلمة '.repeat(20000);
    const files = [...BACKGROUND, filler, 'قال رئيس مدينة', 'مدينة رئيس'];
    checkSpans('في ⟦رئيسمدينة⟧ اليوم', { files, options: { 'min-part-frequency': '0' } });
    checkSpans('في رئيسمدينة اليوم', { files: [...BACKGROUND, filler, 'قال رئيس مدينة'], options: { 'min-part-frequency': '100' } });
  });
});
