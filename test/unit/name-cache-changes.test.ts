// The server's name analyses are cached across edits and dropped only where an edit changed what
// they read (change-set.ts). Whatever the edits, an article must get the findings a fresh index of
// the same texts gives it: a missed dependency would leave a stale canonical spelling behind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { CorpusIndex } from '../../server/src/core/corpus/corpus-index';
import { viewOf } from '../../server/src/core/corpus/lint-corpus';
import { lintText, ruleFacets } from '../../server/src/core/engine';
import { loadArabicDictionary } from '../../server/src/node/lexicon';

const dictionary = loadArabicDictionary();

// Invented reports; the names come in competing spellings (hamza, joined compounds, transliterations).
const ARTICLES: Record<string, string> = {
  'a.txt':
    'التقى رئيس المجلس الرئاسي فائز السراج وفدا من الرئيس الفرنسي إيمانويل ماكرون في العاصمة.\n' +
    'وقال فايز السراج إن الحوار مع الرئيس الجزائري عبد المجيد تبون مستمر، وإن ترامب دعا إلى التهدئة.\n' +
    'وأضاف السيد فائز السراج أن الوزير أحمد الجبوري سيزور باريس الأسبوع المقبل.\n',
  'b.txt':
    'أعلن الرئيس الفرنسي ايمانويل ماكرون دعمه للمبادرة، وقال الرئيس عبدالمجيد تبون إن بلاده ترحب بها.\n' +
    'ورد الرئيس الأمريكي دونالد ترمب بأن الاتفاق قريب، بينما التقى الوزير احمد الجبوري نظيره.\n',
  'c.txt':
    'وصل رئيس المجلس الرئاسي فائز السراج إلى الجزائر حيث استقبله الرئيس عبد المجيد تبون.\n' +
    'وكان الرئيس الأمريكي دونالد ترامب قد اتصل بالرئيس الفرنسي إيمانويل ماكرون قبل اللقاء.\n',
  'd.txt': 'قال المتحدث إن الرئيس دونالد ترامب سيحضر القمة، وإن الوزير أحمد الجبوري يرأس الوفد.\n',
};

/** Seeded, so a failure repeats. */
function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const LETTERS = ['ا', 'أ', 'إ', 'ي', 'ئ', 'ى', 'ة', 'ه', 'و', 'ف', 'ب', 'ل', ' ', 'ز', 'س'];
// Whole-word edits that move a majority: another spelling of a name, or the name in a name position.
const REPLACEMENTS: Array<[string, string]> = [
  ['فائز', 'فايز'], ['فايز', 'فائز'], ['إيمانويل', 'ايمانويل'], ['ايمانويل', 'إيمانويل'], ['عبد المجيد', 'عبدالمجيد'],
  ['عبدالمجيد', 'عبد المجيد'], ['ترامب', 'ترمب'], ['ترمب', 'ترامب'], ['أحمد', 'احمد'], ['الوفد', 'الرئيس فايز السراج'],
];

function findingsOf(index: CorpusIndex, text: string): string {
  const findings = lintText(text, DEFAULT_CONFIG, { corpus: viewOf(index, dictionary, DEFAULT_CONFIG) });
  return JSON.stringify(findings.map((f) => [f.ruleId, f.offset, f.length, f.message, f.fixes?.map((x) => x.edits)]));
}

function freshIndex(texts: ReadonlyMap<string, string>): CorpusIndex {
  const index = new CorpusIndex(ruleFacets());
  for (const [id, text] of texts) index.update(id, text);
  return index;
}

describe('name analyses cached across edits', () => {
  it('give every article the findings of a fresh index after each edit', () => {
    const next = random(7);
    const texts = new Map(Object.entries(ARTICLES));
    const index = freshIndex(texts);
    const ids = [...texts.keys()];
    let moved = 0;
    let previous = findingsOf(index, texts.get('a.txt')!);
    for (let step = 0; step < 150; step++) {
      const id = ids[Math.floor(next() * ids.length)];
      let text = texts.get(id) ?? '';
      const kind = next();
      if (kind < 0.45) {
        // A keystroke: a letter typed or deleted.
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.6 ? text.slice(0, at) + LETTERS[Math.floor(next() * LETTERS.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      } else if (kind < 0.6) {
        // Two adjacent words swapped: word counts stay, adjacent pairs change.
        const words = text.split(' ');
        const at = Math.floor(next() * Math.max(1, words.length - 1));
        if (at + 1 < words.length) [words[at], words[at + 1]] = [words[at + 1], words[at]];
        text = words.join(' ');
      } else if (kind < 0.95) {
        const [from, to] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
        text = text.includes(from) ? text.replace(from, to) : `${text}${to} ${to}.\n`;
      } else if (id !== 'a.txt') {
        texts.delete(id);
        index.remove(id);
        continue;
      }
      texts.set(id, text);
      index.update(id, text);
      // Every article, so that caches filled by one are used by the next.
      for (const [article, current] of texts) {
        const incremental = findingsOf(index, current);
        assert.equal(incremental, findingsOf(freshIndex(texts), current), `step ${step}: ${article} after editing ${id}`);
        if (article === 'a.txt' && incremental !== previous) {
          moved++;
          previous = incremental;
        }
      }
    }
    // The edits must have moved a.txt's findings often, or the test shows nothing.
    assert.ok(moved >= 10, `a.txt's findings changed ${moved} times`);
  });

  it('follow a change of adjacent words alone', () => {
    // إيران is a country partly because a preposition stands before it once (في إيران): swapping
    // those two words changes no word count, only pairs, and ايران is no longer reported.
    const a = 'وصل الوفد إلى ايران صباح اليوم.\n';
    const before = 'أكد الوزير أن إيران تتعاون. وقال الخبير الإيراني إن إيران التي تفاوض واشنطن مستعدة.\nوالتقى الوفد في إيران أمس مسؤولين، ثم غادر إيران مساء.\n';
    const after = before.replace('الوفد في إيران', 'الوفد إيران في');
    const index = freshIndex(new Map([['a.txt', a], ['b.txt', before]]));
    assert.match(findingsOf(index, a), /actor-spelling/);
    index.update('b.txt', after);
    assert.equal(findingsOf(index, a), findingsOf(freshIndex(new Map([['a.txt', a], ['b.txt', after]])), a));
    assert.doesNotMatch(findingsOf(index, a), /actor-spelling/);
  });
});
