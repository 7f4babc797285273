import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, preferredFix } from '../../server/src/core/engine';
import { quoteMarks } from '../../server/src/core/rules/quote-marks';
import { checkFix, checkSpans, configWith, findingsOf } from '../support/fixture';

// Quotation marks are named, never written bare: several of them look alike.
const LG = '\u00AB'; // «
const RG = '\u00BB'; // »
const LQ = '\u201C'; // “
const RQ = '\u201D'; // ”
const LOW = '\u201E'; // „
const RSQ = '\u2019'; // ’
const LSQ = '\u2018'; // ‘
const PRIME2 = '\u2033'; // ″
const BOM = '\uFEFF';
const ID = 'quote-marks';

describe('quote-marks', () => {
  it('declares the style option with its four values and guillemets by default', () => {
    const spec = quoteMarks.options?.style;
    assert.ok(spec);
    assert.deepEqual([...spec.values], [`${LG}${RG}`, `${LQ}${RQ}`, '""', 'dominant']);
    assert.equal(spec.default, `${LG}${RG}`);
    assert.equal(quoteMarks.defaultSeverity, 'warning');
    assert.equal(quoteMarks.fixable, true);
  });

  it('accepts well-formed guillemets, nested curly quotes and lone apostrophes', () => {
    checkSpans(ID, `صرّح المدير بأن ${LG}الخطة جاهزة${RG} وأن ${LG}اللجنة قالت ${LQ}لا تأجيل${RQ} هذا العام${RG}.`);
    checkSpans(ID, `It${RSQ}s a test and it's fine with ${LG}خبر${RG}`);
  });

  it('reports curly and straight pairs that differ from the house style, on the opening mark', () => {
    const findings = checkSpans(ID, `زار الوفد ⟦${LQ}⟧المعرض${RQ} ثم ⟦"⟧المتحف" صباحا`);
    assert.equal(findings[0].message, `Quotation marks ${LQ}…${RQ} differ from the house style ${LG}…${RG}`);
    assert.equal(findings[0].fixes[0].title, `Use ${LG}…${RG}`);
    const text = `زار الوفد ${LQ}المعرض${RQ} ثم "المتحف" صباحا`;
    assert.deepEqual(findings[0].related?.map((r) => text.slice(r.offset, r.offset + r.length)), [RQ]);
    checkFix(ID, text, `زار الوفد ${LG}المعرض${RG} ثم ${LG}المتحف${RG} صباحا`);
  });

  it('reports and fixes a quotation opened with the closing mark', () => {
    const findings = checkSpans(ID, `قال مصدر ل⟦${RG}⟧قناة 24${RG} إن ⟦${RQ}⟧جلسة صلح${RQ} عقدت`);
    assert.match(findings[0].message, /opened with the closing mark/);
    checkFix(ID, `قال مصدر ل${RG}قناة 24${RG} إن ${RQ}جلسة صلح${RQ} عقدت`, `قال مصدر ل${LG}قناة 24${RG} إن ${LG}جلسة صلح${RG} عقدت`);
  });

  it('reports reversed, mismatched and doubled-single quotation marks', () => {
    const findings = checkSpans(ID, `⟦${RQ}⟧أولا${LQ} و⟦${LG}⟧ثانيا${RQ} و⟦${LQ}⟧ثالثا${RG} و⟦${RSQ}${RSQ}⟧رابعا${RSQ}${RSQ} و⟦''⟧خامسا''`);
    assert.deepEqual(
      findings.map((f) => f.message.split(' ')[0]),
      ['Reversed', 'Mismatched', 'Mismatched', 'Doubled', 'Doubled'],
    );
    checkFix(ID, `${RQ}أولا${LQ} و${LSQ}${LSQ}ثانيا${RSQ}${RSQ}`, `${LG}أولا${RG} و${LG}ثانيا${RG}`);
  });

  it('reports a mark left unpaired on its line with no fix, saying why', () => {
    const [finding] = checkSpans(ID, `قال الوزير ⟦${LG}⟧سنبدأ غدا\nوانتهى الاجتماع.`);
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.message, /cannot tell where the quotation ends/);
    const [stray] = checkSpans(ID, `انتهى الاجتماع⟦${RG}⟧. ثم غادر`);
    assert.match(stray.message, /cannot tell where the quotation starts/);
    checkFix(ID, `قال الوزير ${LG}سنبدأ غدا\n`, `قال الوزير ${LG}سنبدأ غدا\n`);
  });

  it('pairs straight quotes in order, reports an odd one and ignores inch marks after digits', () => {
    checkSpans(ID, `شاشة 55" جديدة`, { style: '""' });
    checkSpans(ID, `قال "نعم" ثم ⟦"⟧لا`, { style: '""' });
    checkSpans(ID, `عرض "فيلم 2"`, { style: '""' });
    const [finding] = checkSpans(ID, `قال "نعم" ثم ⟦"⟧لا`, { style: '""' });
    assert.match(finding.message, /cannot tell where the quotation starts or ends/);
  });

  it('points at the straight quote that never closed when a later one clearly opens', () => {
    checkSpans(ID, `غرد قائلا: ⟦"⟧تم التوقيع، وأكدت مصادر "الصحيفة" أن`, { style: '""' });
  });

  it('joins a quotation that runs over paragraphs, but not a new opener', () => {
    checkSpans(ID, `وأضاف: ${LG}الفقرة الأولى\nوالفقرة الثانية${RG}.\nخبر آخر`);
    checkSpans(ID, `وأضاف: ⟦${LG}⟧الفقرة الأولى\nوقال: ⟦${LG}⟧الثانية`);
  });

  it('reports a quotation closed with a double prime after a digit, and keeps a real double prime', () => {
    const [finding] = checkSpans(ID, `أطلقت الشركة ⟦${LQ}⟧جهاز 5${PRIME2} الجديد وشاشة 7${PRIME2} أيضا`);
    assert.match(finding.message, /double prime/);
    checkFix(ID, `أطلقت ${LQ}جهاز 5${PRIME2} الجديد`, `أطلقت ${LG}جهاز 5${RG} الجديد`);
  });

  it('does not auto-fix a pair whose first mark sits after a word like a closing mark', () => {
    const [finding] = checkSpans(ID, `على رأسها⟦${RG}⟧ التنظيم${RG} وغيره`);
    assert.ok(finding.unsafeFixReason);
    assert.equal(preferredFix({ ...finding, ruleId: ID, severity: 'warning' }), undefined);
    checkFix(ID, `على رأسها${RG} التنظيم${RG} وغيره`, `على رأسها${RG} التنظيم${RG} وغيره`);
  });

  it('uses the configured style', () => {
    checkSpans(ID, `⟦${LG}⟧أ${RG} و${LQ}ب${RQ} و⟦"⟧ج"`, { style: `${LQ}${RQ}` });
    checkFix(ID, `${LG}أ${RG} و${LOW}ب${LQ}`, `${LQ}أ${RQ} و${LOW}ب${LQ}`, { style: `${LQ}${RQ}` });
    checkFix(ID, `${LG}أ${RG} و${LQ}ب${RQ}`, `"أ" و"ب"`, { style: '""' });
  });

  it('with the dominant style, reports only the minority style, and nothing in a consistent article', () => {
    checkSpans(ID, `${LQ}أ${RQ} و${LQ}ب${RQ}\n${LQ}ج${RQ}`, { style: 'dominant' });
    const findings = checkSpans(ID, `${LQ}أ${RQ} و${LQ}ب${RQ}\nو⟦${LG}⟧ج${RG}`, { style: 'dominant' });
    assert.equal(findings[0].message, `Quotation marks ${LG}…${RG} mixed with ${LQ}…${RQ} in this article`);
    checkFix(ID, `"أ" و"ب" و${LG}ج${RG}`, `"أ" و"ب" و"ج"`, { style: 'dominant' });
  });

  it('falls back to guillemets on a tie or without well-formed pairs', () => {
    checkSpans(ID, `⟦${LQ}⟧أ${RQ} و⟦"⟧ب"`, { style: 'dominant' });
    checkFix(ID, `${RG}أ${RG}`, `${LG}أ${RG}`, { style: 'dominant' });
  });

  it('counts UTF-16 offsets after a BOM, diacritics, emoji and CRLF', () => {
    const marked = `${BOM}😀 قَالَ الوَزِيرُ\r\nإنَّ ⟦${LQ}⟧الخُطَّةَ 👍${RQ} جاهزة\r\nو⟦${RG}⟧غدًا${RG}\r\n`;
    checkSpans(ID, marked);
    const text = marked.replace(/[⟦⟧]/g, '');
    const fixed = fixAll(text, configWith(ID), { only: [ID] }).text;
    assert.equal(fixed, `${BOM}😀 قَالَ الوَزِيرُ\r\nإنَّ ${LG}الخُطَّةَ 👍${RG} جاهزة\r\nو${LG}غدًا${RG}\r\n`);
  });

  it('pairs per line: a closing mark on a later line does not close a finished quotation', () => {
    const findings = findingsOf(ID, `${LG}أ${RG}\nبعدها${RG} جاء`);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /no opening mark/);
  });
});
