import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, checkSpans } from '../support/fixture';

const TATWEEL = '\u0640';

describe('tatweel', () => {
  it('reports kashida between letters', () => {
    checkSpans('tatweel', `قال ال⟦${TATWEEL}${TATWEEL}⟧رئيس إن الاجتماع مهم`);
  });

  it('reports kashida after a letter with a diacritic', () => {
    checkSpans('tatweel', `كَ⟦${TATWEEL}⟧بير`);
  });

  it('keeps the clitic convention before quotes, numbers and Latin words, and the Hijri abbreviation', () => {
    checkSpans('tatweel', `نقلا عن ب${TATWEEL}«الوكالة» ول${TATWEEL} 25 عاما وب${TATWEEL}CNN في 1440ه${TATWEEL}`);
  });

  it('counts offsets in UTF-16 after emoji, CRLF and a BOM', () => {
    checkSpans('tatweel', `\uFEFF😀 خبر\r\nال⟦${TATWEEL}⟧يوم`);
  });

  it('removes the kashida and converges', () => {
    checkFix('tatweel', `ال${TATWEEL}${TATWEEL}رئيس و${TATWEEL}زير\r\n`, 'الرئيس وزير\r\n');
  });

  it('gives the repaired word in the fix title', () => {
    const [finding] = checkSpans('tatweel', `ال⟦${TATWEEL}⟧وزير`);
    assert.match(finding.fixes[0].title, /الوزير/);
  });
});
