// The actor registry, the name matcher and the actor index, in memory.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActorIndex } from '../../server/src/core/actors/actor-index';
import { markedNameFacet, markedNames } from '../../server/src/core/actors/discovered';
import { mentionSurface, NameMatcher, patternForms } from '../../server/src/core/actors/matcher';
import { parseRegistry } from '../../server/src/core/actors/registry';
import { appendActor, newActorId, renameActorEdit, yamlScalar } from '../../server/src/core/actors/registry-edit';
import { CorpusIndex } from '../../server/src/core/corpus/corpus-index';
import { arabicWords } from '../../server/src/core/text/arabic-words';

const REGISTRY = `# people and bodies of the test corpus
actors:
  - id: haddad
    name: فايز الحداد
    type: person
    aliases: [الحداد]
    variants: [فائز حداد]
    description: رئيس الوزراء
  - id: gov
    name: حكومة الوحدة الوطنية
    type: organization
    aliases: [الوحدة]
  - id: un
    name: "الأمم المتحدة"
    type: organization
    links: { wikidata: Q1065 }
  - id: nasiri
    name: عبد المجيد الناصري
    type: person
`;

/** Applies non-overlapping edits (the engine's applyEdits would load every rule). */
function applyEdits(text: string, edits: ReadonlyArray<{ offset: number; length: number; newText: string }>): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) result = result.slice(0, e.offset) + e.newText + result.slice(e.offset + e.length);
  return result;
}

function matchedTexts(text: string, spellings: string[]): string[] {
  const matcher = new NameMatcher();
  spellings.forEach((s, i) => matcher.add(s, i));
  return matcher.match(arabicWords(text)).map((m) => `${spellings[m.target]}=${text.slice(m.offset - m.cliticLength, m.offset)}|${text.slice(m.offset, m.offset + m.length)}`);
}

describe('registry', () => {
  it('reads actors with their spans', () => {
    const { actors, problems, usable } = parseRegistry(REGISTRY);
    assert.deepEqual(problems, []);
    assert.equal(usable, true);
    assert.deepEqual(
      actors.map((a) => [a.id, a.name, a.type, a.aliases, a.variants, a.links]),
      [
        ['haddad', 'فايز الحداد', 'person', ['الحداد'], ['فائز حداد'], []],
        ['gov', 'حكومة الوحدة الوطنية', 'organization', ['الوحدة'], [], []],
        ['un', 'الأمم المتحدة', 'organization', [], [], ['Q1065']],
        ['nasiri', 'عبد المجيد الناصري', 'person', [], [], []],
      ],
    );
    const un = actors[2];
    // A quoted name's span is its value, without the quotes.
    assert.equal(REGISTRY.slice(un.nameSpan.offset, un.nameSpan.offset + un.nameSpan.length), 'الأمم المتحدة');
    assert.equal(actors[0].description, 'رئيس الوزراء');
  });

  it('reports missing fields, bad types, duplicate ids and clashing spellings, keeping the good entries', () => {
    const text = 'actors:\n  - id: a\n    name: سالم\n    type: person\n  - id: a\n    name: خالد\n    type: person\n  - id: b\n    type: robot\n  - id: c\n    name: علي سالم\n    type: person\n    aliases: [سالم]\n    colour: blue\n';
    const { actors, problems, usable } = parseRegistry(text);
    assert.equal(usable, true);
    assert.deepEqual(actors.map((a) => a.id), ['a', 'c']);
    const messages = problems.map((p) => `${p.severity}: ${p.message} @${text.slice(p.offset, p.offset + p.length).split('\n')[0]}`);
    assert.ok(messages.some((m) => m.startsWith("error: This actor has no 'name'")), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith("error: 'type' must be one of") && m.endsWith('@robot')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith("error: Duplicate id 'a' (first used on line 2)")), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith("error: 'سالم' is claimed by 'a' (line 2) and 'c'")), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith("warning: Unknown key 'colour'") && m.endsWith('@colour')), messages.join('\n'));
  });

  it('reports YAML errors at their offset and is unusable', () => {
    const text = 'actors:\n  - id: a\n    name: [سالم\n';
    const parsed = parseRegistry(text);
    assert.equal(parsed.usable, false);
    assert.ok(parsed.problems.length > 0 && parsed.problems.every((p) => p.severity === 'error' && p.offset >= 0 && p.offset <= text.length));
    assert.equal(parseRegistry('- just a list\n').usable, false);
    assert.deepEqual(parseRegistry('').actors, []);
  });
});

