// Tests that edit the corpus, run last: "Fix all spellings of <name> in the workspace", then a
// severity changed in nassaq.yaml (edited and saved through the API) changes the diagnostics of
// open articles without restarting anything; finally, no error notification was shown.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateNassaq, article, codeActions, diagnosticsWhere, fileUri, ruleId, show, waitFor } from './helpers';
import { errorNotifications, uiBridge } from './ui';

const NAME = 'إبراهيم النجار';
const VARIANT = 'ابراهيم النجار';

async function setTatweel(severity: string): Promise<void> {
  const config = await vscode.workspace.openTextDocument(fileUri('nassaq.yaml'));
  const text = config.getText();
  const updated = text.replace(/^( {2}tatweel:) \w+$/m, `$1 ${severity}`);
  assert.notEqual(updated, text, 'nassaq.yaml has a tatweel line to change');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(config.uri, new vscode.Range(config.positionAt(0), config.positionAt(text.length)), updated);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await config.save(), 'nassaq.yaml is saved');
}

describe('Nassaq in a real VS Code: workspace edits', () => {
  it('fixes all spellings of the actor in the workspace', async () => {
    const water = (await show(article('2025-01-water.txt'))).document;
    const diagnostics = await diagnosticsWhere(water.uri, 'actor-spelling', (d) => d.some((x) => ruleId(x) === 'actor-spelling'));
    const spelling = diagnostics.find((d) => ruleId(d) === 'actor-spelling');
    assert.ok(spelling);
    const actions = await codeActions(water.uri, spelling.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === `Write "${NAME}"`), 'the single-mention fix is offered');
    const all = actions.find((a) => a.title === `Fix all spellings of "${NAME}" in the workspace`);
    assert.ok(all?.command, `"Fix all spellings" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(all.command.command, 'nassaq.fixSpellingsInWorkspace');
    await vscode.commands.executeCommand(all.command.command, ...(all.command.arguments ?? []));
    // The water article is open; the vaccines article was not: both are edited.
    await waitFor('the water article fixed', () => !water.getText().includes(VARIANT));
    const vaccines = await vscode.workspace.openTextDocument(article('2025-03-vaccines.txt'));
    await waitFor('the vaccines article fixed', () => !vaccines.getText().includes(VARIANT));
    assert.ok(water.getText().includes(`وأضاف ${NAME} أن`));
    assert.ok(vaccines.getText().startsWith(`التقى الوزير ${NAME} وفدا`));
    await diagnosticsWhere(water.uri, 'no actor-spelling', (d) => !d.some((x) => ruleId(x) === 'actor-spelling'));
    await vscode.workspace.saveAll(false);
  });
});

describe('Nassaq in a real VS Code: configuration', () => {
  it('changes diagnostics when a severity changes in nassaq.yaml, without a restart', async () => {
    await activateNassaq();
    const uri = article('2025-01-water.txt');
    await show(uri);
    const tatweel = (d: vscode.Diagnostic[]) => d.find((x) => ruleId(x) === 'tatweel');
    await diagnosticsWhere(uri, 'tatweel as a warning', (d) => tatweel(d)?.severity === vscode.DiagnosticSeverity.Warning);
    await setTatweel('error');
    await diagnosticsWhere(uri, 'tatweel as an error', (d) => tatweel(d)?.severity === vscode.DiagnosticSeverity.Error);
    await setTatweel('off');
    const after = await diagnosticsWhere(uri, 'no tatweel', (d) => d.length > 0 && tatweel(d) === undefined);
    assert.ok(after.some((d) => ruleId(d) === 'latin-punctuation'), 'other rules still report');
    await setTatweel('warning');
    await diagnosticsWhere(uri, 'tatweel as a warning again', (d) => tatweel(d)?.severity === vscode.DiagnosticSeverity.Warning);
  });
});

describe('Nassaq in a real VS Code: the whole run', () => {
  it('left no error notification in the workbench', async function () {
    if (!uiBridge) this.skip();
    const errors = await errorNotifications();
    assert.deepEqual(errors, [], `error notifications: ${JSON.stringify(errors)}`);
  });
});
