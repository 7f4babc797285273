// Property tests of the engine over generated Arabic-like text: every rule with the default
// configuration, alone and within a small in-memory corpus. Bounded: NASSAQ_FUZZ_RUNS runs per
// property (200 by default, a few seconds); set it higher for a longer search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { articleText } from '../support/arabic-arbitraries';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { buildCorpus, viewOf } from '../../server/src/core/corpus/lint-corpus';
import type { CorpusView } from '../../server/src/core/corpus/corpus-view';
import { applyEdits, compatibleFixes, fixAll, lintText, type LintOptions } from '../../server/src/core/engine';
import type { Finding, TextEdit } from '../../server/src/core/rules/rule';
import { tokenize } from '../../server/src/core/text/tokenize';
import { loadArabicDictionary } from '../../server/src/node/lexicon';

const FUZZ_RUNS = Number(process.env.NASSAQ_FUZZ_RUNS ?? 200);
const config = DEFAULT_CONFIG;
const dictionary = loadArabicDictionary();

// ---- checks ----

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** An offset in [0, length] that does not fall between the halves of a surrogate pair. */
function onBoundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  return offset === 0 || offset === text.length || !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

function assertSpan(text: string, offset: number, length: number, what: string): void {
  assert.ok(Number.isInteger(length) && length >= 0, `${what}: length ${length}`);
  assert.ok(onBoundary(text, offset), `${what}: start ${offset} of ${text.length} is not a code-point boundary in ${JSON.stringify(text)}`);
  assert.ok(onBoundary(text, offset + length), `${what}: end ${offset + length} of ${text.length} is not a code-point boundary in ${JSON.stringify(text)}`);
}

function assertFindingSpans(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const what = `${f.ruleId} at ${f.offset}+${f.length}`;
    assertSpan(text, f.offset, f.length, what);
    for (const r of f.related ?? []) assertSpan(text, r.offset, r.length, `${what}, related`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assertSpan(text, e.offset, e.length, `${what}, fix "${fix.title}"`);
      // A fix's own edits never overlap one another.
      assertNoOverlap(fix.edits, `${what}, fix "${fix.title}"`);
    }
  }
}

function assertNoOverlap(edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    const overlaps = current.offset < previous.offset + previous.length || (current.length === 0 && previous.length === 0 && current.offset === previous.offset);
    assert.ok(!overlaps, `${what}: edits ${JSON.stringify(previous)} and ${JSON.stringify(current)} overlap`);
  }
}

/** The engine invariants for one text under one set of lint options. */
function checkText(text: string, options: LintOptions): void {
  const findings = lintText(text, config, options);
  assertFindingSpans(text, findings);
  const { edits } = compatibleFixes(findings);
  assertNoOverlap(edits, 'compatibleFixes');
  applyEdits(text, edits); // throws on overlap
  const once = fixAll(text, config, options);
  const twice = fixAll(once.text, config, options);
  assert.equal(twice.text, once.text, `fixAll is not idempotent on ${JSON.stringify(text)}: ${JSON.stringify(once.text)} → ${JSON.stringify(twice.text)}`);
  assertFindingSpans(once.text, lintText(once.text, config, options));
}

function corpusOf(texts: readonly string[]): CorpusView {
  return viewOf(buildCorpus(texts.map((text, i) => ({ id: `/corpus/${i}.txt`, text }))), dictionary, config);
}

describe('properties over generated Arabic text', () => {
  it('tokens round-trip to the text, contiguous, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const tokens = tokenize(text);
        assert.equal(tokens.map((t) => t.text).join(''), text);
        let offset = 0;
        for (const token of tokens) {
          assert.equal(token.offset, offset);
          assert.ok(token.length > 0);
          assert.equal(token.text, text.slice(token.offset, token.offset + token.length));
          assertSpan(text, token.offset, token.length, `token ${token.kind}`);
          offset += token.length;
        }
        assert.equal(offset, text.length);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('each text alone: findings and fix edits stay in the text on code-point boundaries; fixes do not clash; fixAll is idempotent', () => {
    fc.assert(fc.property(articleText, (text) => checkText(text, {})), { numRuns: FUZZ_RUNS });
  });

  it('the same within a corpus of a few generated files (with the Arabic dictionary)', () => {
    fc.assert(
      fc.property(fc.array(articleText, { minLength: 2, maxLength: 4 }), (texts) => {
        const corpus = corpusOf(texts);
        for (const text of texts) checkText(text, { corpus });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('in Arabic: messages and fixes are the same spans', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const english = lintText(text, config);
        const arabic = lintText(text, config, { locale: 'ar' });
        assert.deepEqual(arabic.map((f) => [f.ruleId, f.offset, f.length]), english.map((f) => [f.ruleId, f.offset, f.length]));
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });
});
