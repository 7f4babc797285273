// Accuracy floors of the corpus rules on the synthetic evaluation (test/eval): errors injected into
// the clean articles of test/eval/articles with seeds 1–5, as `npm run eval` prints them.
// A floor is what the rule reached when it was last measured, minus a small margin; raise it when a
// rule improves. 0 means not measured yet (the rule was a placeholder).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Dictionary } from '../../server/src/core/lexicon/dictionary';
import { EVAL_RULES, type EvalRule } from '../eval/generate';
import { ARTICLES_DIR, loadDictionary, readArticles } from '../eval/io';
import { rowsOf, type Row } from '../eval/report';
import { evaluate } from '../eval/score';

interface Floor {
  precision: number;
  recall: number;
  fixAccuracy: number;
}

const FLOORS: Record<EvalRule, Floor> = {
  // Measured 2026-11-23: merged-word 1.000 / 0.891 / 1.000, actor-spelling 1.000 / 0.747 / 1.000,
  // stray-diacritic 1.000 / 1.000 / 1.000 (precision / recall / fix accuracy).
  'merged-word': { precision: 0.97, recall: 0.87, fixAccuracy: 0.97 }, // measured 1.000 / 0.902 / 1.000 after the و and plain joins
  'actor-spelling': { precision: 0.95, recall: 0.72, fixAccuracy: 0.95 },
  'stray-diacritic': { precision: 0.95, recall: 0.95, fixAccuracy: 0.95 },
};

const SEEDS = [1, 2, 3, 4, 5];

describe('eval floors', () => {
  let rows: Row[] = [];
  let dictionary: Dictionary;

  before(async () => {
    const loaded = await loadDictionary();
    assert.ok(!loaded.source.startsWith('empty'), `the floors were measured with the Arabic dictionary: ${loaded.source}`);
    dictionary = loaded.dictionary;
    rows = rowsOf(evaluate(readArticles(ARTICLES_DIR), { seeds: SEEDS, dictionary }));
  });

  for (const rule of EVAL_RULES) {
    it(`${rule} stays above its floors`, () => {
      const row = rows.find((r) => r.rule === rule && r.kind === 'all');
      assert.ok(row && row.gold > 0, `no gold for ${rule}`);
      const floor = FLOORS[rule];
      const report = `${rule}: precision ${fmt(row.precision)}, recall ${fmt(row.recall)}, fix accuracy ${fmt(row.fixAccuracy)} (TP ${row.tp}, FP ${row.fp}, FN ${row.fn})`;
      // A rule that finds nothing has no precision: that only passes a floor of 0.
      assert.ok((row.precision ?? 0) >= floor.precision, `precision below ${floor.precision}: ${report}`);
      assert.ok((row.recall ?? 0) >= floor.recall, `recall below ${floor.recall}: ${report}`);
      assert.ok((row.fixAccuracy ?? 0) >= floor.fixAccuracy, `fix accuracy below ${floor.fixAccuracy}: ${report}`);
    });
  }
});

function fmt(x: number | undefined): string {
  return x === undefined ? '—' : x.toFixed(3);
}
