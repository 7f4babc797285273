import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { applyEdits, compatibleFixes, fixAll, lintText, MAX_FINDINGS_PER_RULE } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/rules/rule';

const TATWEEL = '\u0640';

function finding(offset: number, length: number, newText: string, unsafe = false): Finding {
  return { ruleId: 'r', severity: 'warning', offset, length, message: 'm', fixes: [{ title: 't', edits: [{ offset, length, newText }] }], unsafeFixReason: unsafe ? 'why' : undefined };
}

describe('engine', () => {
  it('applies severities from the configuration and turns rules off', () => {
    const text = `ال${TATWEEL}رئيس`;
    assert.equal(lintText(text, DEFAULT_CONFIG)[0].severity, 'warning');
    assert.equal(lintText(text, { ...DEFAULT_CONFIG, rules: { tatweel: { severity: 'error', options: {} } } })[0].severity, 'error');
    assert.equal(lintText(text, { ...DEFAULT_CONFIG, rules: { tatweel: { severity: 'off', options: {} } } }).length, 0);
  });

  it('leaves accepted words alone, whatever their diacritics or tatweel', () => {
    const text = `ال${TATWEEL}رئيس و${TATWEEL}زير`;
    const findings = lintText(text, { ...DEFAULT_CONFIG, accept: ['الرئيس'] });
    assert.deepEqual(findings.map((f) => f.word), [`و${TATWEEL}زير`]);
  });

  it('picks non-clashing safe fixes only', () => {
    const chosen = compatibleFixes([finding(0, 2, 'x'), finding(1, 2, 'y'), finding(4, 0, 'z'), finding(4, 0, 'w'), finding(6, 1, '', true)]);
    assert.deepEqual(chosen.edits.map((e) => e.newText), ['x', 'z']);
    assert.equal(chosen.fixCount, 2);
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyEdits('abcd', [{ offset: 0, length: 2, newText: '' }, { offset: 1, length: 1, newText: '' }]));
  });

  it('fixes until convergence and counts what it applied', () => {
    const result = fixAll(`ال${TATWEEL}رئيس و${TATWEEL}${TATWEEL}زير`, { ...DEFAULT_CONFIG, rules: {} }, { only: ['tatweel'] });
    assert.equal(result.text, 'الرئيس وزير');
    assert.equal(result.applied, 2);
  });
});

describe('a file with too many problems', () => {
  it('keeps the first findings of a rule and counts the rest in one last finding', () => {
    const text = 'كلمة, '.repeat(MAX_FINDINGS_PER_RULE + 25);
    const findings = lintText(text, DEFAULT_CONFIG, { only: ['latin-punctuation'] });
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
    const notice = findings.filter((f) => / more .* problems in this file are not shown/.test(f.message));
    assert.ok(notice.length >= 1, 'a finding says how many are not shown');
    assert.match(notice[0].message, /^25 more /);
    assert.deepEqual(notice[0].fixes, []);
  });
});
