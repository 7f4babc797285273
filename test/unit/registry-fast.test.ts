// The fast path for actors.yaml (registry-fast.ts) against the `yaml` library: the same actors,
// spans, problems and usability on the registries the tests use, on hand-written edge cases, on a
// generated registry and on random edits of them; taken for ordinary registries, not otherwise.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nameKey, parseRegistry, parseRegistryWithYaml } from '../../server/src/core/actors/registry';
import { readFastTree } from '../../server/src/core/actors/registry-fast';
import { translator } from '../../server/src/core/l10n';
import { foldKey } from '../../server/src/core/text/normalize';

const ROOT = path.resolve(__dirname, '../..');
const ZWNJ = '\u200C';
const TATWEEL = '\u0640';
const FATHA = '\u064E';
const SHADDA = '\u0651';

/** Asserts that both paths agree on `text`; returns whether the fast path read it. */
function agree(text: string, t = translator('en')): boolean {
  assert.deepStrictEqual(parseRegistry(text, t), parseRegistryWithYaml(text, t), `registry:\n${text}`);
  return readFastTree(text) !== undefined;
}

/** Registry texts in the test sources (string and template literals holding `actors:`) and fixture files. */
function testRegistries(): string[] {
  const sources = ['test/unit', 'test/protocol', 'test/cli'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((name) => name.endsWith('.ts') && !name.startsWith('registry-'))
      .map((name) => readFileSync(path.join(ROOT, dir, name), 'utf8')),
  );
  // Literals that start with `actors:`, maybe after comment lines.
  const literals = sources.flatMap((source) => [...source.matchAll(/`((?:#[^`$\n]*\n)*actors:[^`$]*)`|'(actors:(?:[^'\\\n]|\\.)*)'/g)]);
  const texts = literals.map((match) => unescape(match[1] ?? match[2]));
  const files = ['samples/actors.yaml', 'test/e2e/fixture/actors.yaml'].map((file) => readFileSync(path.join(ROOT, file), 'utf8'));
  return [...new Set([...texts, ...files])];
}

function unescape(literal: string): string {
  return literal.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
    if (escape.startsWith('u')) return String.fromCodePoint(parseInt(escape.replace(/[u{}]/g, ''), 16));
    return { n: '\n', r: '\r', t: '\t' }[escape] ?? escape;
  });
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// Invented name parts: syllables, not words from any corpus.
const SYLLABLES = ['با', 'سو', 'لي', 'نا', 'رو', 'دي', 'قا', 'مو', 'هي', 'طا', 'فو', 'زي', 'جا', 'كو', 'شي', 'ثا', 'وا', 'أي', 'إس', 'آم', 'ئي', 'ؤو', 'ضا', 'غو'];
const ENDINGS = ['ة', 'ى', 'ان', 'ين', 'ون', ''];

function inventedWord(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  let word = '';
  for (let n = 2 + Math.floor(next() * 2); n > 0; n--) word += pick(SYLLABLES);
  word += pick(ENDINGS);
  const decoration = next();
  if (decoration < 0.1) word = word.slice(0, 1) + FATHA + SHADDA + word.slice(1);
  else if (decoration < 0.15) word = word.slice(0, 2) + TATWEEL + word.slice(2);
  else if (decoration < 0.2) word = word.slice(0, 2) + ZWNJ + word.slice(2);
  return word;
}

