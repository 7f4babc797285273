// Actors as symbols over a real JSON-RPC connection (stdio): definition, references, hover,
// rename, symbols, semantic tokens and completion on the sample corpus and its actors.yaml, and
// the registry's own diagnostics and "Add to actors.yaml" on a temporary corpus. Expected
// positions are found by searching the files' text, not by asking the server's matcher.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, Location, Range, SemanticTokens, SymbolInformation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspTestClient, serverOnCorpus, uri } from '../support/lsp-client';

const SAMPLES = path.resolve(__dirname, '../../samples');
const REGISTRY = path.join(SAMPLES, 'actors.yaml');
const article = (name: string) => path.join(SAMPLES, 'articles', name);
const read = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

/** The range of the `nth` occurrence of `needle` in a file, skipping `skip` code units of it. */
function rangeOf(file: string, needle: string, nth = 0, skip = 0): Range {
  const text = read(file);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} #${nth} in ${file}`);
  const at = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split(/\r\n|\r|\n/).length - 1;
    return { line, character: o - (Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1) };
  };
  return { start: at(offset + skip), end: at(offset + needle.length) };
}

function location(file: string, needle: string, nth = 0, skip = 0): Location {
  return { uri: uri(file), range: rangeOf(file, needle, nth, skip) };
}

describe('actors over LSP on the sample corpus', () => {
  let client: LspTestClient;
  const energy = article('2024-05-energy.txt');
  const summit = article('2024-05-summit.txt');
  const diplomacy = article('2024-05-diplomacy.txt');

  before(async () => {
    client = new LspTestClient();
    const init = await client.initialize(SAMPLES);
    assert.ok(init.capabilities.definitionProvider && init.capabilities.referencesProvider && init.capabilities.renameProvider);
    assert.deepEqual(init.capabilities.semanticTokensProvider?.legend.tokenTypes, ['person', 'organization', 'place', 'actor']);
    await client.indexed(1);
    for (const file of [energy, summit]) client.open(file, read(file));
  });

  after(async () => {
    await client.stop();
  });

  it('goes from a mention with a proclitic to the registry entry', async () => {
    const mention = rangeOf(energy, 'والاتحاد الأوروبي');
    const position = { line: mention.start.line, character: mention.start.character + 4 };
    const definition: Location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri(energy) }, position });
    assert.deepEqual(definition, location(REGISTRY, 'الاتحاد الأوروبي'));
  });

  it('lists every mention across files, a variant spelling included, in file then position order', async () => {
    const position = rangeOf(summit, 'فايز الحداد').start;
    const references: Location[] = await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uri(summit) }, position, context: { includeDeclaration: true } });
    assert.deepEqual(references, [
      location(REGISTRY, 'فايز الحداد'),
      location(diplomacy, 'فايز الحداد'),
      location(energy, 'فائز الحداد'),
      location(energy, 'فايز الحداد'),
      location(summit, 'فايز الحداد'),
      location(summit, 'فايز الحداد', 1),
    ]);
  });

  it('finds references from the registry entry', async () => {
    const position = rangeOf(REGISTRY, 'id: un').start;
    client.open(REGISTRY, read(REGISTRY), 1, 'yaml');
    const references: Location[] = await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uri(REGISTRY) }, position, context: { includeDeclaration: false } });
    assert.deepEqual(references, [location(diplomacy, 'الأمم المتحدة'), location(energy, 'الأمم المتحدة'), location(summit, 'للأمم المتحدة', 0, 1)]);
  });

  it('shows a hover card with the counts, spellings, companions and articles', async () => {
    const position = rangeOf(energy, 'فائز الحداد').start;
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(energy) }, position });
    const value = (hover.contents as { value: string }).value;
    assert.deepEqual(hover.range, rangeOf(energy, 'فائز الحداد'));
    assert.match(value, /^\*\*\u2067فايز الحداد\u2069\*\* · person · `haddad`/);
    assert.match(value, /\u2067رئيس الوزراء\u2069/);
    assert.match(value, /- Known variants:\n {4}- \u2067فائز الحداد\u2069\n/);
    assert.match(value, /\*\*5 mentions in 3 articles\*\*/);
    // One Arabic run per line, the count first, so mixed directions cannot reorder them.
    assert.match(value, /- Written:\n {4}- ×4 \u2067فايز الحداد\u2069\n {4}- ×1 \u2067فائز الحداد\u2069\n/);
    assert.match(value, /- Often with:\n {4}- 3 articles: \u2067عبد المجيد الناصري\u2069\n/);
    assert.match(value, /First in \[2024\\-05\\-diplomacy\\\.txt\]\(file:.*2024-05-diplomacy\.txt\), latest in \[2024\\-05\\-summit\\\.txt\]/);
  });

  it('renames an actor in the registry and in every mention, keeping proclitics', async () => {
    const position = rangeOf(summit, 'للأمم المتحدة', 0, 2).start;
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri(summit) }, position })) as { range: Range; placeholder: string };
    assert.equal(prepared.placeholder, 'الأمم المتحدة');
    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri(summit) }, position, newName: 'المنظمة الدولية' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    const after = new Map(changes.map((c) => [c.textDocument.uri, applyTextEdits(read(path.normalize(new URL(c.textDocument.uri).pathname)), c.edits)]));
    assert.deepEqual([...after.keys()].sort(), [REGISTRY, diplomacy, energy, summit].map(uri).sort());
    assert.match(after.get(uri(REGISTRY))!, /- id: un\n {4}name: المنظمة الدولية\n/);
    assert.match(after.get(uri(summit))!, /الأمين العام للمنظمة الدولية في نيويورك/);
    assert.match(after.get(uri(energy))!, /شركائها في المنظمة الدولية والاتحاد الأوروبي/);
    for (const text of after.values()) assert.doesNotMatch(text, /الأمم المتحدة/);
    // Open documents are edited at their version; files on disk carry none.
    assert.equal(changes.find((c) => c.textDocument.uri === uri(summit))!.textDocument.version, 1);
    assert.equal(changes.find((c) => c.textDocument.uri === uri(diplomacy))!.textDocument.version, null);
  });

  it('refuses to rename what is not an actor, with a reason', async () => {
    await assert.rejects(
      client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri(summit) }, position: { line: 0, character: 1 } }),
      /Not an actor/,
    );
  });

  it('finds actors by a different spelling of their name', async () => {
    const symbols: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'فائز' });
    assert.deepEqual(symbols.map((s) => [s.name, s.location]), [['فايز الحداد', location(REGISTRY, 'فايز الحداد')]]);
  });

  it('colours the names of a known line by type, marking a variant spelling', async () => {
    const tokens: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri(summit) } });
    const decoded: Array<[number, number, number, number, number]> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      decoded.push([line, character, tokens.data[i + 2], tokens.data[i + 3], tokens.data[i + 4]]);
    }
    const joined = rangeOf(summit, 'عبدالمجيد الناصري');
    // Line 2: a person written as a compound joined (a spelling other than the registry's: modifier 'variant' = 2).
    assert.deepEqual(
      decoded.filter(([l]) => l === joined.start.line),
      [[joined.start.line, joined.start.character, 'عبدالمجيد الناصري'.length, 0, 2]],
    );
  });

  it('outlines the actors of an article by type', async () => {
    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(summit) } });
    assert.deepEqual(
      symbols.map((g) => [g.name, g.children?.map((c) => `${c.name} (${c.detail})`)]),
      [
        ['People', ['فايز الحداد (2 mentions)', 'عبد المجيد الناصري (1 mention)']],
        ['Organizations', ['الأمم المتحدة (1 mention)']],
        ['Places', ['نيويورك (1 mention)']],
      ],
    );
  });

  it('highlights the mentions of the actor in the file', async () => {
    const highlights: Array<{ range: Range }> = await client.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri: uri(summit) }, position: rangeOf(summit, 'فايز الحداد', 1).start });
    assert.deepEqual(highlights.map((h) => h.range), [rangeOf(summit, 'فايز الحداد'), rangeOf(summit, 'فايز الحداد', 1)]);
  });

  it('completes actor names in any spelling, after a proclitic', async () => {
    const file = path.join(SAMPLES, 'articles', 'new-draft.txt');
    const documentUri = client.open(file, 'وقال وفائ');
    const items: CompletionItem[] = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: documentUri }, position: { line: 0, character: 9 } });
    const haddad = items.find((i) => i.label === 'فايز الحداد');
    assert.ok(haddad, JSON.stringify(items.map((i) => i.label)));
    assert.deepEqual((haddad.textEdit as { range: Range }).range, { start: { line: 0, character: 6 }, end: { line: 0, character: 9 } });
  });

  it('answers the Actors view', async () => {
    const { actors } = (await client.connection.sendRequest('nassaq/actors', { query: 'الناصرى' })) as { actors: Array<{ id?: string; mentions: number; files: number; registered: boolean }> };
    assert.deepEqual(actors.map((a) => [a.id, a.mentions, a.files, a.registered]), [['nasiri', 4, 3, true]]);
  });
});

