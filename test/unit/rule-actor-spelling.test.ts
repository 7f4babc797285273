import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, type NassaqConfig } from '../../server/src/core/config/config';
import { buildCorpus, lintCorpus, viewOf, type CorpusFile } from '../../server/src/core/corpus/lint-corpus';
import { spellingEdits } from '../../server/src/core/corpus/spellings';
import { applyEdits, fixAll } from '../../server/src/core/engine';
import { EMPTY_DICTIONARY, WordSetDictionary, type Dictionary } from '../../server/src/core/lexicon/dictionary';
import { english } from '../../server/src/core/l10n';
import { createActorSpelling, nameFacet } from '../../server/src/core/rules/actor-spelling';
import type { Finding } from '../../server/src/core/rules/rule';
import { surfaceKey } from '../../server/src/core/text/normalize';
import { tokenize } from '../../server/src/core/text/tokenize';

const TATWEEL = '\u0640';
const KASRA = '\u0650';

function config(options: Record<string, string> = {}): NassaqConfig {
  return { ...DEFAULT_CONFIG, rules: { 'actor-spelling': { options } } };
}

/** A dictionary of every word of the corpus except the foreign names listed (as the real one lacks them). */
function dictionaryOf(files: readonly CorpusFile[], foreign: readonly string[] = [], known: readonly string[] = []): Dictionary {
  const words = new Set(['في', ...known]);
  for (const file of files) for (const t of tokenize(file.text)) if (t.kind === 'arabic') words.add(surfaceKey(t.text));
  for (const name of foreign) for (const prefix of ['', 'و', 'ل', 'ب']) words.delete(prefix + name);
  return new WordSetDictionary(words);
}

function corpus(...texts: string[]): CorpusFile[] {
  return texts.map((text, i) => ({ id: `f${i}.txt`, text }));
}

function lint(files: CorpusFile[], dictionary: Dictionary, options: Record<string, string> = {}): Map<string, Finding[]> {
  const all = lintCorpus(files, config(options), dictionary);
  return new Map([...all].map(([id, findings]) => [id, findings.filter((f) => f.ruleId === 'actor-spelling')]));
}

function spans(files: CorpusFile[], findings: Map<string, Finding[]>): string[] {
  return files.flatMap((f) => (findings.get(f.id) ?? []).map((x) => `${f.id}:${f.text.slice(x.offset, x.offset + x.length)}`));
}

/** Applies the preferred fixes of the rule to one file against the corpus, and checks convergence. */
function fixed(files: CorpusFile[], dictionary: Dictionary, id: string): string {
  const view = viewOf(buildCorpus(files), dictionary, config());
  const file = files.find((f) => f.id === id)!;
  const once = fixAll(file.text, config(), { corpus: view, only: ['actor-spelling'] }).text;
  assert.equal(fixAll(once, config(), { corpus: view, only: ['actor-spelling'] }).text, once, 'second fix changed the text');
  return once;
}

const MACRON = corpus(
  'قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده تدعم الحوار.',
  'استقبل إيمانويل ماكرون وفدا من رجال الأعمال في باريس.',
  'أعلن الرئيس إيمانويل ماكرون خطة جديدة للطاقة.',
  'وصل ايمانويل ماكرون إلى الجزائر في زيارة رسمية.',
);

const SARRAJ = corpus(
  'التقى رئيس حكومة الوفاق فايز السراج وفدا أمميا في طرابلس.',
  'وصف رئيس المجلس الرئاسي فايز السراج الاتفاق بأنه خطوة مهمة.',
  'وقال فايز السراج إن الحوار مستمر.',
  'ورحب فائز السراج بالمبادرة الجديدة.',
);

