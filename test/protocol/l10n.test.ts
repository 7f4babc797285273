// The server speaks the client's language: `initialize` with locale `ar` gives Arabic diagnostics,
// quick fix and code action titles, configuration problems and hover cards.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv = require('iconv-lite');
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

const TATWEEL = '\u0640';
const ARTICLE = `قال ال${TATWEEL}${TATWEEL}رئيس إن الو${TATWEEL}زير وصل.\n`;

describe('language server in Arabic', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-l10n-'));
    writeFileSync(path.join(root, 'nassaq.yaml'), 'rules:\n  tatweel: error\n  no-such-rule: warning\n');
    writeFileSync(path.join(root, 'actors.yaml'), 'actors:\n  - id: wazir\n    name: الوزير\n    type: person\n');
    client = new LspTestClient();
    await client.initialize(root, { locale: 'ar-EG' });
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only } });
  }

  it('writes diagnostics, quick fixes and code actions in Arabic', async () => {
    const uri = client.open(path.join(root, 'a.txt'), ARTICLE);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === 'tatweel');
    assert.equal(diagnostics[0].message, 'تطويل (كشيدة) في «الــرئيس»');
    const actions = await codeActions(uri, diagnostics);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('حذف التطويل: «الرئيس»'), titles.join(' | '));
    assert.ok(titles.includes('تصحيح كل مشكلات tatweel في هذا الملف (2)'), titles.join(' | '));
    assert.ok(titles.includes('قبول «الــرئيس» في هذه المدوّنة'), titles.join(' | '));
    const fixAll = await codeActions(uri, diagnostics, ['source.fixAll.nassaq']);
    assert.deepEqual(fixAll.map((a) => a.title), ['تصحيح كل مشكلات نسق في هذا الملف']);
  });

  it('reports nassaq.yaml problems in Arabic', async () => {
    const config = await client.diagnostics(client.open(path.join(root, 'nassaq.yaml'), 'rules:\n  tatweel: error\n  no-such-rule: warning\n'));
    assert.match(String(config[0].message), /^قاعدة غير معروفة «no-such-rule»/);
  });

  it('reports a file in another encoding in Arabic, with an Arabic Convert to UTF-8', async () => {
    const file = path.join(root, 'legacy.txt');
    writeFileSync(file, iconv.encode('قال الرئيس إن المحادثات في العاصمة مستمرة.\n', 'windows-1256'));
    const uri = client.open(file, readFileSync(file).toString('utf8'));
    const [diagnostic, ...more] = await client.diagnostics(uri);
    assert.deepEqual(more, []);
    assert.equal(diagnostic.code, 'encoding');
    assert.equal(diagnostic.message, 'الملف بترميز Windows-1256 لا UTF-8: لم يُدقَّق. حوّله إلى UTF-8 (بالتصحيح السريع أو بالأمر «nassaq convert»)');
    const actions = await codeActions(uri, [diagnostic]);
    assert.deepEqual(actions.map((a) => a.title), ['تحويل إلى UTF-8']);
  });

  it('writes hover cards in Arabic', async () => {
    const uri = client.open(path.join(root, 'b.txt'), 'وصل الوزير إلى المدينة.\n');
    await client.diagnostics(uri);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /· شخص ·/);
    assert.match(value, /\*\*ذُكر مرتين في مقالين\*\*/);
  });
});

describe('language chosen by the client setting', () => {
  it('speaks Arabic when initializationOptions.locale says so, whatever the display language', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nassaq-l10n-'));
    const client = new LspTestClient();
    try {
      await client.initialize(root, { locale: 'en-US', initializationOptions: { locale: 'ar' } });
      const uri = client.open(path.join(root, 'a.txt'), ARTICLE);
      const [diagnostic] = (await client.diagnostics(uri)).filter((d) => d.code === 'tatweel');
      assert.equal(diagnostic.message, 'تطويل (كشيدة) في «الــرئيس»');
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
