// Every message template used in the code has an Arabic entry whose placeholders match; the
// catalog holds no entry the code no longer uses; Arabic comes out of the core when asked for.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseRegistry } from '../../server/src/core/actors/registry';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { parseConfig } from '../../server/src/core/config/parse';
import { displayMessage, lintText } from '../../server/src/core/engine';
import { format, localeOf, makeTranslator, translator, type CatalogEntry } from '../../server/src/core/l10n';
import { AR } from '../../server/src/core/l10n/ar';
import { RULES } from '../../server/src/core/rules';
import { placeholders, scanTemplates, sourceFiles } from '../support/l10n-templates';

const ROOT = path.resolve(__dirname, '../..');
const scan = scanTemplates(sourceFiles(path.join(ROOT, 'server/src')), ROOT);

function forms(entry: CatalogEntry): string[] {
  return typeof entry === 'string' ? [entry] : Object.values(entry).filter((f): f is string => typeof f === 'string');
}

describe('l10n catalogs', () => {
  it('finds the templates in the sources', () => {
    assert.ok(scan.uses.length > 100, `only ${scan.uses.length} templates found`);
  });

  it('every template is a literal at its call', () => {
    assert.deepEqual(scan.dynamic, []);
  });

  it('every template has an Arabic entry', () => {
    const missing = scan.uses.filter((use) => AR[use.template] === undefined).map((use) => `${use.file}:${use.line}  ${use.template}`);
    assert.deepEqual(missing, []);
  });

  it('Arabic entries keep the placeholders of their English template', () => {
    const wrong: string[] = [];
    for (const use of scan.uses) {
      const entry = AR[use.template];
      if (entry === undefined) continue;
      const english = placeholders(use.template).join();
      if (typeof entry === 'string') {
        if (placeholders(entry).join() !== english) wrong.push(`${use.template} → ${entry}`);
        continue;
      }
      // Counts: the general form has every placeholder; a form for one or two may spell the count out.
      if (use.one === undefined) wrong.push(`${use.template}: plural forms for a template not used with t.plural`);
      if (placeholders(entry.other).join() !== english) wrong.push(`${use.template} → ${entry.other}`);
      for (const form of forms(entry)) if (placeholders(form).some((p) => !english.includes(p))) wrong.push(`${use.template} → ${form}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('the Arabic catalog has no entry the code does not use', () => {
    const used = new Set(scan.uses.map((use) => use.template));
    assert.deepEqual(Object.keys(AR).filter((key) => !used.has(key)), []);
  });

  it('Arabic entries are Arabic', () => {
    const untranslated = Object.entries(AR).filter(([key, entry]) => /[a-z]{3}/i.test(key) && !forms(entry).every((f) => /[\u0621-\u064a]/.test(f)));
    assert.deepEqual(untranslated.map(([key]) => key), []);
  });
});

describe('translator', () => {
  it('fills placeholders and falls back to English', () => {
    assert.equal(format('{1} then {0}, {2}', ['a', 2]), '2 then a, {2}');
    const t = makeTranslator('ar', { 'Hello {0}': 'مرحبا {0}' });
    assert.equal(t('Hello {0}', 'x'), 'مرحبا x');
    assert.equal(t('Missing {0}', 'x'), 'Missing x');
    assert.equal(translator('en')("Tatweel stretches '{0}'", 'x'), "Tatweel stretches 'x'");
  });

  it('chooses the Arabic plural form', () => {
    const t = translator('ar');
    assert.deepEqual([1, 2, 3, 11, 100].map((n) => t.plural(n, '{0} file', '{0} files')), ['ملف واحد', 'ملفين', '3 ملفات', '11 ملفًا', '100 ملف']);
    assert.deepEqual([1, 2].map((n) => translator('en').plural(n, '{0} file', '{0} files')), ['1 file', '2 files']);
  });

  it('reads locales from language tags and POSIX locales', () => {
    assert.deepEqual(['ar', 'ar-EG', 'ar_SA.UTF-8', 'AR', 'en-US', 'fr', 'arn', 'C.UTF-8', 'POSIX', '', undefined].map(localeOf), ['ar', 'ar', 'ar', 'ar', 'en', 'en', 'en', undefined, undefined, undefined, undefined]);
  });
});

describe('Arabic from the core', () => {
  it('rules write their messages and fix titles in the locale asked for', () => {
    const text = 'قال الــرئيس في في المؤتمر';
    const english = lintText(text, DEFAULT_CONFIG);
    const arabic = lintText(text, DEFAULT_CONFIG, { locale: 'ar' });
    assert.deepEqual(arabic.map((f) => f.ruleId), english.map((f) => f.ruleId));
    const tatweel = arabic.find((f) => f.ruleId === 'tatweel')!;
    assert.equal(tatweel.message, 'تطويل (كشيدة) في «الــرئيس»');
    assert.equal(tatweel.fixes[0].title, 'حذف التطويل: «الرئيس»');
    assert.equal(arabic.find((f) => f.ruleId === 'repeated-word')!.message, 'كلمة مكررة «في»');
    assert.equal(english.find((f) => f.ruleId === 'tatweel')!.message, "Tatweel stretches 'الــرئيس'");
  });

  it('says why a fix is not automatic in Arabic', () => {
    const [finding] = lintText('بلغ 1,000 دينار و٥ ملايين و٦ آلاف و٧ قتلى', { ...DEFAULT_CONFIG, rules: { 'mixed-digits': { severity: 'warning', options: { digits: 'arabic-indic' } } } }, { only: ['mixed-digits'], locale: 'ar' });
    assert.ok(finding.unsafeFixReason);
    assert.match(displayMessage(finding, translator('ar')), /لا يُصحَّح تلقائيًا: الفاصل في «1,000»/);
  });

  it('configuration and registry problems come out in Arabic', () => {
    const config = parseConfig('rules:\n  no-such-rule: warning\n', RULES, translator('ar'));
    assert.match(config.problems[0].message, /^قاعدة غير معروفة «no-such-rule»/);
    const registry = parseRegistry('actors:\n  - id: a\n    name: علي\n', translator('ar'));
    assert.equal(registry.problems[0].message, 'ينقص هذا العلَم «type»');
  });
});
