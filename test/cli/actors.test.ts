// nassaq check with an actor registry: its names are canonical, its variants are reported and
// fixed by --fix, and a broken registry stops the run with exit code 2.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { assertBuilt, inTempDir, onlyRulesYaml, runCli, writeTree } from './helpers';

const REGISTRY = 'actors:\n  - id: haddad\n    name: فايز الحداد\n    type: person\n    variants: [فائز حداد]\n  - id: ali\n    name: علي\n    type: person\n';

describe('nassaq check with actors.yaml', () => {
  before(assertBuilt);

  it('reports registry variants and other spellings of registry names, and --fix writes the name', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, {
        'nassaq.yaml': onlyRulesYaml({ 'actor-spelling': 'warning' }),
        'actors.yaml': REGISTRY,
        // فائز حداد is a listed variant; وفائز الحداد another spelling of the name; على is a word, not علي.
        'a.txt': 'قال فائز حداد إن الاجتماع انتهى، ووافق وفائز الحداد على ذلك.\n',
      });
      const result = runCli(['check', '.'], dir);
      assert.equal(result.status, 0, result.stderr);
      const lines = result.stdout.split('\n').filter((l) => l.includes('actor-spelling'));
      assert.deepEqual(lines, [
        'a.txt:1:5  warning  actor-spelling  "فائز حداد" is written "فايز الحداد" in the actor registry',
        'a.txt:1:41  warning  actor-spelling  "فائز الحداد" is written "فايز الحداد" in the actor registry',
      ]);
      const fixed = runCli(['check', '.', '--fix'], dir);
      assert.equal(fixed.status, 0, fixed.stderr);
      assert.equal(readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'قال فايز الحداد إن الاجتماع انتهى، ووافق وفايز الحداد على ذلك.\n');
    });
  });

  it('reads the registry named by nassaq.yaml', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, {
        'nassaq.yaml': onlyRulesYaml({ 'actor-spelling': 'warning' }, 'actors: registry/people.yaml\n'),
        'registry/people.yaml': REGISTRY,
        'a.txt': 'قال فائز حداد إن الاجتماع انتهى.\n',
      });
      assert.match(runCli(['check', '.'], dir).stdout, /"فائز حداد" is written "فايز الحداد" in the actor registry/);
    });
  });

  it('exits 2 for a broken registry, naming line and column', async () => {
    await inTempDir(async (dir) => {
      writeTree(dir, {
        'nassaq.yaml': onlyRulesYaml({ 'actor-spelling': 'warning' }),
        'actors.yaml': 'actors:\n  - id: a\n    name: سالم\n    type: robot\n',
        'a.txt': 'نص قصير.\n',
      });
      const result = runCli(['check', '.'], dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^actors\.yaml:4:11 {2}error {2}'type' must be one of: person, organization, place, other$/m);
    });
  });
});
