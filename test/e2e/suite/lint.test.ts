// Activation, diagnostics at their ranges, quick fixes and fix-all on save, in a real workbench.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateNassaq,
  article,
  codeActions,
  describe as describeDiagnostics,
  diagnosticsWhere,
  EXTENSION_ID,
  rangeText,
  restore,
  ruleId,
  show,
  waitFor,
} from './helpers';

const WATER = '2025-01-water.txt';
const WEATHER = '2025-04-weather.txt';

/** What the fixture's water article must show: rule → range (0-based line:character) → text. */
const EXPECTED_WATER = [
  { rule: 'tatweel', range: '0:27-0:30', text: 'ـــ' },
  { rule: 'latin-punctuation', range: '0:75-0:76', text: ',' },
  { rule: 'merged-word', range: '0:85-0:97', text: 'الأممالمتحدة' },
  { rule: 'actor-spelling', range: '2:6-2:20', text: 'ابراهيم النجار' },
];

const hasAll = (diagnostics: vscode.Diagnostic[]) =>
  EXPECTED_WATER.every((e) => diagnostics.some((d) => ruleId(d) === e.rule && rangeText(d.range) === e.range));

describe('Nassaq in a real VS Code: linting', () => {
  it('activates on an article and starts the language server', async () => {
    await show(article(WATER));
    const api = await activateNassaq();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is active');
    await api.ready;
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['nassaq.restartServer', 'nassaq.showOutput', 'nassaq.rebuildIndex', 'nassaq.fixSpellingsInWorkspace']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
    // The server answers: the open article gets its diagnostics.
    await diagnosticsWhere(article(WATER), 'any Nassaq diagnostic', (d) => d.length > 0);
  });

  it('shows the expected rule ids at the expected ranges', async () => {
    const uri = article(WATER);
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await diagnosticsWhere(uri, 'tatweel, latin-punctuation, merged-word and actor-spelling', hasAll);
    for (const expected of EXPECTED_WATER) {
      const found = diagnostics.find((d) => ruleId(d) === expected.rule && rangeText(d.range) === expected.range);
      assert.ok(found, `${expected.rule} at ${expected.range} in ${describeDiagnostics(diagnostics)}`);
      assert.equal(document.getText(found.range), expected.text, `${expected.rule} covers "${expected.text}"`);
      assert.equal(found.severity, vscode.DiagnosticSeverity.Warning, `${expected.rule} is a warning`);
      assert.ok(typeof found.code === 'object' && String(found.code.target).includes(`#${expected.rule}`), `${expected.rule} links to its README section`);
    }
    const merged = diagnostics.find((d) => ruleId(d) === 'merged-word');
    assert.match(merged?.message ?? '', /الأمم المتحدة/);
    // Nothing else: the rest of the article is clean.
    assert.equal(diagnostics.length, EXPECTED_WATER.length, describeDiagnostics(diagnostics));
  });

  it('offers quick fixes whose edits give the expected text', async () => {
    const uri = article(WATER);
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const diagnostics = await diagnosticsWhere(uri, 'the water article diagnostics', hasAll);
    const merged = diagnostics.find((d) => ruleId(d) === 'merged-word');
    assert.ok(merged);
    const actions = await codeActions(uri, merged.range, vscode.CodeActionKind.QuickFix.value);
    const split = actions.find((a) => a.title === "Split into 'الأمم المتحدة'");
    assert.ok(split?.edit, `a "Split into" quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(split.isPreferred, 'the split is the preferred fix');
    try {
      assert.ok(await vscode.workspace.applyEdit(split.edit), 'the split applies');
      assert.equal(document.getText(), original.replace('الأممالمتحدة', 'الأمم المتحدة'));
      // The diagnostic goes away once the server has linted the new version.
      await diagnosticsWhere(uri, 'no merged-word', (d) => d.length > 0 && !d.some((x) => ruleId(x) === 'merged-word'));

      const comma = nassaqDiagnostic(uri, 'latin-punctuation');
      const replace = (await codeActions(uri, comma.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === "Replace with '،'");
      assert.ok(replace?.edit, 'a "Replace with \'،\'" quick fix');
      assert.ok(await vscode.workspace.applyEdit(replace.edit));
      assert.equal(document.lineAt(0).text.includes('في القرى، بدعم'), true, document.lineAt(0).text);
    } finally {
      await restore(document, original);
    }
  });

  it('runs source.fixAll.nassaq on save when editor.codeActionsOnSave asks for it', async () => {
    const uri = article(WEATHER);
    const settings = vscode.workspace.getConfiguration('editor', uri);
    await settings.update('codeActionsOnSave', { 'source.fixAll.nassaq': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await show(uri);
      const document = editor.document;
      await diagnosticsWhere(uri, 'tatweel and latin-punctuation', (d) => ['tatweel', 'latin-punctuation'].every((r) => d.some((x) => ruleId(x) === r)));
      // Make the document dirty with clean text (save needs a change to run its participants).
      const added = 'وتستمر الأمطار حتى يوم الأحد.\n';
      assert.ok(await editor.edit((builder) => builder.insert(document.lineAt(document.lineCount - 1).rangeIncludingLineBreak.end, added)));
      // The fix-all source action is offered for this version. Seen in about one run out of five:
      // the first request right after the edit (and the codeActionsOnSave change) answers no action,
      // and a save at that moment is not fixed. Wait until it is offered, and log when it was late.
      let attempts = 0;
      const fixAll = await waitFor('the source.fixAll.nassaq action', async () => {
        attempts++;
        const found = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.nassaq');
        return found.length > 0 ? found : undefined;
      }, 10_000);
      if (attempts > 1) console.log(`    (source.fixAll.nassaq was offered only at request ${attempts})`);
      assert.deepEqual(fixAll.map((a) => a.title), ['Fix all Nassaq problems in this file']);
      // Save as the user would: codeActionsOnSave applies the fix-all action.
      assert.ok(await document.save(), 'the article is saved');
      assert.equal(
        document.getText(),
        'قالت هيئة الأرصاد إن الطقس سيكون باردا، مع أمطار غزيرة في الشمال.\nويتوقع أن تتحسن الأحوال الجوية مع نهاية الأسبوع.\n' + added,
      );
      assert.equal(document.isDirty, false, 'the fixed text is what was saved');
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(onDisk, document.getText());
      await diagnosticsWhere(uri, 'no diagnostics after the fix', (d) => d.length === 0);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

function nassaqDiagnostic(uri: vscode.Uri, rule: string): vscode.Diagnostic {
  const found = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'nassaq' && ruleId(d) === rule);
  assert.ok(found, `a ${rule} diagnostic`);
  return found;
}
