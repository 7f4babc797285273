// The server's language: chosen once from `initialize`'s `locale` (`ar…` → Arabic, else English),
// then used by every message the server writes: diagnostics, fix and code action titles, hover
// cards, rename refusals, progress. One server process serves one client, so it is process-wide.
import { english, localeOf, translator, type Locale, type Translate } from '../core/l10n';

let current: Translate = english;

export function setServerLocale(tag: string | undefined): Locale {
  current = translator(localeOf(tag) ?? 'en');
  return current.locale;
}

export function serverLocale(): Locale {
  return current.locale;
}

/** Translates with the server's language (see core/l10n). */
export const t: Translate = Object.defineProperties(((english: string, ...args: readonly (string | number)[]) => current(english, ...args)) as Translate, {
  locale: { get: () => current.locale },
  plural: { value: ((count, one, other, ...args) => current.plural(count, one, other, ...args)) satisfies Translate['plural'] },
});
