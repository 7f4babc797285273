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

  it('reports the start, each batch, and the end of a scan', async () => {
    assert.equal(await client.indexed(1), ARTICLES);
    assert.deepEqual(progress, [
      { done: 0, total: ARTICLES },
      { done: 64, total: ARTICLES },
      { done: ARTICLES, total: ARTICLES },
    ]);
  });
});