/** A registry of `count` invented actors, in the layouts editors write (flow and block lists, quotes, comments). */
function generatedRegistry(count: number, seed: number, newline = '\n'): string {
  const next = random(seed);
  const types = ['person', 'organization', 'place', 'other'];
  const lines = ['# Invented actors for the fast-path test.', 'actors:'];
  for (let i = 0; i < count; i++) {
    const name = `${next() < 0.2 ? 'ال' : ''}${inventedWord(next)} ${inventedWord(next)}`;
    const aliases = Array.from({ length: Math.floor(next() * 3) }, () => inventedWord(next));
    const variants = next() < 0.3 ? [name.replace(/ا/, 'أ') === name ? `${name}ه` : name.replace(/ا/, 'أ')] : [];
    if (next() < 0.05) lines.push('', `  # section ${i}`);
    lines.push(`  - id: actor-${i}`);
    const quote = next();
    lines.push(`    name: ${quote < 0.1 ? `"${name}"` : quote < 0.15 ? `'${name}'` : name}${next() < 0.05 ? '  # checked' : ''}`);
    lines.push(`    type: ${types[Math.floor(next() * types.length)]}`);
    if (aliases.length > 0) {
      if (next() < 0.3) lines.push('    aliases:', ...aliases.map((alias) => `      - ${alias}`));
      else lines.push(`    aliases: [${aliases.join(', ')}]`);
    }
    if (variants.length > 0) lines.push(`    variants: [${variants.map((v) => `"${v}"`).join(', ')}]`);
    if (next() < 0.3) lines.push(`    description: ${inventedWord(next)} ${next() < 0.2 ? '😀 ' : ''}${inventedWord(next)}`);
    if (next() < 0.1) lines.push(`    links: { wikidata: Q${1000 + i}, url: https://example.org/${i} }`);
    else if (next() < 0.05) lines.push('    links:', `      wikidata: Q${2000 + i}`);
  }
  return lines.join(newline) + newline;
}

const ORDINARY = `# people and bodies
actors:
  - id: haddad
    name: فايز الحدّاد
    type: person
    aliases: [الحداد, 'ابن الحداد', "أبو فايز" ]   # spellings in the press
    variants: [فائز حداد]
    description: رئيس الوزراء 😀
  # organizations
  - id: gov
    name: "حكومة الوحدة"
    type: organization
    aliases:
      - الوحدة
      - 'الحكومة''s'   # a quote inside single quotes
    links: { wikidata: Q1065, url: https://example.org/a?b=c#d }
  - id: un
    name: 'الأمم المتحدة'
    type: organization
    links:
      wikidata: Q1
      url: https://example.org
  - id: place-1
    name: مدينة${TATWEEL}${ZWNJ}الحسيمة
    type: place
    links: [Q2, https://example.org/x]

# trailing comment
`;

