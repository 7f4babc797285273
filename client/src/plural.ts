// Counted phrases in the display language, without the VS Code API (so unit tests can run it).
// vscode.l10n.t has no plural forms, so a count goes through `plural(n, '{0} problem', '{0} problems')`
// (./l10n). The bundle of the display language (l10n/bundle.l10n.<language>.json) holds the general
// form under the English `other` template and, where the language needs them, the forms of its plural
// categories under `<other>/<category>`: the key vscode.l10n.t itself builds for a message with a
// comment, so every form is still looked up by vscode.l10n.t. For Arabic:
//   "{0} problems": "{0} مشكلة", "{0} problems/one": "مشكلة واحدة", "{0} problems/two": "مشكلتان",
//   "{0} problems/few": "{0} مشكلات", "{0} problems/many": "{0} مشكلةً"
// A bundle without the template (English, or a language not translated) gives the English forms.

/** The categories a bundle may give a form for; `other` is the template's own entry. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many'] as const;

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
  let found = rules.get(language);
  if (found === undefined) {
    try {
      found = new Intl.PluralRules(language);
    } catch {
      found = new Intl.PluralRules('en');
    }
    rules.set(language, found);
  }
  return found;
}

/** What to ask vscode.l10n.t for: the message, and the category (its comment) when the bundle has that form. */
export function pluralMessage(
  bundle: Readonly<Record<string, string>> | undefined,
  language: string,
  count: number,
  one: string,
  other: string,
): { message: string; comment?: string } {
  if (bundle?.[other] === undefined) return { message: count === 1 ? one : other };
  const category = pluralRules(language).select(count);
  if (category !== 'other' && bundle[`${other}/${category}`] !== undefined) return { message: other, comment: category };
  return { message: other };
}
