// Cross-file findings over LSP: editing one article changes the majority spelling of a name,
// and the diagnostics of another open article follow; "fix all spellings" edits every file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, serverOnCorpus, uri, type LspTestClient } from '../support/lsp-client';

const A = 'قال رئيس الوزراء فايز الحداد إن الحكومة ستدعم المزارعين.\n';
const B = 'التقى رئيس الوزراء فايز الحداد وفدا من رجال الأعمال.\n';
const C = 'أكد رئيس الوزراء فائز الحداد أن الاقتصاد يتعافى.\n';
const A_FLIPPED = 'قال رئيس الوزراء فائز الحداد إن الحكومة ستدعم المزارعين، وأضاف فائز الحداد أن الدعم سيستمر.\n';

describe('actor spelling across files over LSP', () => {
  let corpus: Awaited<ReturnType<typeof serverOnCorpus>>;
  let client: LspTestClient;
  const file = (name: string) => corpus.file(name);

  before(async () => {
    corpus = await serverOnCorpus('nassaq-names-', { 'a.txt': A, 'b.txt': B, 'c.txt': C });
    client = corpus.client;
  });

  after(() => corpus.stop());

  it('reports the minority spelling in an open article, with the counts', async () => {
    const c = client.open(file('c.txt'), C);
    const [diagnostic] = (await client.diagnostics(c)).filter((d) => d.code === 'actor-spelling');
    assert.ok(diagnostic, 'an actor-spelling diagnostic');
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 17 }, end: { line: 0, character: 28 } });
    assert.match(String(diagnostic.message), /"فايز الحداد" in 2 of 3 mentions across 2 files/);
    // Related information points to the canonical spelling in the other articles.
    assert.deepEqual(
      diagnostic.relatedInformation?.map((r) => [r.location.uri, r.location.range.start, r.message]),
      [
        [uri(file('a.txt')), { line: 0, character: 17 }, '"فايز الحداد" in a.txt'],
        [uri(file('b.txt')), { line: 0, character: 19 }, '"فايز الحداد" in b.txt'],
      ],
    );
  });

  it('re-diagnoses the open article when an edit elsewhere flips the majority', async () => {
    const c = uri(file('c.txt'));
    const a = client.open(file('a.txt'), A);
    client.change(a, 2, A_FLIPPED);
    const now = await client.diagnostics(c, (p) => !p.diagnostics.some((d) => d.code === 'actor-spelling'));
    assert.equal(now.filter((d) => d.code === 'actor-spelling').length, 0);
    const b = client.open(file('b.txt'), B);
    const [flipped] = (await client.diagnostics(b)).filter((d) => d.code === 'actor-spelling');
    assert.match(String(flipped.message), /"فائز الحداد" in 3 of 4 mentions/);
  });

  it('fixes every spelling of the name in the workspace with one edit', async () => {
    const b = uri(file('b.txt'));
    const [diagnostic] = (await client.diagnostics(b)).filter((d) => d.code === 'actor-spelling');
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: b }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fixAll = actions.find((a) => a.title.startsWith('Fix all spellings'));
    assert.ok(fixAll?.command, 'a workspace-wide action');
    const result = await client.connection.sendRequest<{ files: number }>('workspace/executeCommand', { command: fixAll.command.command, arguments: fixAll.command.arguments });
    assert.equal(result.files, 1, 'only b.txt still writes the minority spelling');
    const edit = client.appliedEdits.at(-1)!.edit as WorkspaceEdit;
    const change = edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, b);
    assert.equal(change.textDocument.version, 1, 'versioned: the open buffer');
    assert.equal(applyTextEdits(B, change.edits), B.replace('فايز', 'فائز'));
  });
});
