// Fixture helpers in the style of rust-analyzer's `check(fixture, expected)`:
// `⟦…⟧` marks the spans a rule must report (never «» or carets: those are Arabic punctuation
// or are misplaced by right-to-left rendering).
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type NassaqConfig } from '../../server/src/core/config/config';
import { fixAll, lintText } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/rules/rule';

export const OPEN_MARK = '⟦';
export const CLOSE_MARK = '⟧';

export interface MarkedText {
  text: string;
  spans: Array<{ offset: number; length: number }>;
}

export function parseMarked(marked: string): MarkedText {
  let text = '';
  const spans: MarkedText['spans'] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN_MARK) open = text.length;
    else if (ch === CLOSE_MARK) {
      spans.push({ offset: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

export function configWith(ruleId: string, options: Record<string, string> = {}, extra: Partial<NassaqConfig> = {}): NassaqConfig {
  return { ...DEFAULT_CONFIG, ...extra, rules: { [ruleId]: { options } } };
}

export function findingsOf(ruleId: string, text: string, options: Record<string, string> = {}, extra: Partial<NassaqConfig> = {}): Finding[] {
  return lintText(text, configWith(ruleId, options, extra), { only: [ruleId] });
}

/** Asserts that `ruleId` reports exactly the marked spans. */
export function checkSpans(ruleId: string, marked: string, options: Record<string, string> = {}): Finding[] {
  const { text, spans } = parseMarked(marked);
  const findings = findingsOf(ruleId, text, options);
  const actual = findings.map((f) => ({ offset: f.offset, length: f.length, text: text.slice(f.offset, f.offset + f.length) }));
  const expected = spans.map((s) => ({ ...s, text: text.slice(s.offset, s.offset + s.length) }));
  assert.deepEqual(actual, expected, `spans of ${ruleId} in ${JSON.stringify(text)}`);
  return findings;
}

/** Asserts that applying every safe fix of `ruleId` turns `before` into `after`, and that fixing again changes nothing. */
export function checkFix(ruleId: string, before: string, after: string, options: Record<string, string> = {}): void {
  const config = configWith(ruleId, options);
  const fixed = fixAll(before, config, { only: [ruleId] }).text;
  assert.equal(fixed, after, `fix of ${ruleId}`);
  assert.equal(fixAll(fixed, config, { only: [ruleId] }).text, fixed, `second fix of ${ruleId} changed the text`);
}
