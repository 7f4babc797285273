import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addAcceptedWord } from '../../server/src/core/config/edit';
import { articleMatcher } from '../../server/src/core/config/match';
import { parseConfig } from '../../server/src/core/config/parse';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { RULES } from '../../server/src/core/rules';

const parse = (text: string) => parseConfig(text, RULES);

describe('nassaq.yaml', () => {
  it('reads globs, severities, options and accepted words', () => {
    const { config, problems, usable } = parse([
      'include: ["news/**/*.txt"]',
      'exclude: ["news/drafts/**"]',
      'rules:',
      '  tatweel: error',
      '  quote-marks: { severity: info, style: "“”" }',
      'accept: [كذا, Nassaq]',
    ].join('\n'));
    assert.deepEqual(problems, []);
    assert.ok(usable);
    assert.deepEqual(config.include, ['news/**/*.txt']);
    assert.deepEqual(config.rules.tatweel, { severity: 'error', options: {} });
    assert.deepEqual(config.rules['quote-marks'], { severity: 'info', options: { style: '“”' } });
    assert.deepEqual(config.accept, ['كذا', 'Nassaq']);
  });

  it('treats an empty file as the defaults', () => {
    assert.deepEqual(parse('').config, DEFAULT_CONFIG);
  });

  it('reports problems at their place in the file', () => {
    const text = 'rules:\n  tatweel: loud\n  no-such-rule: error\n  quote-marks: { style: round }\ncolour: red\n';
    const { problems, usable } = parse(text);
    assert.equal(usable, false);
    const at = problems.map((p) => [text.slice(p.offset, p.offset + p.length), p.severity]);
    assert.deepEqual(at, [['loud', 'error'], ['no-such-rule', 'error'], ['round', 'error'], ['colour', 'warning']]);
  });

  it('reports YAML syntax errors without throwing', () => {
    const { problems, usable } = parse('rules:\n  tatweel: [error\n');
    assert.equal(usable, false);
    assert.ok(problems.length > 0);
    assert.equal(problems[0].severity, 'error');
  });

  it('rejects a document that is not a mapping', () => {
    assert.equal(parse('- a\n- b\n').usable, false);
  });
});

describe('article globs', () => {
  it('include **/*.txt but not node_modules or dot-folders by default', () => {
    const isArticle = articleMatcher(DEFAULT_CONFIG);
    assert.ok(isArticle('a.txt'));
    assert.ok(isArticle('2018/06/a.txt'));
    assert.ok(!isArticle('node_modules/x/a.txt'));
    assert.ok(!isArticle('.git/a.txt'));
    assert.ok(!isArticle('a.md'));
    assert.ok(!isArticle('../outside.txt'));
  });
});

describe('accept list edits', () => {
  it('adds a word, keeping comments, and does nothing twice', () => {
    const before = '# house rules\nrules:\n  tatweel: error # strict\naccept:\n  - كذا\n';
    const after = addAcceptedWord(before, 'ذلك')!;
    assert.match(after, /# house rules/);
    assert.match(after, /# strict/);
    assert.deepEqual(parse(after).config.accept, ['كذا', 'ذلك']);
    assert.equal(addAcceptedWord(after, 'ذلك'), after);
  });

  it('creates the list when there is none, and refuses a broken file', () => {
    assert.deepEqual(parse(addAcceptedWord('rules: {}\n', 'كذا')!).config.accept, ['كذا']);
    assert.deepEqual(parse(addAcceptedWord('', 'كذا')!).config.accept, ['كذا']);
    assert.equal(addAcceptedWord('rules: [\n', 'كذا'), undefined);
  });
});
