// Rule ids are public API: each is kebab-case, unique, documented in the README under a heading
// that is exactly the id (diagnostics link there), and every option has a valid default.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { english } from '../../server/src/core/l10n';
import { RULES } from '../../server/src/core/rules';

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    it(`${rule.id} is documented and its options are consistent`, () => {
      assert.ok(README.includes(`\n### ${rule.id}\n`), `README has no '### ${rule.id}' section`);
      assert.ok(rule.describe(english).length > 10);
      for (const [name, option] of Object.entries(rule.options ?? {})) {
        assert.ok(option.values.includes(option.default), `${rule.id}.${name} default is one of its values`);
        assert.ok(README.includes(`\`${name}\``), `README documents option ${name}`);
      }
    });
  }
});