describe('name matcher', () => {
  it('finds names after proclitics, and the لل of ل + the article', () => {
    const spellings = ['فايز الحداد', 'الحداد', 'الأمم المتحدة'];
    assert.deepEqual(matchedTexts('التقى وفايز الحداد وبالحداد ثم للأمم المتحدة وللحداد.', spellings), [
      'فايز الحداد=و|فايز الحداد',
      'الحداد=وب|الحداد',
      'الأمم المتحدة=ل|لأمم المتحدة',
      'الحداد=ول|لحداد',
    ]);
  });

  it('lets the longest name win and does not overlap', () => {
    const spellings = ['الوحدة', 'حكومة الوحدة الوطنية', 'حكومة الوحدة'];
    assert.deepEqual(matchedTexts('قالت حكومة الوحدة الوطنية إن الوحدة باقية، وحكومة الوحدة تعمل.', spellings), [
      'حكومة الوحدة الوطنية=|حكومة الوحدة الوطنية',
      'الوحدة=|الوحدة',
      'حكومة الوحدة=و|حكومة الوحدة',
    ]);
  });

  it('ignores diacritics, tatweel and hamza forms, and keeps UTF-16 offsets with emoji and CRLF', () => {
    const text = '😀 قال فَايِز الحـداد\r\nثم فائز الحداد';
    const matcher = new NameMatcher();
    matcher.add('فايز الحداد', 0);
    const found = matcher.match(arabicWords(text)).map((m) => text.slice(m.offset, m.offset + m.length));
    assert.deepEqual(found, ['فَايِز الحـداد', 'فائز الحداد']);
  });

  it('finds a spelling added after it has matched words (what it remembers per word is dropped)', () => {
    const text = 'قال وفايز الحداد ثم للسراج';
    const matcher = new NameMatcher();
    matcher.add('السراج', 0);
    assert.deepEqual(matcher.match(arabicWords(text)).map((m) => m.target), [0]);
    matcher.add('فايز الحداد', 1);
    matcher.add('قال', 2);
    assert.deepEqual(matcher.match(arabicWords(text)).map((m) => m.target), [2, 1, 0]);
  });

  it('does not join words across a line break or punctuation', () => {
    assert.deepEqual(matchedTexts('قال فايز\r\nالحداد، فايز، الحداد', ['فايز الحداد']), []);
  });

  it('prefers the bare word to a clitic reading (وليد is a name, not و + ليد)', () => {
    assert.deepEqual(matchedTexts('التقى وليد سالم', ['وليد', 'ليد']), ['وليد=|وليد']);
  });

  it('matches عبد and أبو compounds joined or spaced', () => {
    assert.deepEqual(patternForms('عبد المجيد الناصري'), [['عبد', 'المجيد', 'الناصري'], ['عبدالمجيد', 'الناصري']]);
    assert.deepEqual(matchedTexts('قال عبدالمجيد الناصري ثم عبد المجيد الناصري', ['عبد المجيد الناصري']).length, 2);
    assert.deepEqual(matchedTexts('زار أبو ظبي ثم ابوظبي', ['أبوظبي']).length, 2);
  });

  it('gives a mention its spelling with one plain space between words, whatever spaces it was written with', () => {
    const text = 'قال فايز الحداد ثم فايز  الحداد ثم فايز\tالحداد ثم فايز\u00A0الحداد ثم للأمم المتحدة';
    const matcher = new NameMatcher();
    matcher.add('فايز الحداد', 0);
    matcher.add('الأمم المتحدة', 1);
    const surfaces = matcher.match(arabicWords(text)).map((m) => mentionSurface(text, m));
    assert.deepEqual(surfaces, ['فايز الحداد', 'فايز الحداد', 'فايز الحداد', 'فايز الحداد', 'الأمم المتحدة']);
  });
});

