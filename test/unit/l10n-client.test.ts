// The VS Code side in Arabic: every vscode.l10n.t template of client/src has an entry in
// l10n/bundle.l10n.ar.json with the same placeholders, and the bundle has no entry the code does
// not use; every %key% of package.json is in package.nls.json and package.nls.ar.json, and the
// manifest's user-facing strings all go through them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { PLURAL_CATEGORIES, pluralMessage } from '../../client/src/plural';
import { format } from '../../server/src/core/l10n';
import { placeholders, scanTemplates, sourceFiles, type TemplateUse } from '../support/l10n-templates';

const ROOT = path.resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const ARABIC = /[\u0621-\u064a]/;

// client/src/l10n.ts is the counting helper: it passes the templates it is given on to vscode.l10n.t.
const scan = scanTemplates(
  sourceFiles(path.join(ROOT, 'client/src')).filter((file) => path.basename(file) !== 'l10n.ts'),
  ROOT,
  { pluralFunctions: ['plural'] },
);
const BUNDLE = readJson('l10n/bundle.l10n.ar.json') as Record<string, string>;
const keyOf = (use: TemplateUse): string => (use.comment === undefined ? use.template : `${use.template}/${use.comment}`);
const where = (use: TemplateUse): string => `${use.file}:${use.line}  ${keyOf(use)}`;

