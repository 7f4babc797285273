import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, codePointName, INVISIBLE_NAMES, LRM, RLM, SOFT_HYPHEN, WORD_JOINER, ZWJ, ZWNJ, ZWSP } from '../../server/src/core/text/chars';
import { checkFix, checkSpans, findingsOf } from '../support/fixture';

const RULE = 'invisible-char';
const LRE = '\u202A';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';
const VARIATION_SELECTOR_16 = '\uFE0F';
const HEART = '\u2764';

describe('invisible-char', () => {
  it('reports every invisible character it knows, naming it', () => {
    for (const [code, name] of INVISIBLE_NAMES) {
      const ch = String.fromCharCode(code);
      const [finding, ...rest] = checkSpans(RULE, `قال ⟦${ch}⟧الوزير`);
      assert.equal(rest.length, 0);
      assert.equal(finding.message, `Invisible ${name} (${codePointName(code)})`);
    }
  });

  it('gives the expected message for a right-to-left mark', () => {
    const [finding] = checkSpans(RULE, `قال الوزير⟦${RLM}⟧ إن`);
    assert.equal(finding.message, 'Invisible RIGHT-TO-LEFT MARK (U+200F)');
  });

  it('reports a run of adjacent invisible characters once, counting them', () => {
    const [finding] = checkSpans(RULE, `مدينة ⟦${RLM}${LRE}${PDF}${PDF}⟧دنقلا`);
    assert.equal(finding.message, '4 invisible characters: RIGHT-TO-LEFT MARK (U+200F), LEFT-TO-RIGHT EMBEDDING (U+202A), POP DIRECTIONAL FORMATTING (U+202C) ×2');
  });

  it('reports joiners inside Arabic words, which the tokenizer keeps in the word', () => {
    checkSpans(RULE, `المد⟦${ZWNJ}⟧ينة والسو⟦${ZWJ}⟧ق`);
  });

  it('never reports a byte-order mark at offset 0, but does elsewhere', () => {
    checkSpans(RULE, `${BOM}خبر عاجل`);
    checkSpans(RULE, `${BOM}⟦${RLM}⟧خبر ⟦${BOM}⟧عاجل`);
  });

  it('leaves a zero width joiner inside an emoji sequence alone', () => {
    checkSpans(RULE, `مبرمجة 👩${ZWJ}💻 وقلب ${HEART}${VARIATION_SELECTOR_16}${ZWJ}🔥 ثم⟦${ZWJ}⟧ 👍`);
  });

  it('counts offsets in UTF-16 after diacritics, emoji, CRLF and a BOM', () => {
    checkSpans(RULE, `${BOM}😀 مَدْرَسَةٌ⟦${LRM}⟧\r\n👍🏽 كِتَابٌ⟦${SOFT_HYPHEN}${RLI}⟧جَدِيدٌ ⟦${PDI}⟧\r\n`);
  });

  it('removes invisible characters and converges', () => {
    checkFix(RULE, `${BOM}قال${RLM} الوزير${LRE}: إن المد${ZWNJ}ينة${PDF}\r\nجميلة${SOFT_HYPHEN}`, `${BOM}قال الوزير: إن المدينة\r\nجميلة`);
  });

  it('turns a zero width space or word joiner between two words into a space', () => {
    checkFix(RULE, `الهيئة${ZWSP}السعودية news${WORD_JOINER}today كَبِيرٌ${ZWSP}${WORD_JOINER}جِدًّا`, 'الهيئة السعودية news today كَبِيرٌ جِدًّا');
    const [finding] = findingsOf(RULE, `الهيئة${ZWSP}السعودية`);
    assert.equal(finding.fixes[0].title, 'Replace with a space');
  });

  it('removes a zero width space next to a space, punctuation or a one-letter proclitic', () => {
    checkFix(RULE, `ضعف${ZWSP} ${ZWSP}الأنظمة:${ZWSP}${ZWSP}و${ZWSP}التصريحات وَ${ZWSP}الرئيس ${ZWSP}${RLM}الوزير`, 'ضعف الأنظمة:والتصريحات وَالرئيس الوزير');
  });

  it('offers no safe fix for a mark that splits a number, whose digits may be reversed', () => {
    const [finding] = checkSpans(RULE, `ارتفعت البطالة إلى 4.⟦${RLM}⟧3 في المائة وقال⟦${RLM}⟧`);
    assert.match(finding.unsafeFixReason ?? '', /reversed/);
    checkFix(RULE, `إلى 4.${RLM}3 في المائة وقال${RLM}`, `إلى 4.${RLM}3 في المائة وقال`);
  });
});
