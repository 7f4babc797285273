// UI smoke test: what a curator sees, checked on screen and saved as screenshots in
// test/e2e/screenshots/: an article with squiggles and the Problems panel beside the Actors view,
// a hover card, the Actors view. Fails if the workbench shows an error notification.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateNassaq, article, diagnosticsWhere, positionOf, ruleId, show, waitFor } from './helpers';
import { screenshot, texts, uiBridge } from './ui';

const NAME = 'إبراهيم النجار';

/** Waits until some element matching `selector` shows every one of `needles`; returns its text. */
function onScreen(what: string, selector: string, ...needles: string[]): Promise<string> {
  return waitFor(what, async () => (await texts(selector)).find((t) => needles.every((n) => t.includes(n))));
}

describe('Nassaq in a real VS Code: UI smoke test', function () {
  before(function () {
    if (!uiBridge) this.skip(); // desktop VS Code: no browser page to look at
  });

  it('shows squiggles, the Problems panel and the Actors view', async () => {
    await activateNassaq();
    // Room for the Actors view in the Explorer: hide the Outline and Timeline views.
    for (const view of ['outline', 'timeline']) await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
    await vscode.commands.executeCommand('nassaq.actors.focus');
    await onScreen('the Actors view with its groups', '.pane', 'People', NAME, 'Organizations', 'الأمم المتحدة', 'Places', 'بيروت');
    const actorsView = await onScreen('mention counts in the Actors view', '.pane', NAME, '5 mentions · 3 articles');
    assert.ok(actorsView.includes('Actors') || actorsView.includes('ACTORS'), actorsView);

    const editor = await show(article('2025-01-water.txt'));
    await diagnosticsWhere(editor.document.uri, 'the water article diagnostics', (d) => ['tatweel', 'merged-word', 'actor-spelling'].every((r) => d.some((x) => ruleId(x) === r)));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await waitFor('warning squiggles in the editor', async () => (await texts('.monaco-editor .squiggly-warning')).length >= 4);
    const problems = await onScreen('the Problems panel', '.markers-panel', "Words run together: 'الأممالمتحدة'", 'Tatweel', 'is written');
    assert.match(problems, /merged-word/);
    await screenshot('article-problems');
  });

  it('shows the hover card of an actor', async () => {
    const editor = await show(article('2025-02-hospital.txt'));
    const at = positionOf(editor.document, NAME, 3);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    await onScreen('the hover card', '.monaco-hover', NAME, 'وزير الصحة');
    await screenshot('hover');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('shows the Actors view', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('nassaq.actors.focus');
    await onScreen('the Actors view', '.pane', NAME, 'الأمم المتحدة', 'بيروت');
    await screenshot('actors-view');
  });
});
