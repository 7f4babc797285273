// Actors as symbols in a real workbench: hover card, definition, references, rename, workspace
// symbols, the Actors view's commands ("Fix all spellings" is in edits.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateNassaq, applyTextEdits, article, fileUri, positionOf, rangeText, show, waitFor } from './helpers';

const NAME = 'إبراهيم النجار';
const VARIANT = 'ابراهيم النجار';
const HOSPITAL = '2025-02-hospital.txt';
const WATER = '2025-01-water.txt';
const VACCINES = '2025-03-vaccines.txt';

const base = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const where = (l: vscode.Location) => `${base(l.uri)}@${rangeText(l.range)}`;
const asLocation = (l: vscode.Location | vscode.LocationLink): vscode.Location =>
  'targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l;

describe('Nassaq in a real VS Code: actors', () => {
  let hospital: vscode.TextDocument;
  let namePosition: vscode.Position;

  before(async () => {
    await activateNassaq();
    hospital = (await show(article(HOSPITAL))).document;
    namePosition = positionOf(hospital, NAME, 3); // inside "إبراهيم" of the first line
    // The registry is read and the corpus indexed once a mention has a definition.
    await waitFor('the actor index', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', hospital.uri, namePosition);
      return found && found.length > 0 ? found : undefined;
    });
  });

  it('hover shows the actor card', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', hospital.uri, namePosition);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.ok(text.includes(NAME), `the card names the actor: ${text}`);
    assert.ok(text.includes('وزير الصحة'), `the card has the description: ${text}`);
    assert.match(text, /5 mentions in 3 articles/, text);
    assert.ok(text.includes(VARIANT), `the card lists the variant: ${text}`);
  });

  it('goes to the definition in actors.yaml', async () => {
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', hospital.uri, namePosition);
    assert.equal(found.length, 1, JSON.stringify(found));
    const target = asLocation(found[0]);
    assert.equal(target.uri.toString(), fileUri('actors.yaml').toString());
    const registry = await vscode.workspace.openTextDocument(target.uri);
    assert.match(registry.lineAt(target.range.start.line).text, new RegExp(`name: ${NAME}`));
  });

  it('finds references across files, opened or not', async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', hospital.uri, namePosition);
    const inArticles = found.filter((l) => l.uri.path.includes('/articles/')).map(where);
    // Name, alias (النجار) and variant mentions, in file then position order.
    assert.deepEqual(inArticles, [
      `${WATER}@1:16-1:30`,
      `${WATER}@2:6-2:20`,
      `${HOSPITAL}@0:17-0:31`,
      `${HOSPITAL}@2:5-2:11`,
      `${VACCINES}@0:13-0:27`,
    ]);
  });

  it('renames across files (the edit is checked, not applied)', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', hospital.uri, namePosition, 'إبراهيم النجّار الحلبي');
    assert.ok(edit, 'a rename edit');
    const entries = edit.entries();
    assert.deepEqual(entries.map(([uri]) => base(uri)).sort(), [WATER, HOSPITAL, VACCINES, 'actors.yaml'].sort());
    const after = async (name: string) => {
      const entry = entries.find(([uri]) => base(uri) === name);
      assert.ok(entry);
      return applyTextEdits(await vscode.workspace.openTextDocument(entry[0]), entry[1]);
    };
    assert.match(await after('actors.yaml'), /name: إبراهيم النجّار الحلبي\n/);
    const water = await after(WATER);
    assert.ok(water.includes('وقال وزير الصحة إبراهيم النجّار الحلبي إن'), water);
    assert.ok(water.includes('وأضاف إبراهيم النجّار الحلبي أن'), 'the variant is renamed too');
    const hospitalAfter = await after(HOSPITAL);
    assert.ok(hospitalAfter.startsWith('افتتح وزير الصحة إبراهيم النجّار الحلبي مستشفى'), hospitalAfter);
    assert.ok(hospitalAfter.includes('وأكد النجار أن'), 'aliases are left as they are');
    assert.ok((await after(VACCINES)).startsWith('التقى الوزير إبراهيم النجّار الحلبي وفدا'));
  });

  it('finds the actor among workspace symbols with a differently spelled query', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ابراهيم');
    const najjar = symbols.find((s) => s.name === NAME);
    assert.ok(najjar, `"${NAME}" among ${JSON.stringify(symbols.map((s) => s.name))}`);
    assert.equal(base(najjar.location.uri), 'actors.yaml');
  });

  it('has the Actors view and its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'nassaq.actors.focus', // the view itself (VS Code adds <view id>.focus for each contributed view)
      'nassaq.actors.refresh',
      'nassaq.actors.filter',
      'nassaq.actors.clearFilter',
      'nassaq.actors.openEntry',
      'nassaq.showActorMentions',
      'nassaq.addSelectionToActors',
    ]) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
    await vscode.commands.executeCommand('nassaq.actors.focus');
    await vscode.commands.executeCommand('nassaq.actors.refresh');
    // What the view shows is checked on screen by the UI smoke test (ui.test.ts).
  });
});
