// Long requests honour $/cancelRequest: on a generated workspace of 2,000 small articles, each
// mentioning a registry actor and a name the corpus marks after a title, references of the marked
// name (which reads every file holding it) and rename of the actor (which reads every file
// mentioning it) answer a cancelled request with the RequestCancelled error, sooner than the
// same request runs to completion. No absolute timings: error codes and relative order only.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Location, type Position, type WorkspaceDiagnosticReport, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

const FILES = 2000;
const REGISTRY = 'actors:\n  - id: abdullah\n    name: محمد عبد الله\n    type: person\n';
const articleText = (i: number) => `قال المشير سالم القحطاني إن محمد عبد الله زار المدينة في اليوم ${i}.\nوأكد المشير سالم القحطاني أن الزيارة مهمة.\n`;

describe('cancelling long requests', () => {
  let root: string;
  let client: LspTestClient;
  let documentUri: string;
  let text: string;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-cancel-'));
    writeFileSync(path.join(root, 'actors.yaml'), REGISTRY);
    mkdirSync(path.join(root, 'news'));
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(root, 'news', `${String(i).padStart(4, '0')}.txt`), articleText(i));
    client = new LspTestClient();
    client.settings = { diagnostics: { scope: 'workspace' } };
    await client.initialize(root, { pull: true });
    assert.equal(await client.indexed(1), FILES);
    text = articleText(0);
    documentUri = client.open(path.join(root, 'news', '0000.txt'), text);
    const { actors } = (await client.connection.sendRequest('nassaq/actors', { query: 'القحطاني' })) as { actors: Array<{ name: string; registered: boolean }> };
    assert.ok(actors.some((a) => a.name === 'سالم القحطاني' && !a.registered), 'the marked name is known to the server');
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const at = (needle: string): Position => ({ line: 0, character: text.indexOf(needle) + 1 });

  /** Sends the request, cancels it `afterMs` later (never, when undefined); resolves with the outcome and how long it took. */
  async function timed<T>(method: string, params: unknown, afterMs?: number): Promise<{ result?: T; error?: ResponseError<unknown>; ms: number }> {
    const source = new CancellationTokenSource();
    const start = performance.now();
    const response = client.connection.sendRequest<T>(method, params, source.token);
    if (afterMs !== undefined) setTimeout(() => source.cancel(), afterMs);
    try {
      const result = await response;
      return { result, ms: performance.now() - start };
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
      return { error, ms: performance.now() - start };
    } finally {
      source.dispose();
    }
  }

  /** Runs the request to completion, then cancelled; the cancelled one fails with RequestCancelled and sooner. */
  async function checkCancellation(method: string, params: unknown, complete: (result: unknown) => void): Promise<void> {
    const full = await timed(method, params);
    assert.equal(full.error, undefined, `the uncancelled ${method} succeeds: ${full.error?.message}`);
    complete(full.result);
    const cancelled = await timed(method, params, 2);
    assert.ok(cancelled.error, `the cancelled ${method} fails instead of returning ${JSON.stringify(cancelled.result)?.slice(0, 200)}`);
    assert.equal(cancelled.error.code, LSPErrorCodes.RequestCancelled);
    assert.ok(cancelled.ms < full.ms, `the cancelled ${method} answered in ${cancelled.ms.toFixed(0)} ms, the complete one in ${full.ms.toFixed(0)} ms`);
    // The server still answers afterwards.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: at('محمد') });
  }

  it('cancels references of a marked name, which read every file holding it', async () => {
    await checkCancellation('textDocument/references', { textDocument: { uri: documentUri }, position: at('سالم'), context: { includeDeclaration: false } }, (result) => {
      assert.equal((result as Location[]).length, 2 * FILES);
    });
  });

  it('cancels a rename of a registry actor mentioned in every file', async () => {
    await checkCancellation('textDocument/rename', { textDocument: { uri: documentUri }, position: at('محمد'), newName: 'محمد عبدالله' }, (result) => {
      assert.equal((result as WorkspaceEdit).documentChanges!.length, FILES + 1);
    });
  });

  it('cancels a workspace diagnostic pull', async () => {
    await checkCancellation('workspace/diagnostic', { previousResultIds: [] }, (result) => {
      assert.equal((result as WorkspaceDiagnosticReport).items.length, FILES - 1);
    });
  });
});
