// `nassaq check` in Arabic: with --locale ar, or from LANG/LC_ALL for text output; JSON and SARIF
// follow --locale only. The same for skip reasons, `nassaq convert`, `nassaq rules`, usage errors
// and --help.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv = require('iconv-lite');
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

describe('bad input, convert, rules, usage and help in Arabic', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const article = 'قال الرئيس إن المحادثات مستمرة في العاصمة، وأضاف أن الوضع مستقر.\n';
  writeTree(dir, {
    'nassaq.yaml': onlyRulesYaml({ tatweel: 'warning' }),
    'good.txt': article,
    'legacy.txt': iconv.encode(article, 'windows-1256'),
  });

  it('says why a Windows-1256 file is skipped in Arabic with --locale ar', () => {
    const result = runCli(['check', '--locale', 'ar'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^legacy\.txt: تُرك: الملف بترميز Windows-1256 لا UTF-8$/m);
    assert.match(runCli(['check'], dir).stderr, /^legacy\.txt: skipped: file is Windows-1256, not UTF-8$/m);
    assert.match(runCli(['check', '--format', 'json', '--locale', 'ar'], dir).stdout, /"reason":"الملف بترميز Windows-1256 لا UTF-8"/);
    assert.match(runCli(['check', '--format', 'json'], dir, { LANG: 'ar_EG.UTF-8' }).stdout, /"reason":"file is Windows-1256, not UTF-8"/);
  });

  it('reports a dry-run conversion in Arabic', () => {
    const result = runCli(['convert', '--dry-run', '--locale', 'ar'], dir);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), ['legacy.txt: سيُحوَّل من Windows-1256 إلى UTF-8', 'سيُحوَّل ملف واحد إلى UTF-8 (ملف واحد بترميز UTF-8 أصلًا)']);
  });

  it('describes the rules in Arabic, JSON only with --locale', () => {
    const text = runCli(['rules', '--locale', 'ar'], dir).stdout;
    assert.match(text, /^tatweel +warning +نعم +كشيدة \(تطويل، U\+0640\) تمدّ الحروف داخل الكلمة\.$/m);
    assert.match(runCli(['rules'], dir, { LANG: 'ar_EG.UTF-8' }).stdout, /^القاعدة +الدرجة/);
    const english = JSON.parse(runCli(['rules', '--format', 'json'], dir, { LANG: 'ar_EG.UTF-8' }).stdout);
    assert.match(english.rules.find((r: { id: string }) => r.id === 'tatweel').description, /^Kashida/);
    const arabic = JSON.parse(runCli(['rules', '--format', 'json', '--locale', 'ar'], dir).stdout);
    const mixed = arabic.rules.find((r: { id: string }) => r.id === 'mixed-digits');
    assert.match(mixed.description, /^أعداد مكتوبة/);
    assert.match(mixed.options.digits.description, /«dominant»/);
    assert.deepEqual(mixed.options.digits.values, ['dominant', 'western', 'arabic-indic', 'persian']);
  });

  it('writes usage errors and --help in Arabic', () => {
    const unknown = runCli(['frobnicate', '--locale', 'ar'], dir);
    assert.equal(unknown.status, 2);
    assert.deepEqual(linesOf(unknown.stderr), ['nassaq: أمر غير معروف «frobnicate»؛ الأوامر المعروفة: check وstats وconvert وrules', 'شغّل «nassaq --help» لمعرفة طريقة الاستعمال.']);
    assert.match(runCli(['check', '--bogus'], dir, { LANG: 'ar_EG.UTF-8' }).stderr, /^nassaq: خيار غير معروف «--bogus»$/m);
    assert.match(runCli(['check', '--bogus'], dir).stderr, /^nassaq: unknown option '--bogus'$/m);
    const help = runCli(['--help', '--locale', 'ar'], dir).stdout;
    assert.match(help, /^الاستعمال: nassaq <command> \[options\]$/m);
    assert.match(help, /^ {6}--dry-run {10}الاكتفاء بسرد الملفات التي ستُحوَّل$/m);
  });
});