describe('the registry and unregistered actors over LSP', () => {
  const registryText = 'actors:\n  - id: qahtani\n    name: سالم القحطاني\n    type: person\n';
  let corpus: Awaited<ReturnType<typeof serverOnCorpus>>;
  let client: LspTestClient;
  const file = (name: string) => corpus.file(name);

  before(async () => {
    corpus = await serverOnCorpus('nassaq-actors-', {
      'a.txt': 'قال المشير خالد العنزي إن الوضع مستقر، وأكد سالم القحطاني ذلك.\n',
      'b.txt': 'أكد المشير خالد العنزي أن الجيش جاهز.\n',
      'c.txt': 'نقل عن المشير خالد العنزي قوله إن الحدود آمنة، وعن خالد العنزي أيضا.\n',
      'actors.yaml': registryText,
    });
    client = corpus.client;
  });

  after(() => corpus.stop());

  it('gives an unregistered name its first mention as definition, its mentions as references, and an action to register it', async () => {
    const c = client.open(file('c.txt'), readFileSync(file('c.txt'), 'utf8'));
    const position = rangeOf(file('c.txt'), 'خالد العنزي', 1).start;
    const definition: Location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: c }, position });
    assert.deepEqual(definition, location(file('a.txt'), 'خالد العنزي'));
    const references: Location[] = await client.connection.sendRequest('textDocument/references', { textDocument: { uri: c }, position, context: { includeDeclaration: true } });
    assert.deepEqual(references, [location(file('a.txt'), 'خالد العنزي'), location(file('b.txt'), 'خالد العنزي'), location(file('c.txt'), 'خالد العنزي'), location(file('c.txt'), 'خالد العنزي', 1)]);
    const range = { start: position, end: position };
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: c }, range, context: { diagnostics: [] } });
    const add = actions.find((a) => a.title === 'Add "خالد العنزي" to actors.yaml');
    assert.ok(add?.edit, JSON.stringify(actions.map((a) => a.title)));
    const [change] = add.edit.documentChanges as TextDocumentEdit[];
    assert.equal(applyTextEdits(registryText, change.edits), `${registryText}  - id: خالد-العنزي\n    name: خالد العنزي\n    type: person\n`);
  });

  it('leaves alone, and reports, a file that changed on disk after it was indexed when renaming', async () => {
    // No watcher event: the index still holds the old text of a.txt.
    writeFileSync(file('a.txt'), 'نص جديد لم يُفهرس بعد، وفيه سالم القحطاني.\n');
    const registry = client.open(file('actors.yaml'), registryText, 1, 'yaml');
    const position = rangeOf(file('actors.yaml'), 'سالم القحطاني').start;
    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: registry }, position, newName: 'سالم بن علي القحطاني' });
    assert.deepEqual((edit.documentChanges as TextDocumentEdit[]).map((c) => c.textDocument.uri), [registry]);
    await client.waitFor(() => client.messages.some((m) => m.includes('left alone')), 'the warning');
    assert.ok(client.messages.some((m) => m.includes('1 file changed on disk since they were indexed') && m.includes(file('a.txt'))), client.messages.join('\n'));
  });

  it('reports registry problems in actors.yaml and keeps the last good registry', async () => {
    const registry = client.open(file('actors.yaml'), `${registryText}  - id: qahtani\n    name: سالم\n    type: place\n  - id: x\n    name: خالد\n    type: robot\n`, 1, 'yaml');
    const diagnostics = await client.diagnostics(registry, (p) => p.diagnostics.length >= 2);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.message]).sort(), [
      [4, "Duplicate id 'qahtani' (first used on line 2)"],
      [9, "'type' must be one of: person, organization, place, other"],
    ]);
    client.change(registry, 2, `${registryText}  - id: [broken\n`);
    const broken = await client.diagnostics(registry, (p) => p.diagnostics.some((d) => d.severity === 1 && !String(d.message).startsWith('Duplicate') && !String(d.message).startsWith("'type'")));
    assert.ok(broken.length > 0);
    const a = client.open(file('a.txt'), readFileSync(file('a.txt'), 'utf8'));
    const definition: Location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: a }, position: rangeOf(file('a.txt'), 'سالم القحطاني').start });
    assert.deepEqual(definition, { uri: registry, range: rangeOf(file('actors.yaml'), 'سالم القحطاني') });
  });
});
