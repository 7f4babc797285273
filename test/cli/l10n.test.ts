// `nassaq check` in Arabic: with --locale ar, or from LANG/LC_ALL for text output; JSON and SARIF
// follow --locale only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chooseLocale } from '../../server/src/cli/main';
import { assertBuilt, linesOf, onlyRulesYaml, runCli, tempDir, TATWEEL, writeTree } from './helpers';

before(assertBuilt);

describe('nassaq check in Arabic', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  writeTree(dir, {
    'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }),
    'one.txt': `افتتح ال${TATWEEL}رئيس المعرض\n`,
    'two.txt': 'خبر قصير لا مشكلة فيه\n',
  });

  it('writes messages and the summary in Arabic with --locale ar', () => {
    const result = runCli(['check', '--locale', 'ar'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(linesOf(result.stdout), [
      'one.txt:1:9  warning  tatweel  تطويل (كشيدة) في «الـرئيس»',
      '✖ مشكلة واحدة (لا أخطاء، تحذير واحد، ملاحظات: 0) في 1 من أصل ملفين',
      '  يمكن تصحيح مشكلة واحدة تلقائيًا بالخيار ‎--fix',
    ]);
  });

  it('takes Arabic from the environment for text output, not for JSON', () => {
    assert.match(runCli(['check'], dir, { LANG: 'ar_EG.UTF-8' }).stdout, /تطويل \(كشيدة\)/);
    assert.match(runCli(['check'], dir, { LC_ALL: 'en_US.UTF-8', LANG: 'ar_EG.UTF-8' }).stdout, /Tatweel stretches/);
    assert.match(runCli(['check', '--format', 'json'], dir, { LANG: 'ar_EG.UTF-8' }).stdout, /Tatweel stretches/);
    assert.match(runCli(['check', '--format', 'sarif', '--locale', 'ar'], dir).stdout, /"text":"تطويل \(كشيدة\) في «الـرئيس»"/);
  });

  it('reports nassaq.yaml problems in Arabic and refuses an unknown locale', () => {
    writeTree(dir, { 'bad/nassaq.yaml': 'rules:\n  no-such-rule: warning\n', 'bad/a.txt': 'خبر\n' });
    assert.match(runCli(['check', 'bad', '--locale', 'ar'], dir).stderr, /قاعدة غير معروفة «no-such-rule»/);
    const wrong = runCli(['check', '--locale', 'fr'], dir);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /unknown locale 'fr'/);
  });

  it('chooses the locale: option, then LC_ALL, LC_MESSAGES, LANG', () => {
    assert.equal(chooseLocale(undefined, 'text', { LC_MESSAGES: 'ar_SA', LANG: 'en_US' }), 'ar');
    assert.equal(chooseLocale(undefined, 'text', { LC_ALL: '', LANG: 'ar' }), 'ar');
    assert.equal(chooseLocale(undefined, 'text', {}), 'en');
    assert.equal(chooseLocale('en', 'text', { LANG: 'ar' }), 'en');
    assert.equal(chooseLocale(undefined, 'sarif', { LANG: 'ar' }), 'en');
  });
});
