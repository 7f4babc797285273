// The server indexes the whole workspace, keeps the index current from buffers and watcher
// events, and reports problems of articles that are not open through workspace pull diagnostics.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspTestClient, uri } from '../support/lsp-client';

const TATWEEL = '\u0640';
const STRETCHED = `قال ال${TATWEEL}وزير إن الاجتماع انتهى.\n`;
const CLEAN = 'قال الوزير إن الاجتماع انتهى.\n';

describe('workspace index over LSP (pull diagnostics)', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-corpus-'));
    mkdirSync(path.join(root, 'news'));
    mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(root, 'news', 'one.txt'), STRETCHED);
    writeFileSync(path.join(root, 'news', 'two.txt'), CLEAN);
    writeFileSync(path.join(root, 'news', 'three.txt'), STRETCHED);
    writeFileSync(path.join(root, 'notes.md'), STRETCHED);
    writeFileSync(path.join(root, 'node_modules', 'x', 'dep.txt'), STRETCHED);
    client = new LspTestClient();
    client.settings = { diagnostics: { scope: 'workspace' } };
    const result = await client.initialize(root, { pull: true });
    assert.ok(result.capabilities.diagnosticProvider, 'pull diagnostics offered to a client that supports them');
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes every article of the workspace at startup, and only articles', async () => {
    assert.equal(await client.indexed(1), 3);
  });

  it('lists the problems of articles that are not open', async () => {
    const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const withProblems = report.items.filter((item) => item.kind === 'full' && item.items.length > 0).map((item) => item.uri).sort();
    assert.deepEqual(withProblems, [uri(path.join(root, 'news', 'one.txt')), uri(path.join(root, 'news', 'three.txt'))]);
  });

  it('answers an unchanged file with an unchanged report', async () => {
    const first: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const previousResultIds = first.items.map((item) => ({ uri: item.uri, value: item.kind === 'full' || item.kind === 'unchanged' ? item.resultId! : '' }));
    const second: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds });
    assert.ok(second.items.length > 0);
    assert.ok(second.items.every((item) => item.kind === 'unchanged'));
  });

  it('answers document pulls for an open article from its buffer', async () => {
    const documentUri = client.open(path.join(root, 'news', 'two.txt'), STRETCHED);
    const report = await client.connection.sendRequest<{ kind: string; items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri: documentUri } });
    assert.deepEqual(report.items.map((d) => d.code), ['tatweel']);
  });

  it('drops an article deleted outside the editor', async () => {
    const file = path.join(root, 'news', 'three.txt');
    unlinkSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 3 }] });
    await client.waitFor(() => client.refreshes > 0, 'a diagnostics refresh');
    const report: WorkspaceDiagnosticReport = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    assert.ok(!report.items.some((item) => item.uri === uri(file)));
  });
});
