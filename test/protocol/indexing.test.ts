// The server tells the client how far indexing has gone (`nassaq/indexing` {done, total}, shown in
// VS Code's status bar), then that it is over (`nassaq/indexed` {files}).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspTestClient } from '../support/lsp-client';

const ARTICLES = 70; // more than one batch of 64

describe('indexing notifications', () => {
  let root: string;
  let client: LspTestClient;
  const progress: Array<{ done: number; total: number }> = [];

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-indexing-'));
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(root, `article-${i}.txt`), `افتتح المعرض أبوابه في يومه ${i}.\n`);
    client = new LspTestClient();
    client.connection.onNotification('nassaq/indexing', (params: { done: number; total: number }) => {
      progress.push(params);
    });
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports the start, progress at most every batch, and the end of a scan', async () => {
    assert.equal(await client.indexed(1), ARTICLES);
    assert.deepEqual(progress[0], { done: 0, total: ARTICLES });
    assert.deepEqual(progress.at(-1), { done: ARTICLES, total: ARTICLES });
    // In between (if the first batch took long enough to be reported): whole batches, in order.
    assert.ok(progress.length <= 3, JSON.stringify(progress));
    for (const report of progress.slice(1, -1)) assert.deepEqual(report, { done: 64, total: ARTICLES });
  });
});

describe('an article opened at startup', () => {
  let root: string;
  let client: LspTestClient;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-open-first-'));
    // A registry of 3,000 actors takes long enough to parse that an article opened at startup would
    // wait for it, were it not diagnosed first. Names made of invented syllables.
    const syllables = ['با', 'تو', 'سي', 'مر', 'كا', 'لو', 'ني', 'ها', 'ري', 'دو'];
    const name = (i: number) => [i % 10, Math.floor(i / 10) % 10, Math.floor(i / 100) % 10, Math.floor(i / 1000) % 10].map((d) => syllables[d]).join('');
    const actors = Array.from({ length: 3000 }, (_, i) => `  - id: a${i}\n    name: ${name(i)} ${name(i + 7)}\n    type: person\n    aliases: [${name(i)}]\n`);
    writeFileSync(path.join(root, 'actors.yaml'), `actors:\n${actors.join('')}`);
    for (let i = 0; i < 20; i++) writeFileSync(path.join(root, `article-${i}.txt`), `افتتح المعرض أبوابه في يومه ${i}.\n`);
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('is diagnosed before the scan reads the registry and indexes', async () => {
    client = new LspTestClient();
    let publishedBeforeIndexing: boolean | undefined;
    let documentUri = '';
    const file = path.join(root, 'article-0.txt');
    client.connection.onNotification('nassaq/indexing', (params: { done: number }) => {
      if (params.done === 0) publishedBeforeIndexing ??= client.lastPublished(documentUri) !== undefined;
    });
    await client.initialize(root);
    documentUri = client.open(file, 'افتتح المعرض أبوابــه.\n');
    await client.indexed(1);
    assert.equal(publishedBeforeIndexing, true);
    const diagnostics = await client.diagnostics(documentUri);
    assert.ok(diagnostics.some((d) => d.code === 'tatweel'), JSON.stringify(diagnostics));
  });
});