describe('actor index', () => {
  const setup = () => {
    const index = new ActorIndex(() => 'actors.yaml');
    index.setRegistries([{ file: 'actors.yaml', actors: parseRegistry(REGISTRY).actors }]);
    return index;
  };

  it('classifies mentions by how they are written', () => {
    const index = setup();
    index.update('a.txt', 'قال فايز الحداد إن الحداد التقى فائز حداد وفائز الحداد وعبدالمجيد الناصري.');
    const forms = index.mentionsIn('a.txt').map((m) => `${index.actors[m.actor].id}:${m.form}:${m.surface}`);
    assert.deepEqual(forms, ['haddad:name:فايز الحداد', 'haddad:alias:الحداد', 'haddad:variant:فائز حداد', 'haddad:spelling:فائز الحداد', 'nasiri:spelling:عبدالمجيد الناصري']);
  });

  it('keeps counts by difference and lists references in file then position order', () => {
    const index = setup();
    index.update('b.txt', 'فايز الحداد في الأمم المتحدة.\nثم فايز الحداد.');
    index.update('a.txt', 'قال فايز الحداد.');
    index.update('c.txt', 'الأمم المتحدة وحدها.');
    assert.equal(index.mentionCount(0), 3);
    assert.deepEqual(index.references(0).map((r) => `${r.fileId}:${r.mention.line}:${r.mention.character}`), ['a.txt:0:4', 'b.txt:0:0', 'b.txt:1:3']);
    const summary = index.summary(0)!;
    assert.equal(summary.files, 2);
    assert.deepEqual(summary.companions.map((c) => [c.actor.id, c.files]), [['un', 1]]);
    assert.equal(summary.firstFile, 'a.txt');
    assert.equal(summary.lastFile, 'b.txt');
    index.update('b.txt', 'لا أحد هنا.');
    assert.equal(index.mentionCount(0), 1);
    assert.equal(index.mentionCount(2), 1);
    index.remove('a.txt');
    assert.equal(index.mentionCount(0), 0);
    assert.deepEqual(index.references(0), []);
    assert.equal(index.update('c.txt', 'الأمم المتحدة وحدها.'), false, 'unchanged text is not re-matched');
  });

  it('re-matches every file after the registry changes', () => {
    const index = setup();
    index.update('a.txt', 'قال سالم العتيبي.');
    assert.equal(index.mentionsIn('a.txt').length, 0);
    index.setRegistries([{ file: 'actors.yaml', actors: parseRegistry('actors:\n  - id: s\n    name: سالم العتيبي\n    type: person\n').actors }]);
    assert.equal(index.isStale('a.txt', 'قال سالم العتيبي.'), true);
    index.update('a.txt', 'قال سالم العتيبي.');
    assert.deepEqual(index.mentionsIn('a.txt').map((m) => m.surface), ['سالم العتيبي']);
  });

  it('finds actors by any spelling', () => {
    const index = setup();
    assert.deepEqual(index.search('فائز').map((a) => a.id), ['haddad']);
    assert.deepEqual(index.search('الوحده').map((a) => a.id), ['gov']);
    assert.deepEqual(index.search('المجيد').map((a) => a.id), ['nasiri']);
  });

  it('lists actors a spelling or a word of it starts with the query first, then those that only contain it', () => {
    const index = new ActorIndex(() => 'actors.yaml');
    const registry = 'actors:\n  - id: omari\n    name: خالد العمري\n    type: person\n  - id: marwan\n    name: مروان سالم\n    type: person\n  - id: sham\n    name: بلاد الشام\n    type: place\n    aliases: [الشأم, مرج الشام]\n';
    index.setRegistries([{ file: 'actors.yaml', actors: parseRegistry(registry).actors }]);
    assert.deepEqual(index.search('مر').map((a) => a.id), ['marwan', 'sham', 'omari']);
    assert.deepEqual(index.search('شام').map((a) => a.id), ['sham']);
    assert.deepEqual(index.search('ام').map((a) => a.id), ['sham'], 'inside a word only');
    assert.deepEqual(index.search('سالم').map((a) => a.id), ['marwan']);
    assert.deepEqual(index.search('العمري  ').map((a) => a.id), ['omari']);
    assert.equal(index.search('').length, 3);
  });

  it('keeps no summary, file list or search key from before a change', () => {
    const index = setup();
    index.update('a.txt', 'قال فايز الحداد.');
    index.update('b.txt', 'فايز الحداد في الأمم المتحدة.');
    const first = index.summary(0)!;
    assert.equal(index.summary(0), first, 'the same answer while nothing changes');
    assert.deepEqual([first.mentions, first.files, first.firstFile, first.lastFile], [2, 2, 'a.txt', 'b.txt']);
    assert.deepEqual(first.companions.map((c) => [c.actor.id, c.files]), [['un', 1]]);
    assert.deepEqual(index.filesOf(0), ['a.txt', 'b.txt']);

    // An edit that adds mentions and a companion.
    index.update('c.txt', 'فايز الحداد وعبد المجيد الناصري والأمم المتحدة، ثم فايز الحداد.');
    const added = index.summary(0)!;
    assert.deepEqual([added.mentions, added.files, added.lastFile], [4, 3, 'c.txt']);
    assert.deepEqual(added.companions.map((c) => [c.actor.id, c.files]), [['un', 2], ['nasiri', 1]]);
    assert.deepEqual(index.filesOf(0), ['a.txt', 'b.txt', 'c.txt']);
    assert.deepEqual(index.references(0).map((r) => r.fileId), ['a.txt', 'b.txt', 'c.txt', 'c.txt']);

    // An edit that removes them, and a deleted file.
    index.update('c.txt', 'لا أحد هنا.');
    index.remove('a.txt');
    const removed = index.summary(0)!;
    assert.deepEqual([removed.mentions, removed.files, removed.firstFile, removed.lastFile], [1, 1, 'b.txt', 'b.txt']);
    assert.deepEqual(index.filesOf(0), ['b.txt']);
    assert.deepEqual(index.references(0).map((r) => r.fileId), ['b.txt']);

    // New registries: new actors, new names to search.
    assert.deepEqual(index.search('العتيبي'), []);
    index.setRegistries([{ file: 'actors.yaml', actors: parseRegistry('actors:\n  - id: s\n    name: سالم العتيبي\n    type: person\n').actors }]);
    assert.deepEqual(index.search('العتيبي').map((a) => a.id), ['s']);
    assert.deepEqual(index.search('فايز'), []);
    assert.equal(index.summary(0)!.actor.id, 's');
    assert.deepEqual([index.summary(0)!.mentions, index.filesOf(0)], [0, []]);
    index.update('b.txt', 'سالم العتيبي هنا.');
    assert.deepEqual([index.summary(0)!.mentions, index.filesOf(0)], [1, ['b.txt']]);
  });

  it('keeps files apart when a removed file is followed by a new one, and counts each spelling per actor', () => {
    const index = setup();
    index.update('a.txt', 'فايز الحداد وفائز الحداد ثم فايز الحداد والأمم المتحدة.');
    index.update('b.txt', 'الحداد في الأمم المتحدة.');
    index.remove('a.txt');
    // c.txt may take the place a.txt had in the tallies: nothing of a.txt may show through it.
    index.update('c.txt', 'فائز الحداد.');
    index.update('d.txt', 'فايز الحداد والحداد.');
    assert.deepEqual(index.filesOf(0), ['b.txt', 'c.txt', 'd.txt']);
    assert.deepEqual(index.filesOf(2), ['b.txt']);
    assert.deepEqual(index.references(0).map((r) => `${r.fileId}:${r.mention.surface}`), ['b.txt:الحداد', 'c.txt:فائز الحداد', 'd.txt:فايز الحداد', 'd.txt:الحداد']);
    const summary = index.summary(0)!;
    assert.deepEqual([summary.mentions, summary.files, summary.firstFile, summary.lastFile], [4, 3, 'b.txt', 'd.txt']);
    assert.deepEqual(summary.spellings, [{ surface: 'الحداد', count: 2 }, { surface: 'فائز الحداد', count: 1 }, { surface: 'فايز الحداد', count: 1 }]);
    index.remove('c.txt');
    index.update('a.txt', 'الأمم المتحدة.');
    assert.deepEqual(index.filesOf(0), ['b.txt', 'd.txt']);
    assert.deepEqual(index.filesOf(2), ['a.txt', 'b.txt']);
    assert.deepEqual(index.summary(0)!.spellings, [{ surface: 'الحداد', count: 2 }, { surface: 'فايز الحداد', count: 1 }]);
  });

  it('gives the mentions of one actor in a file', () => {
    const index = setup();
    index.update('a.txt', 'فايز الحداد في الأمم المتحدة مع الحداد.');
    assert.deepEqual(index.mentionsIn('a.txt', 0).map((m) => m.surface), ['فايز الحداد', 'الحداد']);
    assert.deepEqual(index.mentionsIn('a.txt', 2).map((m) => m.surface), ['الأمم المتحدة']);
    assert.deepEqual(index.mentionsIn('a.txt', 3), []);
  });
});