describe('client l10n bundle', () => {
  it('finds the templates of client/src', () => {
    assert.ok(scan.uses.length > 40, `only ${scan.uses.length} templates found`);
    assert.ok(scan.uses.some((use) => use.one !== undefined) && scan.uses.some((use) => use.comment !== undefined));
  });

  it('every template is a literal at its call', () => {
    assert.deepEqual(scan.dynamic, []);
  });

  it('every template has an Arabic entry', () => {
    assert.deepEqual(scan.uses.filter((use) => typeof BUNDLE[keyOf(use)] !== 'string').map(where), []);
  });

  it('Arabic entries keep the placeholders of their English template', () => {
    const wrong: string[] = [];
    for (const use of scan.uses) {
      const entry = BUNDLE[keyOf(use)];
      if (entry === undefined) continue;
      const english = placeholders(use.template);
      if (placeholders(entry).join() !== english.join()) wrong.push(`${keyOf(use)} → ${entry}`);
      if (use.one === undefined) continue;
      // The forms of a count may spell the count out, but bring no placeholder of their own.
      for (const category of PLURAL_CATEGORIES) {
        const form = BUNDLE[`${use.template}/${category}`];
        if (form !== undefined && placeholders(form).some((p) => !english.includes(p))) wrong.push(`${use.template}/${category} → ${form}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('the bundle has no entry the code does not use', () => {
    const used = new Set(scan.uses.map(keyOf));
    for (const use of scan.uses) if (use.one !== undefined) for (const category of PLURAL_CATEGORIES) used.add(`${use.template}/${category}`);
    assert.deepEqual(Object.keys(BUNDLE).filter((key) => !used.has(key)), []);
  });

  it('Arabic entries are Arabic strings', () => {
    assert.deepEqual(Object.entries(BUNDLE).filter(([, value]) => typeof value !== 'string' || !ARABIC.test(value)).map(([key]) => key), []);
  });

  it('the Arabic terms of the server are reused', () => {
    // Same words as server/src/core/l10n/ar.ts for the same things.
    assert.equal(BUNDLE['Add {0} to actors.yaml'], 'إضافة «{0}» إلى actors.yaml');
    assert.equal(BUNDLE['not in actors.yaml'], 'ليس في actors.yaml');
    assert.equal(BUNDLE['People'], 'أشخاص');
    assert.equal(BUNDLE['Other/a kind of actor'], 'علَم آخر');
  });
});

describe('client counts', () => {
  const render = (bundle: Record<string, string> | undefined, language: string, count: number, one: string, other: string, ...args: string[]) => {
    const { message, comment } = pluralMessage(bundle, language, count, one, other);
    const template = bundle?.[comment === undefined ? message : `${message}/${comment}`] ?? message;
    return format(template, [count.toLocaleString('en'), ...args]);
  };

  it('chooses the Arabic form of the display language', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 11, 100, 1200].map((n) => render(BUNDLE, 'ar', n, 'Nassaq: {0} problem', 'Nassaq: {0} problems')),
      ['نسق: لا مشكلات', 'نسق: مشكلة واحدة', 'نسق: مشكلتان', 'نسق: 3 مشكلات', 'نسق: 11 مشكلةً', 'نسق: 100 مشكلة', 'نسق: 1,200 مشكلة'],
    );
    assert.equal(render(BUNDLE, 'ar', 2, '{1} in {0} article', '{1} in {0} articles', 'ذُكر 5 مرات'), 'ذُكر 5 مرات في مقالين');
  });

  it('falls back to the English forms without a translation', () => {
    assert.deepEqual(
      [0, 1, 2].map((n) => render(undefined, 'en', n, 'Nassaq: {0} problem', 'Nassaq: {0} problems')),
      ['Nassaq: 0 problems', 'Nassaq: 1 problem', 'Nassaq: 2 problems'],
    );
    assert.equal(render({}, 'fr', 1, '{0} article', '{0} articles'), '1 article');
  });
});

describe('manifest l10n', () => {
  const manifest = readJson('package.json') as Record<string, any>;
  const english = readJson('package.nls.json') as Record<string, string>;
  const arabic = readJson('package.nls.ar.json') as Record<string, string>;

  const placeholdersIn = (value: unknown): string[] => {
    if (typeof value === 'string') return /^%[^%\s]+%$/.test(value) ? [value.slice(1, -1)] : [];
    if (Array.isArray(value)) return value.flatMap(placeholdersIn);
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholdersIn);
    return [];
  };
  const used = new Set(placeholdersIn(manifest));

  it('every %key% of package.json is in both nls files', () => {
    assert.ok(used.size > 30, `only ${used.size} keys`);
    assert.deepEqual([...used].filter((key) => english[key] === undefined), []);
    assert.deepEqual([...used].filter((key) => arabic[key] === undefined), []);
  });

  it('the nls files have no unused key', () => {
    assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), []);
    assert.deepEqual(Object.keys(arabic).filter((key) => !used.has(key)), []);
  });

  it("the manifest's user-facing strings all go through package.nls.json", () => {
    const c = manifest.contributes;
    const strings: [string, unknown][] = [
      ['displayName', manifest.displayName],
      ['description', manifest.description],
      ['configuration.title', c.configuration.title],
      ...Object.entries(c.configuration.properties).flatMap(([name, p]: [string, any]): [string, unknown][] => [
        [`${name}.description`, p.description],
        ...(p.enumDescriptions ?? []).map((d: unknown, i: number): [string, unknown] => [`${name}.enumDescriptions[${i}]`, d]),
        ...(p.markdownDescription === undefined ? [] : [[`${name}.markdownDescription`, p.markdownDescription] as [string, unknown]]),
      ]),
      ...c.commands.flatMap((cmd: any): [string, unknown][] => [
        [`${cmd.command}.title`, cmd.title],
        [`${cmd.command}.category`, cmd.category],
      ]),
      ...Object.values(c.views).flat().flatMap((v: any): [string, unknown][] => [
        [`${v.id}.name`, v.name],
        [`${v.id}.contextualTitle`, v.contextualTitle],
      ]),
      ...c.viewsWelcome.map((w: any, i: number): [string, unknown] => [`viewsWelcome[${i}]`, w.contents]),
      ...c.walkthroughs.flatMap((w: any): [string, unknown][] => [
        [`${w.id}.title`, w.title],
        [`${w.id}.description`, w.description],
        ...w.steps.flatMap((s: any): [string, unknown][] => [
          [`${s.id}.title`, s.title],
          [`${s.id}.description`, s.description],
        ]),
      ]),
      ...[...c.semanticTokenTypes, ...c.semanticTokenModifiers].map((t: any): [string, unknown] => [`token ${t.id}`, t.description]),
      ...c.languages.map((l: any): [string, unknown] => [`${l.id}.aliases[0]`, l.aliases[0]]),
    ];
    assert.deepEqual(strings.filter(([, value]) => placeholdersIn(value).length !== 1).map(([name, value]) => `${name}: ${value}`), []);
  });

  it('Arabic manifest strings are Arabic and keep their command links', () => {
    const links = (text: string) => (text.match(/\]\([^)]*\)/g) ?? []).join(' ');
    const wrong = Object.entries(english)
      .filter(([key, en]) => !ARABIC.test(arabic[key] ?? '') || links(arabic[key] ?? '') !== links(en))
      .map(([key]) => key);
    assert.deepEqual(wrong, []);
  });
});
