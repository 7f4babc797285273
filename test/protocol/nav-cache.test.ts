// Navigation answers are kept between requests (hover summaries, references, search keys, marked
// names) and renames trust a stat instead of reading unchanged files: over a real JSON-RPC
// connection, no kept answer survives an article edit, a deleted file or a registry edit, and a
// rename still leaves alone every file changed on disk since it was indexed.
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hover, Location, SymbolInformation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspTestClient, tempCorpus, uri } from '../support/lsp-client';

const WAIT_MS = Number(process.env.NASSAQ_TEST_WAIT_MS ?? 10_000);

const REGISTRY = 'actors:\n  - id: qahtani\n    name: سالم القحطاني\n    type: person\n  - id: un\n    name: الأمم المتحدة\n    type: organization\n';

/** Position of the `nth` occurrence of `needle` (single-line texts). */
function at(text: string, needle: string, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Asks again until the answer is accepted (the server applies disk and registry changes asynchronously). */
async function eventually<T>(ask: () => Promise<T>, accept: (answer: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const answer = await ask();
    if (accept(answer)) return answer;
    if (Date.now() > deadline) assert.fail(`${what}; last answer: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('kept navigation answers follow the corpus', () => {
  const files = {
    'actors.yaml': REGISTRY,
    'a.txt': 'قال سالم القحطاني إن الأمم المتحدة تتابع الوضع.\n',
    'b.txt': 'أكد سالم القحطاني مع المشير خالد العنزي أن الجيش جاهز.\n',
    'c.txt': 'نقل عن المشير خالد العنزي أن سالم القحطاني زار الأمم المتحدة.\n',
    'd.txt': 'قال المشير خالد العنزي إن الحدود آمنة.\n',
    'e.txt': 'وصل المشير خالد العنزي إلى العاصمة.\n',
  };
  const c = `c.txt:${at(files['c.txt'], 'سالم').character}`;
  let corpus: ReturnType<typeof tempCorpus>;
  let client: LspTestClient;
  let a: string;
  const card = async (): Promise<string> => {
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: at(files['a.txt'], 'سالم') });
    return (hover.contents as { value: string }).value;
  };
  const references = async (): Promise<string[]> => {
    const found: Location[] = await client.connection.sendRequest('textDocument/references', { textDocument: { uri: a }, position: at(files['a.txt'], 'سالم'), context: { includeDeclaration: false } });
    return found.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.character}`);
  };
  const symbols = async (query: string): Promise<string[]> => ((await client.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[]).map((s) => s.name);
  const listed = async (query: string): Promise<string[]> =>
    ((await client.connection.sendRequest('nassaq/actors', { query })) as { actors: Array<{ name: string; registered: boolean }> }).actors.map((x) => `${x.name}${x.registered ? '' : ' (marked)'}`);

  before(async () => {
    corpus = tempCorpus('nassaq-nav-cache-', files);
    client = new LspTestClient();
    await client.initialize(corpus.root);
    await client.indexed(1);
    a = client.open(corpus.file('a.txt'), files['a.txt']);
  });

  after(async () => {
    await client.stop();
    corpus.remove();
  });

  it('a hover card and references follow an edit that adds a mention', async () => {
    assert.match(await card(), /\*\*3 mentions in 3 articles\*\*/);
    assert.match(await card(), /First in \[a\\\.txt\].*, latest in \[c\\\.txt\]/);
    assert.deepEqual(await references(), ['a.txt:4', 'b.txt:4', c]);
    const edited = `${files['a.txt'].trimEnd()} ثم عاد سالم القحطاني.\n`;
    client.change(a, 2, edited);
    assert.match(await card(), /\*\*4 mentions in 3 articles\*\*/);
    assert.deepEqual(await references(), ['a.txt:4', `a.txt:${at(edited, 'سالم', 1).character}`, 'b.txt:4', c]);
    client.change(a, 3, files['a.txt']);
    assert.match(await card(), /\*\*3 mentions in 3 articles\*\*/);
    assert.deepEqual(await references(), ['a.txt:4', 'b.txt:4', c]);
  });

  it('a hover card and references follow a deleted file', async () => {
    assert.match(await card(), /- Often with:\n {4}- 2 articles: \u2067الأمم المتحدة\u2069\n/);
    unlinkSync(corpus.file('c.txt'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(corpus.file('c.txt')), type: 3 }] });
    const value = await eventually(card, (v) => v.includes('**2 mentions in 2 articles**'), 'the card without c.txt');
    assert.match(value, /First in \[a\\\.txt\].*, latest in \[b\\\.txt\]/);
    assert.match(value, /- Often with:\n {4}- 1 article: \u2067الأمم المتحدة\u2069\n/);
    assert.deepEqual(await references(), ['a.txt:4', 'b.txt:4']);
  });

  it('symbols, the Actors view and hover cards follow a registry edit', async () => {
    assert.deepEqual(await symbols('العنزي'), []);
    assert.deepEqual(await symbols('فهد'), []);
    assert.deepEqual(await listed('العنزي'), ['خالد العنزي (marked)']);
    assert.doesNotMatch(await card(), /خالد العنزي/);
    const edited = `${REGISTRY.replace('    type: person\n', '    type: person\n    aliases: [أبو فهد]\n')}  - id: anazi\n    name: خالد العنزي\n    type: person\n`;
    client.open(corpus.file('actors.yaml'), edited, 1, 'yaml');
    await client.indexed(2);
    assert.deepEqual(await symbols('العنزي'), ['خالد العنزي']);
    assert.deepEqual(await symbols('فهد'), ['سالم القحطاني']);
    assert.deepEqual(await listed('العنزي'), ['خالد العنزي'], 'a registered name is no longer listed as marked');
    const value = await card();
    assert.match(value, /- Aliases:\n {4}- \u2067أبو فهد\u2069\n/);
    assert.match(value, /\u2067خالد العنزي\u2069/, 'a new companion (b.txt)');
  });
});

