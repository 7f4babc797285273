// The error generator of the evaluation: gold spans, UTF-16 offsets, determinism, minority variants,
// and the clean articles it starts from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isArabicMark } from '../../server/src/core/text/chars';
import { DAMMA, FATHA, KASRA, wordsOf } from '../eval/arabic';
import { EVAL_RULES, generate, mapOffset, type Generated } from '../eval/generate';
import { ARTICLES_DIR, readArticles } from '../eval/io';
import { findMentions, nameStats } from '../eval/mentions';
import { NAMES } from '../eval/names';

const articles = readArticles(ARTICLES_DIR);
const HIGH = { mergeAl: 0.05, mergeWa: 0.05, mergeOther: 0.05, name: 0.5, diacritic: 0.03 };

/** Puts the original text back at every gold span, last first. */
function restore(generated: Generated, id: string): string {
  let text = generated.files.find((f) => f.id === id)!.text;
  const gold = generated.gold.filter((g) => g.file === id).sort((a, b) => b.offset - a.offset);
  for (const g of gold) text = text.slice(0, g.offset) + g.expected + text.slice(g.offset + g.length);
  return text;
}

describe('eval generator', () => {
  it('finds 20 to 30 articles of 150 to 400 words', () => {
    assert.ok(articles.length >= 20 && articles.length <= 30, `${articles.length} articles`);
    for (const a of articles) {
      const words = a.text.split(/\s+/).filter(Boolean).length;
      assert.ok(words >= 150 && words <= 400, `${a.id}: ${words} words`);
    }
  });

  it('starts from clean articles: no marks but a final tanween on alef, one spelling per name', () => {
    for (const a of articles) {
      for (const w of wordsOf(a.text)) {
        const bare = w.token.text.replace(/ا\u064B$/, 'ا');
        assert.ok(![...bare].some((c) => isArabicMark(c.charCodeAt(0))), `${a.id}: ${w.token.text}`);
      }
    }
    const stats = nameStats(findMentions(articles.map((a) => wordsOf(a.text)), NAMES), NAMES.length);
    stats.forEach((s, i) => assert.equal(s.otherCount, 0, `${NAMES[i].text}: ${[...s.forms.keys()].join(' / ')}`));
  });

  it('injects every kind of error, and the gold spans point at the injected text', () => {
    const generated = generate(articles, { seed: 7, rates: HIGH });
    const kinds = new Set(generated.gold.map((g) => `${g.rule}/${g.kind}`));
    for (const kind of ['merge-al', 'merge-wa', 'merge-other']) assert.ok(kinds.has(`merged-word/${kind}`), kind);
    for (const kind of ['fatha', 'kasra', 'damma']) assert.ok(kinds.has(`stray-diacritic/${kind}`), kind);
    for (const kind of ['hamza-alef', 'hamza-seat', 'alef-maqsura', 'ta-marbuta-heh', 'abd-joined']) assert.ok(kinds.has(`actor-spelling/${kind}`), kind);
    for (const g of generated.gold) {
      const text = generated.files.find((f) => f.id === g.file)!.text;
      assert.equal(text.slice(g.offset, g.offset + g.length), g.text);
      assert.notEqual(g.text, g.expected);
      if (g.rule === 'merged-word') {
        assert.ok(!g.text.includes(' '));
        assert.equal(g.expected.replace(' ', ''), g.text);
      } else if (g.rule === 'stray-diacritic') {
        assert.equal(g.text.length, g.expected.length + 1);
        assert.equal(g.text.replace(/[\u064E\u064F\u0650]/, ''), g.expected);
        assert.ok([FATHA, KASRA, DAMMA].some((m) => g.text.slice(1, -1).includes(m)), `mark inside ${g.text}`);
      }
    }
    for (const a of articles) assert.equal(restore(generated, a.id), a.text, a.id);
  });

  it('keeps every misspelt name a minority of its mentions', () => {
    for (const seed of [1, 2, 3]) {
      const generated = generate(articles, { seed, rates: { name: 1 } });
      const before = nameStats(findMentions(articles.map((a) => wordsOf(a.text)), NAMES), NAMES.length);
      const after = nameStats(findMentions(generated.files.map((f) => wordsOf(f.text)), NAMES), NAMES.length);
      after.forEach((s, i) => {
        if (before[i].dominantCount === 0) return;
        assert.equal(s.dominant, before[i].dominant, NAMES[i].text);
        assert.ok(s.dominantCount >= 3 * s.otherCount, `${NAMES[i].text}: ${s.dominantCount} vs ${s.otherCount}`);
      });
      assert.ok(generated.gold.some((g) => g.rule === 'actor-spelling'));
    }
  });

  it('never turns a name into a function word (علي → على)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const g of generate(articles, { seed, rates: { name: 1 } }).gold) {
        if (g.rule === 'actor-spelling') assert.ok(!/(^|\s)على(\s|$)/.test(g.text), g.text);
      }
    }
  });

  it('gives UTF-16 offsets, also after characters outside the BMP', () => {
    const emoji = '\u{1F30D}'; // two UTF-16 code units
    const base = articles.map((a) => ({ id: a.id, text: `${emoji} ${a.text.replace(/\n\n/g, `\n${emoji}${emoji}\n`)}` }));
    const generated = generate(base, { seed: 3, rates: HIGH });
    assert.ok(generated.gold.length > 50);
    for (const g of generated.gold) {
      const text = generated.files.find((f) => f.id === g.file)!.text;
      assert.equal(text.slice(g.offset, g.offset + g.length), g.text);
    }
    for (const b of base) assert.equal(restore(generated, b.id), b.text);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const strip = (g: Generated) => ({ files: g.files, gold: g.gold });
    assert.deepEqual(strip(generate(articles, { seed: 42 })), strip(generate(articles, { seed: 42 })));
    assert.deepEqual(strip(generate([...articles].reverse(), { seed: 42 })), strip(generate(articles, { seed: 42 })));
    assert.notDeepEqual(generate(articles, { seed: 42 }).gold, generate(articles, { seed: 43 }).gold);
  });

  it('injects nothing at rate zero, and covers the three rules at the default rates', () => {
    const none = generate(articles, { seed: 1, rates: { mergeAl: 0, mergeWa: 0, mergeOther: 0, name: 0, diacritic: 0 } });
    assert.equal(none.gold.length, 0);
    assert.deepEqual(none.files.map((f) => f.text), [...articles].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => a.text));
    const rules = new Set([1, 2, 3].flatMap((seed) => generate(articles, { seed }).gold.map((g) => g.rule)));
    assert.deepEqual([...rules].sort(), [...EVAL_RULES].sort());
  });

  it('maps base offsets past injections', () => {
    const injections = [{ offset: 10, length: 5, newText: 'abcdef', rule: 'merged-word' as const, kind: 'merge-al' }];
    assert.equal(mapOffset(injections, 3), 3);
    assert.equal(mapOffset(injections, 15), 16);
    assert.equal(mapOffset(injections, 12), 10);
  });
});