describe('registry edits', () => {
  it('appends an actor in the file’s indentation, keeping comments', () => {
    const result = appendActor(REGISTRY, { name: 'سالم  العتيبي', type: 'person' });
    assert.ok('edit' in result);
    const after = applyEdits(REGISTRY, [result.edit]);
    assert.ok(after.startsWith('# people and bodies'));
    assert.ok(after.endsWith('  - id: سالم-العتيبي\n    name: سالم العتيبي\n    type: person\n'), after);
    assert.deepEqual(parseRegistry(after).actors.map((a) => a.name).slice(-1), ['سالم العتيبي']);
  });

  it('creates a registry, and refuses a broken one or a name it has', () => {
    const created = appendActor('', { name: 'روما', type: 'place' });
    assert.ok('edit' in created);
    assert.deepEqual(parseRegistry(applyEdits('', [created.edit])).actors.map((a) => [a.id, a.name, a.type]), [['روما', 'روما', 'place']]);
    assert.deepEqual(appendActor('actors: [\n', { name: 'روما', type: 'place' }), { error: 'actors.yaml has errors; fix them before adding an actor' });
    assert.match(String((appendActor(REGISTRY, { name: 'فايز الحداد', type: 'person' }) as { error: string }).error), /already in actors.yaml \(actor 'haddad'\)/);
    const empty = appendActor('actors: []\n', { name: 'روما', type: 'place' });
    assert.ok('edit' in empty);
    assert.deepEqual(parseRegistry(applyEdits('actors: []\n', [empty.edit])).actors.map((a) => a.name), ['روما']);
  });

  it('renames in place, keeping quotes', () => {
    const { actors } = parseRegistry(REGISTRY);
    const un = actors.find((a) => a.id === 'un')!;
    const after = applyEdits(REGISTRY, [renameActorEdit(REGISTRY, un, 'المنظمة: الدولية')]);
    assert.equal(parseRegistry(after).actors.find((a) => a.id === 'un')!.name, 'المنظمة: الدولية');
    const haddad = actors[0];
    assert.equal(parseRegistry(applyEdits(REGISTRY, [renameActorEdit(REGISTRY, haddad, 'فيصل الحداد')])).actors[0].name, 'فيصل الحداد');
  });

  it('writes plain scalars only when they read back the same', () => {
    assert.equal(yamlScalar('فايز الحداد'), 'فايز الحداد');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('- x'), '"- x"');
    assert.equal(newActorId('فايز الحداد', ['فايز-الحداد']), 'فايز-الحداد-2');
  });
});

describe('marked names', () => {
  it('collects names after titles and place nouns, and keeps the recurring ones', () => {
    const corpus = new CorpusIndex([markedNameFacet]);
    corpus.update('a.txt', 'قال المشير سالم القحطاني إن الوضع مستقر. وزار مدينة تبوك.');
    corpus.update('b.txt', 'أكد المشير سالم القحطاني أن الجيش جاهز، وأن اللواء خالد بن سعد سيزور مدينة تبوك.');
    corpus.update('c.txt', 'نقل عن المشير سالم القحطاني قوله إن مدينة تبوك آمنة.');
    const names = markedNames(corpus.statsOf(markedNameFacet), 2, 2).map((n) => `${n.surface}:${n.type}:${n.mentions}:${n.files}`);
    assert.deepEqual(names, ['تبوك:place:3:3', 'سالم القحطاني:person:3:3']);
    corpus.remove('c.txt');
    assert.deepEqual(markedNames(corpus.statsOf(markedNameFacet), 3, 2), []);
  });
});