describe('registry fast path', () => {
  it('agrees with the yaml library on the registries the tests use', () => {
    const texts = testRegistries();
    assert.ok(texts.length >= 15, `only ${texts.length} registries found`);
    const fast = texts.filter((text) => agree(text)).length;
    assert.ok(fast >= texts.length / 2, `the fast path read ${fast} of ${texts.length}`);
  });

  it('reads ordinary registries itself, with the same actors, spans and problems', () => {
    const cases = [
      ORDINARY,
      ORDINARY.replace(/\n/g, '\r\n'),
      ORDINARY.trimEnd(), // no final line break
      'actors:\n- id: a\n  name: سالم\n  type: person\n- id: b\n  name: خالد # comment\n  type: place\n',
      'actors: []\n',
      'actors: []\nversion: x\n',
      'actors:\n  - id: a\n    name: سالم\n    type: person\n    colour: blue\n  - id: a\n    name: خالد\n    type: person\n  - id: b\n    type: robot\n  - id: c\n    name: علي سالم\n    type: person\n    aliases: [سالم]\n',
      'actors:\n  - id: a\n    name: سالم\n    type: person\n    variants: [سالِم, سلم]\n    aliases: علي\n    description: [x]\n  - just a string\n  - [a, b]\n  - { id: f, name: فرح, type: person }\n',
      'actors:\n  - id: a\n    name: [سالم]\n    type: person\n    links: Q1\n  - id: b\n    name: x\n    type: other\n    links: { a: b }\n    aliases: [x]\n',
      '  \nactors:\n\n  - id: a   \n    name: س   \n    type: person   \n\n\n',
    ];
    for (const text of cases) assert.ok(agree(text), `not read by the fast path:\n${text}`);
    assert.ok(agree(ORDINARY, translator('ar')));
  });

  it('reads a generated registry of a few hundred actors, in LF and CRLF', () => {
    for (const newline of ['\n', '\r\n']) {
      const text = generatedRegistry(400, 7, newline);
      assert.ok(agree(text), 'the fast path gave up on the generated registry');
      assert.equal(parseRegistry(text).actors.length > 300, true);
    }
  });

  it('leaves everything else to the yaml library', () => {
    const cases = [
      '',
      '# only a comment\n',
      '\uFEFFactors:\n  - id: a\n    name: سالم\n    type: person\n',
      'base: &b { type: person }\nactors:\n  - id: a\n    name: سالم\n    type: person\n',
      'actors:\n  - id: a\n    name: *x\n    type: person\n',
      'actors:\n  - id: a\n    name: !!str سالم\n    type: person\n',
      'actors:\n  - id: a\n    name: [سالم\n    type: person\n',
      'actors:\n  - id: a\n    name:\n    type: person\n',
      'actors:\n  - id: a\n    name: سالم\n      الحداد\n    type: person\n',
      'actors:\n  - id: a\n    name: |\n      سالم\n    type: person\n',
      'actors:\n  - id: 12\n    name: سالم\n    type: person\n',
      'actors:\n  - id: a\n    name: true\n    type: person\n',
      'actors:\n  - id: a\n    name: "سالم\\t"\n    type: person\n',
      'actors:\n  - id: a\n    name: سالم\n    name: خالد\n    type: person\n',
      'actors:\n\t- id: a\n',
      '---\nactors: []\n',
      'actors: []\n---\nactors: []\n',
      'actors:\n  - id: a\n    aliases: [سالم,\n      خالد]\n    type: person\n',
      'actors:\n  - id: a\n    "name": سالم\n    type: person\n',
      'actors:\n  - id: a\n    name: سالم: الحداد\n    type: person\n',
      'actors:\n  - id: a\n    name: سالم\n    type: person\n      # a comment deeper than the keys\n',
      '- just a list\n',
      'actors: 3\n',
    ];
    for (const text of cases) assert.equal(agree(text), false, `read by the fast path:\n${text}`);
  });

  it('keys names as before, with or without the shortcut for plain spacing', () => {
    const next = random(5);
    const parts = ['عبد', 'أبو', 'ابو', 'الله', 'سالم', 'رحمن', ' ', '  ', '\u00A0', '\n', 'A', 'é'];
    for (let run = 0; run < 2000; run++) {
      const spelling = Array.from({ length: 1 + Math.floor(next() * 5) }, () => parts[Math.floor(next() * parts.length)]).join(next() < 0.5 ? ' ' : '');
      const before = foldKey(spelling).replace(/(^|\s)(عبد|ابو)\s+/g, '$1$2').replace(/\s+/g, ' ').trim();
      assert.equal(nameKey(spelling), before, JSON.stringify(spelling));
    }
  });

  it('agrees with the yaml library on random edits of registries', () => {
    const next = random(2024);
    const bases = [ORDINARY, generatedRegistry(6, 1), generatedRegistry(6, 2, '\r\n'), 'actors:\n- id: a\n  name: سالم\n  type: person\n  aliases:\n  - x\n'];
    const pieces = [' ', '  ', '\n', '\r\n', '#', ' # c', ':', ': ', '-', '- ', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '\t', 'x', 'ب', '0', '1.5', '.', '?', '%', '@', 'null', '\u064E', '😀', '\uFEFF', '\r', '---\n'];
    let fast = 0;
    const runs = 600;
    for (let run = 0; run < runs; run++) {
      let text = bases[Math.floor(next() * bases.length)];
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) text = edit(text, next, pieces);
      if (agree(text)) fast++;
    }
    assert.ok(fast > runs / 5, `the fast path read only ${fast} of ${runs} edited registries`);
  });
});

/** One random edit: insert a piece, delete a few characters, duplicate a line, reindent a line, or add a comment or blank line. */
function edit(text: string, next: () => number, pieces: readonly string[]): string {
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  const spaces = ' '.repeat(Math.floor(next() * 9));
  switch (Math.floor(next() * 6)) {
    case 0:
      return text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2:
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 3:
      return next() < 0.5 ? text.slice(0, lineStart) + ' ' + text.slice(lineStart) : text.slice(0, lineStart) + text.slice(lineStart).replace(/^ /, '');
    case 4:
      return text.slice(0, lineStart) + `${spaces}# note\n` + text.slice(lineStart);
    default:
      return text.slice(0, lineStart) + `${spaces}\n` + text.slice(lineStart);
  }
}
