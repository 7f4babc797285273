// Messages in English and Arabic. Code writes every user-facing string in English through a
// `Translate` function: `t("Tatweel stretches '{0}'", word)`. The English template is the key
// (the vscode.l10n convention): `{0}`, `{1}`… are replaced by the arguments, and a catalog maps
// the template to its translation (ar.ts); a template the catalog lacks comes out in English.
// Counts go through `t.plural(n, one, other, …)`, whose Arabic entry gives the forms Arabic needs
// (zero, one, two, few, many, other, chosen by Intl.PluralRules). Templates must be literals at
// the call, so test/unit/l10n.test.ts can find them all and check that each has an Arabic entry.
import { AR } from './ar';

export type Locale = 'en' | 'ar';
export const LOCALES: readonly Locale[] = ['en', 'ar'];

/** The Arabic forms of a counted phrase; `{0}` is the count. Missing forms fall back to `other`. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type CatalogEntry = string | PluralForms;
/** English template (the `other` form for counts) → translation. */
export type Catalog = Readonly<Record<string, CatalogEntry>>;

export type Arg = string | number;

export interface Translate {
  (english: string, ...args: readonly Arg[]): string;
  readonly locale: Locale;
  /** A counted phrase: `t.plural(n, '{0} file', '{0} files')`; `{0}` is `n` (grouped: 12,000), `{1}`… the rest. */
  plural(count: number, one: string, other: string, ...args: readonly Arg[]): string;
}

const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: {}, ar: AR };

/** Replaces `{0}`, `{1}`… by the arguments; a placeholder without an argument is left as is. */
export function format(template: string, args: readonly Arg[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

const translators = new Map<Locale, Translate>();

/** The translator of a locale (one per locale, shared). */
export function translator(locale: Locale = 'en'): Translate {
  let found = translators.get(locale);
  if (!found) translators.set(locale, (found = makeTranslator(locale, CATALOGS[locale])));
  return found;
}

/** English: the default everywhere. */
export const english: Translate = translator('en');

/** A translator over a given catalog (tests). */
export function makeTranslator(locale: Locale, catalog: Catalog): Translate {
  const rules = new Intl.PluralRules(locale);
  const t = ((english: string, ...args: readonly Arg[]): string => {
    const entry = catalog[english];
    return format(typeof entry === 'string' ? entry : (entry?.other ?? english), args);
  }) as Translate & { locale: Locale; plural: Translate['plural'] };
  t.locale = locale;
  t.plural = (count, one, other, ...args) => {
    const entry = catalog[other];
    const all = [count.toLocaleString('en'), ...args]; // 12,000: the grouping English readers expect, and Arabic with Western digits
    if (entry === undefined) return format(count === 1 ? one : other, all);
    if (typeof entry === 'string') return format(entry, all);
    const form = entry[rules.select(count) as keyof PluralForms] ?? entry.other;
    return format(form, all);
  };
  return t;
}

/**
 * The locale of a language tag or POSIX locale (`ar`, `ar-EG`, `ar_SA.UTF-8`): Arabic for `ar…`,
 * English for any other; undefined for an empty value or the C/POSIX locale.
 */
export function localeOf(tag: string | undefined | null): Locale | undefined {
  const value = tag?.trim().toLowerCase();
  if (!value || /^(c|posix)(?:$|[._@])/.test(value)) return undefined;
  return /^ar(?:$|[-_.@])/.test(value) ? 'ar' : 'en';
}
