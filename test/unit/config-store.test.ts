// ConfigStore answers by folder (a scan asks for every article of the workspace): its answers must
// still follow an edited, created or deleted nassaq.yaml and a change of workspace folders.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigStore } from '../../server/src/lsp/configs';

describe('ConfigStore', () => {
  let root: string;
  let roots: string[];
  const open = new Map<string, string>();
  let store: ConfigStore;
  const file = (...parts: string[]) => path.join(root, ...parts);

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-configs-'));
    mkdirSync(file('news', 'sport'), { recursive: true });
    writeFileSync(file('nassaq.yaml'), 'include: ["**/*.txt"]\n');
    roots = [root];
    store = new ConfigStore({ openText: (f) => open.get(f), workspaceRoots: () => roots, reportProblems: () => undefined });
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('gives every file of a folder the same answer', () => {
    const first = store.forFile(file('news', 'a.txt'));
    assert.equal(first.file, file('nassaq.yaml'));
    assert.equal(store.forFile(file('news', 'b.txt')), first);
    assert.equal(first.isArticle(file('news', 'a.txt')), true);
    assert.equal(first.isArticle(file('news', 'a.md')), false);
  });

  it('follows an edited nassaq.yaml once it is invalidated', () => {
    open.set(file('nassaq.yaml'), 'include: ["**/*.txt"]\nexclude: ["news/**"]\n');
    store.invalidate(file('nassaq.yaml'));
    assert.equal(store.forFile(file('news', 'a.txt')).isArticle(file('news', 'a.txt')), false);
    open.delete(file('nassaq.yaml'));
    store.invalidate(file('nassaq.yaml'));
    assert.equal(store.forFile(file('news', 'a.txt')).isArticle(file('news', 'a.txt')), true);
  });

  it('finds a nassaq.yaml created nearer the file', () => {
    assert.equal(store.forFile(file('news', 'sport', 'c.txt')).file, file('nassaq.yaml'));
    writeFileSync(file('news', 'nassaq.yaml'), 'include: ["**/*.txt"]\n');
    store.invalidate(file('news', 'nassaq.yaml'));
    const resolved = store.forFile(file('news', 'sport', 'c.txt'));
    assert.equal(resolved.file, file('news', 'nassaq.yaml'));
    assert.equal(resolved.root, file('news'));
  });

  it('follows a change of workspace folders', () => {
    rmSync(file('nassaq.yaml'));
    rmSync(file('news', 'nassaq.yaml'));
    store.invalidate(file('nassaq.yaml'));
    assert.equal(store.forFile(file('news', 'd.txt')).root, root);
    roots = [file('news')];
    assert.equal(store.forFile(file('news', 'd.txt')).root, file('news'));
  });
});
