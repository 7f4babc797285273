// The server and the CLI are two front ends on one engine: on the sample corpus, the server
// publishes exactly the findings the CLI reports, and its fix-all gives the CLI's --fix result.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspTestClient } from '../support/lsp-client';

const REPO = path.resolve(__dirname, '../..');
const SAMPLES = path.join(REPO, 'samples');
const CLI = path.join(REPO, 'dist/cli.js');
const BOM = '\uFEFF';

interface CliDiagnostic {
  file: string;
  rule: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function readArticle(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.startsWith(BOM) ? text.slice(1) : text; // as VS Code hands it to the server
}

function runCli(args: string[], cwd: string): string {
  try {
    return execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout: string }).stdout; // exit code 1 = error-level findings
  }
}

describe('samples: server and CLI agree', () => {
  let client: LspTestClient;
  const articles = readdirSync(path.join(SAMPLES, 'articles')).filter((f) => f.endsWith('.txt'));
  const cli = JSON.parse(runCli(['check', 'samples', '--format', 'json'], REPO)) as { diagnostics: CliDiagnostic[] };

  before(async () => {
    client = new LspTestClient();
    await client.initialize(SAMPLES);
    await client.indexed(1); // the CLI sees the whole corpus; so must the server
  });

  after(() => client.stop());

  it('the CLI reports every rule of the catalogue on the samples', () => {
    const { rules } = JSON.parse(runCli(['rules', '--format', 'json'], REPO)) as { rules: Array<{ id: string }> };
    const reported = new Set(cli.diagnostics.map((d) => d.rule));
    assert.deepEqual(rules.map((r) => r.id).filter((id) => !reported.has(id)), []);
  });

  for (const name of articles) {
    it(`${name}: same findings over LSP as from the CLI`, async () => {
      const file = path.join(SAMPLES, 'articles', name);
      const uri = client.open(file, readArticle(file));
      const published = await client.diagnostics(uri);
      const fromServer = published.map((d) => `${d.code} ${JSON.stringify(d.range)}`).sort();
      const fromCli = cli.diagnostics.filter((d) => d.file === `samples/articles/${name}`).map((d) => `${d.rule} ${JSON.stringify(d.range)}`).sort();
      assert.deepEqual(fromServer, fromCli);
    });
  }

  it('fix-all over LSP gives the same text as nassaq check --fix', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'nassaq-samples-'));
    try {
      cpSync(SAMPLES, copy, { recursive: true });
      runCli(['check', '.', '--fix'], copy);
      for (const name of articles) {
        const file = path.join(SAMPLES, 'articles', name);
        const text = readArticle(file);
        const uri = client.open(file, text, 7);
        await client.diagnostics(uri, (p) => p.version === 7);
        const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.nassaq'] },
        });
        const edits = actions.length ? (actions[0].edit!.documentChanges![0] as TextDocumentEdit).edits : [];
        assert.equal(applyTextEdits(text, edits), readArticle(path.join(copy, 'articles', name)), name);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
