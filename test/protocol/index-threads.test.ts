// A corpus indexed on worker threads (`indexThreads: 2`) answers exactly as one indexed on the
// main thread (`indexThreads: 0`): the same articles, actors, mention counts, references, symbols
// and cross-file diagnostics. The corpus mixes the sample articles' paragraphs into 120 articles,
// with files a scan must skip or decode with care (binary, Windows-1256, BOM + CRLF, empty).
// Workers that cannot start (the server's bundle deleted under it, as an extension update may
// do) leave the scan to the main thread, with the same answers.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, SymbolInformation } from 'vscode-languageserver-protocol';
import { ACTOR_REFERENCES_REQUEST, ACTORS_REQUEST, type ActorLocation, type ActorsResult } from '../../server/src/lsp/actor-protocol';
import { LspTestClient, tempCorpus, uri } from '../support/lsp-client';

const SAMPLES = path.resolve(__dirname, '../../samples');
const read = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

function mixedCorpus(): Record<string, string | Buffer> {
  const articles = path.join(SAMPLES, 'articles');
  const paragraphs = readdirSync(articles)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => read(path.join(articles, name)).split(/\n+/).filter((line) => line.trim()));
  const files: Record<string, string | Buffer> = {
    'nassaq.yaml': read(path.join(SAMPLES, 'nassaq.yaml')),
    'actors.yaml': read(path.join(SAMPLES, 'actors.yaml')),
  };
  for (let i = 0; i < 120; i++) {
    const pick = (k: number) => paragraphs[(i * k + k) % paragraphs.length];
    files[`articles/${String(i).padStart(3, '0')}.txt`] = `${pick(7)}\n\n${pick(11)}\n\n${pick(13)}\n`;
  }
  files['articles/odd/binary.txt'] = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]);
  files['articles/odd/cp1256.txt'] = Buffer.from([0xc7, 0xe1, 0xc3, 0xe3, 0xe3, 0x20, 0xc7, 0xe1, 0xe3, 0xca, 0xcd, 0xcf, 0xc9, 0x2e, 0x0a]);
  files['articles/odd/bom-crlf.txt'] = `\uFEFF${paragraphs[0]}\r\n\r\n${paragraphs[1]}\r\n`;
  files['articles/odd/empty.txt'] = '';
  return files;
}

describe('indexing on worker threads', () => {
  const corpus = tempCorpus('nassaq-index-threads-', mixedCorpus());
  const onMain = new LspTestClient();
  const onThreads = new LspTestClient();
  const both = [onMain, onThreads];
  const indexed: number[] = [];

  before(async () => {
    await onMain.initialize(corpus.root, { initializationOptions: { indexThreads: 0 } });
    await onThreads.initialize(corpus.root, { initializationOptions: { indexThreads: 2 } });
    indexed.push(...(await Promise.all(both.map((client) => client.indexed(1)))));
  });

  after(async () => {
    await Promise.all(both.map((client) => client.stop()));
    corpus.remove();
  });

  it('indexes the same articles, and only the threaded server says it used threads', () => {
    // 120 mixed articles, the BOM + CRLF one and the empty one; binary and Windows-1256 are skipped.
    assert.deepEqual(indexed, [122, 122]);
    assert.match(onThreads.stderr.join(''), /Indexing 124 articles on 2 worker threads/);
    assert.doesNotMatch(onMain.stderr.join(''), /worker threads/);
  });

  it('counts the same actors, mentions and files', async () => {
    const [main, threads] = await Promise.all(both.map((client) => client.connection.sendRequest<ActorsResult>(ACTORS_REQUEST, {})));
    assert.ok(main.actors.some((actor) => actor.registered && actor.mentions > 1 && actor.files > 1), JSON.stringify(main.actors));
    assert.deepEqual(threads, main);
  });

  it('finds the same references for every actor', async () => {
    const { actors } = await onMain.connection.sendRequest<ActorsResult>(ACTORS_REQUEST, {});
    let found = 0;
    for (const actor of actors) {
      const [main, threads] = await Promise.all(both.map((client) => client.connection.sendRequest<ActorLocation[]>(ACTOR_REFERENCES_REQUEST, { key: actor.key })));
      assert.deepEqual(threads, main, actor.name);
      found += main.length;
    }
    assert.ok(found > 100, `${found} references`);
  });

  it('lists the same workspace symbols', async () => {
    const [main, threads] = await Promise.all(both.map((client) => client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' })));
    assert.ok(main.length > 0);
    assert.deepEqual(threads, main);
  });

  it('gives an opened article the same diagnostics, cross-file ones included', async () => {
    let codes = new Set<unknown>();
    for (const name of ['articles/000.txt', 'articles/057.txt', 'articles/odd/bom-crlf.txt']) {
      const text = read(corpus.file(name));
      const [main, threads] = await Promise.all(
        both.map((client) => {
          client.open(corpus.file(name), text);
          return client.diagnostics(uri(corpus.file(name)));
        }),
      );
      assert.deepEqual(threads, main, name);
      codes = new Set([...codes, ...main.map((d: Diagnostic) => d.code)]);
    }
    assert.ok(codes.size > 0, 'some diagnostics to compare');
  });
});

describe('indexing threads that cannot start', () => {
  const corpus = tempCorpus('nassaq-index-threads-failed-', mixedCorpus());
  const bundleDir = mkdtempSync(path.join(tmpdir(), 'nassaq-bundle-'));
  const bundle = path.join(bundleDir, 'server.js');
  copyFileSync(path.resolve(__dirname, '../../dist/server.js'), bundle);
  const onMain = new LspTestClient();
  const orphaned = new LspTestClient('stdio', bundle);
  const indexed: number[] = [];

  before(async () => {
    await onMain.initialize(corpus.root, { initializationOptions: { indexThreads: 0 } });
    // The server has loaded its bundle (it answered initialize); its workers would load it again.
    await orphaned.initialize(corpus.root, { initializationOptions: { indexThreads: 2 }, beforeInitialized: () => rmSync(bundleDir, { recursive: true, force: true }) });
    indexed.push(...(await Promise.all([onMain, orphaned].map((client) => client.indexed(1)))));
  });

  after(async () => {
    await Promise.all([onMain, orphaned].map((client) => client.stop()));
    corpus.remove();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('indexes every article on the main thread instead, and says so', async () => {
    assert.deepEqual(indexed, [122, 122]);
    assert.match(orphaned.stderr.join(''), /Indexing on worker threads failed, continuing on the main thread|Could not start indexing threads/);
    const [main, fallback] = await Promise.all([onMain, orphaned].map((client) => client.connection.sendRequest<ActorsResult>(ACTORS_REQUEST, {})));
    assert.ok(main.actors.some((actor) => actor.mentions > 1));
    assert.deepEqual(fallback, main);
    assert.equal(orphaned.exited, undefined);
  });
});