describe('rename trusts a stat only for files unchanged on disk', () => {
  const files = {
    'actors.yaml': 'actors:\n  - id: qahtani\n    name: سالم القحطاني\n    type: person\n',
    'a.txt': 'قال سالم القحطاني إن الوضع مستقر.\n',
    'b.txt': 'أكد سالم القحطاني أن الجيش جاهز.\n',
    'c.txt': 'زار سالم القحطاني الحدود.\n',
  };
  let corpus: ReturnType<typeof tempCorpus>;
  let client: LspTestClient;
  const old = new Date(Date.now() - 3_600_000);
  const rename = async (): Promise<string[]> => {
    const registry = client.open(corpus.file('actors.yaml'), files['actors.yaml'], 1, 'yaml');
    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: registry }, position: at(files['actors.yaml'], 'سالم'), newName: 'سالم بن علي القحطاني' });
    return (edit.documentChanges as TextDocumentEdit[]).map((c) => c.textDocument.uri.slice(c.textDocument.uri.lastIndexOf('/') + 1));
  };

  before(async () => {
    corpus = tempCorpus('nassaq-nav-stamp-', files);
    // Modified an hour before they are indexed: their stamps are trusted (no racy mtime).
    for (const name of ['a.txt', 'b.txt', 'c.txt']) utimesSync(corpus.file(name), old, old);
    client = new LspTestClient();
    await client.initialize(corpus.root);
    await client.indexed(1);
  });

  after(async () => {
    await client.stop();
    corpus.remove();
  });

  it('edits unchanged files from the index', async () => {
    assert.deepEqual(await rename(), ['actors.yaml', 'a.txt', 'b.txt', 'c.txt']);
    assert.deepEqual(client.messages, []);
  });

  it('edits a file whose buffer was just closed only as it is on disk', async () => {
    // The index holds the buffer's text until the disk is read again; the file's stamp is of an older read.
    const c = client.open(corpus.file('c.txt'), files['c.txt']);
    client.change(c, 2, `وفي خبر آخر طويل، ${files['c.txt']}`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: c } });
    const registry = client.open(corpus.file('actors.yaml'), files['actors.yaml'], 1, 'yaml');
    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: registry }, position: at(files['actors.yaml'], 'سالم'), newName: 'سالم بن علي القحطاني' });
    const change = (edit.documentChanges as TextDocumentEdit[]).find((e) => e.textDocument.uri === uri(corpus.file('c.txt')));
    if (change) assert.equal(applyTextEdits(files['c.txt'], change.edits), files['c.txt'].replace('سالم القحطاني', 'سالم بن علي القحطاني'));
    else assert.ok(client.messages.some((m) => m.includes(corpus.file('c.txt'))), 'skipped, and reported');
    client.messages.length = 0;
  });

  it('leaves alone, and reports, a file rewritten with the same size, and one with another size and its old mtime put back', async () => {
    const sameSize = readFileSync(corpus.file('a.txt'), 'utf8').replace('قال', 'أكد');
    assert.equal(Buffer.byteLength(sameSize), Buffer.byteLength(files['a.txt']));
    writeFileSync(corpus.file('a.txt'), sameSize);
    writeFileSync(corpus.file('b.txt'), 'أكد سالم القحطاني أن الجيش جاهز تماما.\n');
    utimesSync(corpus.file('b.txt'), old, old);
    // No watcher event: the index still holds the old texts.
    assert.deepEqual(await rename(), ['actors.yaml', 'c.txt']);
    await client.waitFor(() => client.messages.some((m) => m.includes('left alone')), 'the warning');
    const warning = client.messages.find((m) => m.includes('left alone'))!;
    assert.ok(warning.includes('2 files changed on disk since they were indexed') && warning.includes(corpus.file('a.txt')) && warning.includes(corpus.file('b.txt')), warning);
  });
});
