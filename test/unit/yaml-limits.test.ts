// Hostile YAML in nassaq.yaml and actors.yaml: deep bracket nesting and alias bombs give a
// problem at its place, never a crash or a blow-up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRegistry } from '../../server/src/core/actors/registry';
import { parseConfig } from '../../server/src/core/config/parse';
import { flowTooDeep, MAX_FLOW_DEPTH } from '../../server/src/core/config/yaml-limits';
import { RULES } from '../../server/src/core/rules';

const deep = (key: string, levels: number) => `${key}: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
// Each level refers nine times to the one before: expanded, 9^7 ≈ 4.8 million strings.
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`), 'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]'].join('\n');

describe('bounded YAML', () => {
  it('finds the first bracket nested too deep, ignoring quotes and comments', () => {
    assert.equal(flowTooDeep('a: [[1], {b: [2]}]'), undefined);
    assert.equal(flowTooDeep(`a: "${'['.repeat(200)}" # ${'{'.repeat(200)}\nb: '${'['.repeat(200)}'`), undefined);
    assert.equal(flowTooDeep(deep('a', MAX_FLOW_DEPTH)), undefined);
    assert.equal(flowTooDeep(deep('a', MAX_FLOW_DEPTH + 1)), 3 + MAX_FLOW_DEPTH);
  });

  it('reports a deeply nested nassaq.yaml or actors.yaml at the bracket', () => {
    const config = parseConfig(deep('accept', 100_000), RULES);
    assert.equal(config.usable, false);
    assert.deepEqual(config.problems.map((p) => [p.offset, p.message]), [[8 + MAX_FLOW_DEPTH, `Brackets nested more than ${MAX_FLOW_DEPTH} levels deep`]]);
    const registry = parseRegistry(deep('actors', 100_000));
    assert.equal(registry.usable, false);
    assert.equal(registry.problems[0].offset, 8 + MAX_FLOW_DEPTH);
  });

  it('does not expand an alias bomb', () => {
    const config = parseConfig(`${ALIAS_BOMB}\naccept: *g\n`, RULES);
    assert.equal(config.usable, false);
    assert.ok(config.problems.some((p) => p.message === "'accept' must be a list of strings"), JSON.stringify(config.problems));
    const registry = parseRegistry(`${ALIAS_BOMB}\nactors: *g\n`);
    assert.equal(registry.usable, false);
    assert.deepEqual(registry.actors, []);
  });
});
