// An open article whose file is not UTF-8: one file-level `encoding` diagnostic instead of
// findings on mis-decoded text, a "Convert to UTF-8" code action, and the server command that
// converts the file on disk (refused while the buffer has unsaved changes).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv = require('iconv-lite');
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

const ARTICLE = 'قال الرئيس إن المحادثات في في العاصمة مستمرة.\r\nوأضاف أن الوضع مستقر.\r\n';

describe('language server: files that are not UTF-8', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-enc-'));
    writeFileSync(path.join(root, 'nassaq.yaml'), 'rules:\n  repeated-word: warning\n');
    client = new LspTestClient();
    const result = await client.initialize(root);
    assert.ok(result.capabilities.executeCommandProvider?.commands.includes('nassaq.convertToUtf8'));
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const codeActions = (uri: string, diagnostics: Diagnostic[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics },
    });

  it('reports one encoding diagnostic at the start, offers Convert to UTF-8, and the command converts the file', async () => {
    const file = path.join(root, 'legacy.txt');
    writeFileSync(file, iconv.encode(ARTICLE, 'windows-1256'));
    // What an editor shows for a Windows-1256 file it reads as UTF-8.
    const misread = readFileSync(file).toString('utf8');
    const uri = client.open(file, misread);
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.code, 'encoding');
    assert.equal(diagnostic.source, 'nassaq');
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(diagnostic.message), /^file is Windows-1256, not UTF-8/);

    const actions = await codeActions(uri, [diagnostic]);
    assert.deepEqual(actions.map((a) => a.title), ['Convert to UTF-8']);
    const command = actions[0].command!;
    assert.equal(command.command, 'nassaq.convertToUtf8');

    // Unsaved changes: refused, the file is left alone.
    client.change(uri, 2, `${misread}x`);
    const refused = await client.connection.sendRequest<{ error?: string }>('workspace/executeCommand', command);
    assert.match(refused.error ?? '', /unsaved changes/);
    assert.ok(client.messages.some((m) => /unsaved changes/.test(m)));
    assert.deepEqual(readFileSync(file), iconv.encode(ARTICLE, 'windows-1256'));

    client.change(uri, 3, misread);
    const done = await client.connection.sendRequest<{ converted?: boolean; from?: string }>('workspace/executeCommand', command);
    assert.deepEqual(done, { converted: true, from: 'Windows-1256' });
    assert.equal(readFileSync(file, 'utf8'), ARTICLE);

    // The editor reloads the file: it is linted like any other.
    client.change(uri, 4, ARTICLE);
    const findings = await client.diagnostics(uri, (p) => p.version === 4 && p.diagnostics.some((d) => d.code === 'repeated-word'));
    assert.ok(!findings.some((d) => d.code === 'encoding'));
  });

  it('reports a UTF-16 file without converting anything on its own', async () => {
    const file = path.join(root, 'wide.txt');
    const bytes = iconv.encode(ARTICLE, 'utf-16le', { addBOM: true });
    writeFileSync(file, bytes);
    const uri = client.open(file, bytes.toString('utf8'));
    const [diagnostic] = await client.diagnostics(uri);
    assert.equal(diagnostic.code, 'encoding');
    assert.match(String(diagnostic.message), /^file is UTF-16 LE, not UTF-8/);
    assert.deepEqual(readFileSync(file), bytes);
  });
});