describe('actor-spelling', () => {
  it('reports a foreign name written without its hamza, with counts and files in the message', () => {
    const findings = lint(MACRON, dictionaryOf(MACRON, ['إيمانويل', 'ايمانويل', 'ماكرون']));
    assert.deepEqual(spans(MACRON, findings), ['f3.txt:ايمانويل']);
    assert.equal(findings.get('f3.txt')![0].message, '"ايمانويل" is written "إيمانويل" in 3 of 4 mentions across 3 files');
    assert.equal(fixed(MACRON, dictionaryOf(MACRON, ['إيمانويل', 'ايمانويل', 'ماكرون']), 'f3.txt'), 'وصل إيمانويل ماكرون إلى الجزائر في زيارة رسمية.');
  });

  it('reports a hamza seat in a two-word name whose other word matches (فائز السراج)', () => {
    const findings = lint(SARRAJ, dictionaryOf(SARRAJ));
    assert.deepEqual(spans(SARRAJ, findings), ['f3.txt:فائز السراج']);
    assert.equal(findings.get('f3.txt')![0].message, '"فائز السراج" is written "فايز السراج" in 3 of 4 mentions across 3 files');
    assert.equal(fixed(SARRAJ, dictionaryOf(SARRAJ), 'f3.txt'), 'ورحب فايز السراج بالمبادرة الجديدة.');
    assert.deepEqual(findings.get('f3.txt')![0].corpusFix, { name: 'فايز السراج', canonical: 'فايز السراج', variants: ['فائز السراج'] });
  });

  it('keeps a proclitic out of the span and in the fix (وفائز)', () => {
    const files = corpus(...SARRAJ.slice(0, 3).map((f) => f.text), 'واستقبل المسؤولون وفائز السراج الوفد.');
    const dictionary = dictionaryOf(files, [], ['فائز']);
    assert.deepEqual(spans(files, lint(files, dictionary)), ['f3.txt:فائز السراج']);
    assert.equal(fixed(files, dictionary, 'f3.txt'), 'واستقبل المسؤولون وفايز السراج الوفد.');
  });

  it('reports alef maqsura for yeh, heh for ta marbuta, and a dropped final ta marbuta beside a name', () => {
    const files = corpus(
      'قال المبعوث الأممي غسان سلامة إن المحادثات مستمرة.',
      'التقى المبعوث الأممي غسان سلامة وزير الخارجية.',
      'دعا المبعوث غسان سلامة إلى التهدئة.',
      'قال المبعوث غسان سلام إن الهدنة صامدة.',
      'وصرح الشيخ مصطفى العلوي بأن الموسم ناجح.',
      'أكد الشيخ مصطفى العلوي أهمية التعاون.',
      'وأشاد مصطفي العلوي بالمنظمين.',
    );
    const findings = lint(files, dictionaryOf(files));
    assert.deepEqual(spans(files, findings), ['f3.txt:غسان سلام', 'f6.txt:مصطفي العلوي']);
    assert.equal(fixed(files, dictionaryOf(files), 'f3.txt'), 'قال المبعوث غسان سلامة إن الهدنة صامدة.');
    assert.equal(fixed(files, dictionaryOf(files), 'f6.txt'), 'وأشاد مصطفى العلوي بالمنظمين.');
    const heh = corpus(...files.slice(0, 3).map((f) => f.text), 'قال المبعوث غسان سلامه إن الهدنة صامدة.');
    assert.deepEqual(spans(heh, lint(heh, dictionaryOf(heh))), ['f3.txt:غسان سلامه']);
  });

  it('reports a misspelt country the corpus never inflects, and leaves a word that only looks clitic-prefixed alone', () => {
    const files = corpus(
      'قال المتحدث إن الاتفاق مع إيران تاريخي.',
      'وصل الوفد الإيراني إلى فيينا لبحث الملف مع إيران.',
      'تراجعت صادرات النفط الإيرانية في إيران هذا العام.',
      'أعلنت ايران استعدادها للحوار، وأغلقت الأم بابها بالمفتاح في أبها.',
      'زار الوفد مدينة أبها ثم عاد من أبها.',
    );
    const dictionary = dictionaryOf(files, ['ايران']);
    assert.deepEqual(spans(files, lint(files, dictionary)), ['f3.txt:ايران']);
  });

  it('reports عبد compounds written joined where the corpus spaces them, and can ignore them', () => {
    const files = corpus(
      'استقبل الرئيس عبد المجيد تبون الوفد.',
      'أكد عبد المجيد تبون دعم بلاده.',
      'وقال عبدالمجيد تبون إن الانتخابات في موعدها.',
    );
    const findings = lint(files, EMPTY_DICTIONARY);
    assert.deepEqual(spans(files, findings), ['f2.txt:عبدالمجيد']);
    assert.equal(findings.get('f2.txt')![0].message, '"عبدالمجيد" is written "عبد المجيد" in 2 of 3 mentions across 2 files');
    assert.equal(fixed(files, EMPTY_DICTIONARY, 'f2.txt'), 'وقال عبد المجيد تبون إن الانتخابات في موعدها.');
    assert.deepEqual(spans(files, lint(files, EMPTY_DICTIONARY, { compounds: 'ignore' })), []);
  });

  it('treats tatweel and diacritics as the spelling they decorate, and the fix drops them', () => {
    const files = corpus(...SARRAJ.slice(0, 3).map((f) => f.text), `ورحب فا${TATWEEL}ئ${KASRA}ز السراج بالمبادرة.`);
    assert.deepEqual(spans(files, lint(files, dictionaryOf(files))), [`f3.txt:فا${TATWEEL}ئ${KASRA}ز السراج`]);
    assert.equal(fixed(files, dictionaryOf(files), 'f3.txt'), 'ورحب فايز السراج بالمبادرة.');
    const clean = corpus(...SARRAJ.slice(0, 3).map((f) => f.text), `ورحب فا${TATWEEL}ي${KASRA}ز السراج بالمبادرة.`);
    assert.deepEqual(spans(clean, lint(clean, dictionaryOf(clean))), [], 'tatweel and harakat are their own rules');
  });

  it('does not report على/علي, الى/إلى or other common words spelt two ways', () => {
    const files = corpus(
      'وافق المجلس على الخطة وأحالها الى اللجنة ثم إلى الوزير.',
      'حصل الفريق علي المركز الأول ووصل إلى النهائي.',
      'قال الدكتور علي حسن إن الأمم المتحدة تتابع الوضع.',
      'أعلنت الامم المتحدة عن مساعدات على وجه السرعة الى المتضررين.',
      'وأكد على ضرورة الالتزام بالاتفاق الى النهاية.',
    );
    for (const dictionary of [dictionaryOf(files), EMPTY_DICTIONARY]) assert.deepEqual(spans(files, lint(files, dictionary)), []);
  });

  it('reports a rarer transliteration (ترمب for ترامب) as information, fixed only by hand, and can ignore it', () => {
    const files = corpus(
      'قال الرئيس دونالد ترامب إن الاتفاق سيئ.',
      'انتقد الرئيس دونالد ترامب الصحافة، ثم عاد ترامب إلى البيت الأبيض.',
      'رد الرئيس دونالد ترمب على المنتقدين.',
    );
    const dictionary = dictionaryOf(files, ['دونالد', 'ترامب', 'ترمب']);
    const findings = lint(files, dictionary);
    assert.deepEqual(spans(files, findings), ['f2.txt:ترمب']);
    const [finding] = findings.get('f2.txt')!;
    assert.equal(finding.severity, 'info');
    assert.ok(finding.unsafeFixReason);
    assert.equal(applyEdits(files[2].text, finding.fixes[0].edits), 'رد الرئيس دونالد ترامب على المنتقدين.');
    const view = viewOf(buildCorpus(files), dictionary, config());
    assert.equal(fixAll(files[2].text, config(), { corpus: view, only: ['actor-spelling'] }).text, files[2].text, '--fix leaves house style alone');
    assert.deepEqual(spans(files, lint(files, dictionary, { transliteration: 'ignore' })), []);
    // A rule configured below information keeps its own severity.
    const hint = lintCorpus(files, { ...DEFAULT_CONFIG, rules: { 'actor-spelling': { severity: 'hint', options: {} } } }, dictionary);
    assert.deepEqual(hint.get('f2.txt')!.filter((f) => f.ruleId === 'actor-spelling').map((f) => f.severity), ['hint']);
  });

  it('leaves alone names the dictionary knows in both spellings and a vowel letter beside another (سلمان / سليمان، نيكي / نايكي)', () => {
    const files = corpus(
      'استقبل الأمير سلمان الوفد، وحضر الأمير سلمان الحفل، وقال الأمير سلمان كلمة.',
      'وصل الشيخ سليمان إلى المدينة.',
      'ارتفع مؤشر نيكي في طوكيو، وتراجع نيكي أمس، ثم استقر نيكي.',
      'أطلقت شركة نايكي حذاء جديدا.',
    );
    assert.deepEqual(spans(files, lint(files, dictionaryOf(files, ['نيكي', 'نايكي']))), []);
  });

  it('reports a place the corpus never writes with the article, that follows prepositions and stands free, without a nisba (انقرة)', () => {
    const files = corpus(
      'وصل الوزير إلى أنقرة أمس في زيارة رسمية.',
      'عقد الاجتماع في أنقرة على مدى يومين.',
      'وعاد الوفد من أنقرة بعد محادثات، وقالت أنقرة في بيان إن المحادثات مثمرة.',
      'وصل الوفد الى انقرة صباحا.',
      'وقال من أصيب في الحادث إن الإسعاف تأخر، وأصيب في الحادث ثلاثة، ثم اصيب في الحادث رابع.',
    );
    assert.deepEqual(spans(files, lint(files, dictionaryOf(files, ['انقرة', 'اصيب']))), ['f3.txt:انقرة']);
  });

  it('reads a word starting with ال as the article or as the first letters of a name (المانيا for ألمانيا)', () => {
    const files = corpus(
      'سافر الوفد إلى ألمانيا في زيارة، وقال السفير الألماني إن ألمانيا على استعداد.',
      'تستورد السعودية من ألمانيا معدات، وتصدر إلى ألمانيا النفط.',
      'وصل اللاعب الى المانيا أمس.',
    );
    assert.deepEqual(spans(files, lint(files, dictionaryOf(files, ['المانيا']))), ['f2.txt:المانيا']);
  });

  it('reports a rarer spelling the dictionary also knows where a name stands (احمد for أحمد), not elsewhere', () => {
    const files = corpus(
      'قال الدكتور أحمد العلي إن الموسم ناجح، وأكد المهندس أحمد السالم ذلك.',
      'وصرح الشيخ أحمد الحربي بأن الحفل كبير، وشكر الأستاذ أحمد الزهراني الحضور.',
      'وافتتح المدير أحمد الغامدي المعرض، وحضر الدكتور أحمد القحطاني والشيخ أحمد العتيبي.',
      'وقال الدكتور احمد الشهري إن الحفل انتهى.',
      'احمد الله على السلامة.',
    );
    assert.deepEqual(spans(files, lint(files, dictionaryOf(files))), ['f3.txt:احمد']);
  });

  it('takes the majority spelling, and on a tie the careful one (hamza) before code-unit order', () => {
    const dictionary = new WordSetDictionary(['في', 'وصل', 'غادر', 'الى', 'إلى', 'باريس', 'ماكرون']);
    const tie = corpus('وصل ايمانويل ماكرون إلى باريس.', 'غادر إيمانويل ماكرون باريس.');
    const tied = lint(tie, dictionary);
    assert.deepEqual(spans(tie, tied), ['f0.txt:ايمانويل']);
    assert.equal(tied.get('f0.txt')![0].message, '"ايمانويل" is written "إيمانويل" in 1 of 2 mentions across 1 file');
    const majority = corpus('وصل ايمانويل ماكرون إلى باريس.', 'غادر ايمانويل ماكرون باريس.', 'وصل إيمانويل ماكرون.');
    assert.deepEqual(spans(majority, lint(majority, dictionary)), ['f2.txt:إيمانويل']);
  });

  it('points to mentions of the canonical spelling in the same file', () => {
    const files = corpus(...SARRAJ.slice(0, 3).map((f) => f.text), 'قال فايز السراج إن فائز السراج لم يكن حاضرا.');
    const [finding] = lint(files, dictionaryOf(files)).get('f3.txt')!;
    const text = files[3].text;
    assert.deepEqual(finding.related?.map((r) => text.slice(r.offset, r.offset + r.length)), ['فايز السراج']);
  });

  it('counts UTF-16 offsets after a BOM, emoji and CRLF', () => {
    const files = corpus(...SARRAJ.slice(0, 3).map((f) => f.text), '\uFEFF😀 خبر عاجل\r\nورحب فائز السراج بالمبادرة.\r\n');
    const [finding] = lint(files, dictionaryOf(files)).get('f3.txt')!;
    assert.equal(files[3].text.slice(finding.offset, finding.offset + finding.length), 'فائز السراج');
    assert.equal(fixed(files, dictionaryOf(files), 'f3.txt'), '\uFEFF😀 خبر عاجل\r\nورحب فايز السراج بالمبادرة.\r\n');
  });

  it('prefers the registry spelling over the corpus majority', () => {
    const rule = createActorSpelling({ registry: ['إيمانويل ماكرون', 'أردوغان'] });
    const files = corpus('وصل ايمانويل ماكرون إلى باريس.', 'غادر ايمانويل ماكرون باريس.', 'رحب اردوغان بالزيارة.', 'انتقد اردوغان القرار.');
    const view = viewOf(buildCorpus(files), EMPTY_DICTIONARY, config());
    const messages = files.flatMap((f) => rule.check({ text: f.text, tokens: tokenize(f.text), lines: undefined as never, options: {}, corpus: view, t: english }).map((x) => x.message));
    assert.deepEqual(messages, [
      '"ايمانويل" is written "إيمانويل" in the actor registry',
      '"ايمانويل" is written "إيمانويل" in the actor registry',
      '"اردوغان" is written "أردوغان" in the actor registry',
      '"اردوغان" is written "أردوغان" in the actor registry',
    ]);
  });

  it('rewrites every spelling of a name across a text for the workspace-wide fix, clitics kept', () => {
    const text = 'قال فائز السراج إن وفائز السراج ولفائز السراج، لا فايز السراج ولا فائزون.';
    const edits = spellingEdits(text, ['فائز السراج'], 'فايز السراج');
    assert.equal(applyEdits(text, edits), 'قال فايز السراج إن وفايز السراج ولفايز السراج، لا فايز السراج ولا فائزون.');
    assert.equal(applyEdits('وقال عبدالمجيد تبون', spellingEdits('وقال عبدالمجيد تبون', ['عبدالمجيد'], 'عبد المجيد')), 'وقال عبد المجيد تبون');
  });

  it('keeps facet statistics exact when a file is added and removed', () => {
    const index = buildCorpus(SARRAJ);
    const snapshot = () => [...index.statsOf(nameFacet).named].sort();
    const before = snapshot();
    const version = index.statsOf(nameFacet).version;
    index.update('extra.txt', 'قال الرئيس الفرنسي إيمانويل ماكرون إن المبعوث غسان سلامة وصل.');
    assert.notDeepEqual(snapshot(), before);
    index.remove('extra.txt');
    assert.deepEqual(snapshot(), before);
    assert.ok(index.statsOf(nameFacet).version > version, 'the version moves so cached spellings are dropped');
  });
});
