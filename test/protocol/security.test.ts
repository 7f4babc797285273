// Security over a real JSON-RPC connection (stdio): restricted mode for untrusted workspaces
// (`initializationOptions: { trusted: false }`: diagnostics, no edits) and reads kept inside the
// workspace (a registry path leaving it is a problem of nassaq.yaml; a symlinked article pointing
// outside is not indexed).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, InitializeResult, Position } from 'vscode-languageserver-protocol';
import { LspTestClient, uri } from '../support/lsp-client';

const TATWEEL = '\u0640';
const ARTICLE = `قال ال${TATWEEL}${TATWEEL}رئيس إن الوزير سالم العتيبي وصل.\n`;
const REGISTRY = 'actors:\n  - id: salem\n    name: سالم العتيبي\n    type: person\n';
const WRITE_COMMANDS = ['nassaq.fixSpellingsInWorkspace', 'nassaq.addActor', 'nassaq.convertToUtf8'];

/** `initialize` as the VS Code client sends it, with the workspace's trust. */
async function start(root: string, initializationOptions?: { trusted: boolean }): Promise<{ client: LspTestClient; init: InitializeResult }> {
  const client = new LspTestClient();
  const rootUri = uri(root);
  const init = await client.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
    capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: true } },
    ...(initializationOptions ? { initializationOptions } : {}),
  });
  await client.connection.sendNotification('initialized', {});
  return { client, init };
}

function positionOf(text: string, needle: string): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0);
  return { line: 0, character: offset + 2 };
}

describe('restricted mode (untrusted workspace)', () => {
  let root: string;
  let client: LspTestClient;
  let articleUri: string;
  let diagnostics: Diagnostic[];

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-trust-'));
    writeFileSync(path.join(root, 'nassaq.yaml'), 'rules:\n  tatweel: error\n');
    writeFileSync(path.join(root, 'actors.yaml'), REGISTRY);
    writeFileSync(path.join(root, 'a.txt'), ARTICLE);
    const started = await start(root, { trusted: false });
    client = started.client;
    assert.ok(started.init.capabilities.diagnosticProvider === undefined);
    await client.indexed(1);
    articleUri = client.open(path.join(root, 'a.txt'), ARTICLE);
    diagnostics = await client.diagnostics(articleUri, (p) => p.diagnostics.some((d) => d.code === 'tatweel'));
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('still publishes diagnostics', () => {
    assert.ok(diagnostics.some((d) => d.code === 'tatweel' && d.severity === 1));
  });

  it('offers no code action: no quick fix, fix all, accept word or "Add to actors.yaml"', async () => {
    for (const only of [undefined, ['quickfix'], ['source.fixAll'], ['source.fixAll.nassaq']]) {
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: articleUri }, range: diagnostics[0].range, context: { diagnostics, ...(only ? { only } : {}) } });
      assert.deepEqual(actions, [], JSON.stringify(only));
    }
    const selection = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: articleUri }, range: selection, context: { diagnostics: [] } }), []);
  });

  it('refuses rename with a clear error', async () => {
    const position = positionOf(ARTICLE, 'سالم العتيبي');
    // The mention is an actor: hover (read-only) still works.
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: articleUri }, position });
    assert.match(hover?.contents.value ?? '', /salem/);
    for (const method of ['textDocument/prepareRename', 'textDocument/rename']) {
      await assert.rejects(client.connection.sendRequest(method, { textDocument: { uri: articleUri }, position, newName: 'سالم' }), (error: Error) => {
        assert.match(error.message, /^Rename is not available: this workspace is not trusted/);
        return true;
      });
    }
  });

  it('refuses the commands that write files', async () => {
    for (const command of WRITE_COMMANDS) {
      await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command, arguments: [] }), /not trusted/, command);
    }
    assert.deepEqual(client.appliedEdits, []);
  });

  it('still rebuilds the index (a read)', async () => {
    const result = await client.connection.sendRequest<{ files: number }>('workspace/executeCommand', { command: 'nassaq.rebuildIndex', arguments: [] });
    assert.equal(result.files, 1);
  });
});

describe('full mode (trusted, or a client that sends no trust)', () => {
  for (const options of [{ trusted: true }, undefined]) {
    it(`offers code actions and rename with ${JSON.stringify(options ?? 'no initializationOptions')}`, async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'nassaq-trust-'));
      const { client } = await start(root, options);
      try {
        writeFileSync(path.join(root, 'actors.yaml'), REGISTRY);
        await client.indexed(1);
        const articleUri = client.open(path.join(root, 'a.txt'), ARTICLE);
        const diagnostics = await client.diagnostics(articleUri, (p) => p.diagnostics.some((d) => d.code === 'tatweel'));
        const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: articleUri }, range: diagnostics[0].range, context: { diagnostics } });
        assert.ok(actions.length > 0);
      } finally {
        await client.stop();
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe('reads stay inside the workspace', () => {
  let base: string;
  let root: string;
  let client: LspTestClient;

  before(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'nassaq-inside-'));
    root = path.join(base, 'corpus');
    mkdirSync(path.join(root, 'news'), { recursive: true });
    mkdirSync(path.join(base, 'outside'));
    writeFileSync(path.join(base, 'outside', 'secret.txt'), ARTICLE);
    writeFileSync(path.join(base, 'outside', 'actors.yaml'), REGISTRY);
    writeFileSync(path.join(root, 'news', 'a.txt'), ARTICLE);
    writeFileSync(path.join(root, 'news', 'nassaq.yaml'), 'actors: ../../etc/passwd\n');
    symlinkSync(path.join(base, 'outside', 'secret.txt'), path.join(root, 'linked.txt'));
    symlinkSync(path.join(root, 'news', 'a.txt'), path.join(root, 'inside-link.txt'));
    symlinkSync(path.join(base, 'outside'), path.join(root, 'linked-folder'));
    client = (await start(root, { trusted: true })).client;
  });

  after(async () => {
    await client.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses a registry path that leaves the workspace, as a problem of nassaq.yaml', async () => {
    const configUri = uri(path.join(root, 'news', 'nassaq.yaml'));
    client.open(path.join(root, 'news', 'a.txt'), ARTICLE);
    const problems = await client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.ok(problems.some((d) => d.severity === 1 && /'actors' must name a file inside the folder of nassaq\.yaml or the workspace; \.\.\/\.\.\/etc\/passwd is outside/.test(typeof d.message === 'string' ? d.message : d.message.value)), JSON.stringify(problems));
    assert.deepEqual(problems[0].range.start, { line: 0, character: 8 });
  });

  it('indexes no symlinked article whose target is outside, and enters no symlinked folder', async () => {
    // news/a.txt and inside-link.txt (a link inside the workspace); not linked.txt nor linked-folder/secret.txt.
    assert.equal(await client.indexed(1), 2);
    assert.ok(client.stderr.join('').includes('linked.txt: a symbolic link to a file outside'), client.stderr.join(''));
  });
});
