// Protocol behaviour over a real JSON-RPC connection to `node dist/server.js --stdio`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, editTexts, LspTestClient } from '../support/lsp-client';

const TATWEEL = '\u0640';
const ARTICLE = `قال ال${TATWEEL}${TATWEEL}رئيس إن 😀 المحادثات\r\nمستمرة مع الو${TATWEEL}زير.\r\n`;
const FIXED = 'قال الرئيس إن 😀 المحادثات\r\nمستمرة مع الوزير.\r\n';

describe('language server over stdio', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-lsp-'));
    writeFileSync(path.join(root, 'nassaq.yaml'), 'rules:\n  tatweel: error\n');
    client = new LspTestClient();
    const result = await client.initialize(root);
    assert.equal(result.serverInfo?.name, 'nassaq');
    assert.ok(result.capabilities.codeActionProvider);
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics for an opened article, with UTF-16 ranges, rule code and docs link', async () => {
    const uri = client.open(path.join(root, 'a.txt'), ARTICLE);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'tatweel');
    assert.deepEqual(diagnostics.map((d) => d.range), [
      { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } },
      { start: { line: 1, character: 13 }, end: { line: 1, character: 14 } },
    ]);
    assert.equal(diagnostics[0].source, 'nassaq');
    assert.equal(diagnostics[0].severity, 1, 'nassaq.yaml sets tatweel to error');
    assert.match(diagnostics[0].codeDescription!.href, /#tatweel$/);
  });

  it('offers a preferred quick fix whose versioned edit repairs the word', async () => {
    const uri = client.open(path.join(root, 'b.txt'), ARTICLE);
    const [diagnostic] = (await client.diagnostics(uri)).filter((d) => d.code === 'tatweel');
    const actions = await codeActions(uri, [diagnostic]);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred fix');
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    assert.ok(applyTextEdits(ARTICLE, change.edits).startsWith('قال الرئيس إن'));
  });

  it('offers no quick fix for a diagnostic from an older version', async () => {
    const uri = client.open(path.join(root, 'c.txt'), ARTICLE);
    const [stale] = (await client.diagnostics(uri)).filter((d) => d.code === 'tatweel');
    client.change(uri, 2, `${ARTICLE}سطر جديد\r\n`);
    await client.diagnostics(uri, (p) => p.version === 2);
    const actions = await codeActions(uri, [stale]);
    assert.equal(actions.filter((a) => a.diagnostics?.includes(stale)).length, 0);
    assert.equal(actions.filter((a) => a.isPreferred).length, 0);
  });

  it('fixes the whole file with source.fixAll.nassaq', async () => {
    const uri = client.open(path.join(root, 'd.txt'), ARTICLE);
    await client.diagnostics(uri);
    const actions = await codeActions(uri, [], ['source.fixAll.nassaq']);
    assert.equal(actions.length, 1);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(applyTextEdits(ARTICLE, change.edits), FIXED);
  });

  it('applies a severity change made in an open nassaq.yaml without a restart', async () => {
    const uri = client.open(path.join(root, 'e.txt'), ARTICLE);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'tatweel' && d.severity === 1));
    const configUri = client.open(path.join(root, 'nassaq.yaml'), 'rules:\n  tatweel: hint\n', 1, 'yaml');
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'tatweel' && d.severity === 4));
    client.change(configUri, 2, 'rules:\n  tatweel: off\n');
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'tatweel'));
  });

  it('reports a broken nassaq.yaml at the broken line and keeps the last good configuration', async () => {
    const configUri = client.open(path.join(root, 'nassaq.yaml'), 'rules:\n  tatweel: warning\n', 3, 'yaml');
    const uri = client.open(path.join(root, 'f.txt'), ARTICLE);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'tatweel' && d.severity === 2));
    client.change(configUri, 4, 'rules:\n  tatweel: loud\n');
    const problems = await client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.equal(problems[0].range.start.line, 1);
    assert.match(String(problems[0].message), /Severity must be one of/);
    const kept = await client.diagnostics(uri);
    assert.ok(kept.some((d) => d.code === 'tatweel' && d.severity === 2), 'last good config still in force');
  });

  it('offers to accept a word, editing nassaq.yaml', async () => {
    const uri = client.open(path.join(root, 'g.txt'), ARTICLE);
    const [diagnostic] = (await client.diagnostics(uri)).filter((d) => d.code === 'tatweel');
    const accept = (await codeActions(uri, [diagnostic])).find((a) => a.title.startsWith('Accept'))!;
    assert.ok(accept, 'accept action');
    const change = accept.edit!.documentChanges![0] as TextDocumentEdit;
    assert.match(change.textDocument.uri, /nassaq\.yaml$/);
    assert.ok(editTexts(change.edits).some((t) => t.includes(`ال${TATWEEL}${TATWEEL}رئيس`)));
  });

  it('does not lint files outside the include globs', async () => {
    writeFileSync(path.join(root, 'nassaq.yaml'), 'include: ["articles/**/*.txt"]\n');
    const configUri = client.open(path.join(root, 'nassaq.yaml'), 'include: ["articles/**/*.txt"]\n', 10, 'yaml');
    const inside = client.open(path.join(root, 'articles', 'h.txt'), ARTICLE);
    const outside = client.open(path.join(root, 'notes.txt'), ARTICLE);
    assert.ok((await client.diagnostics(inside)).length > 0);
    assert.equal((await client.diagnostics(outside)).length, 0);
    void configUri;
  });

  function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    });
  }
});
