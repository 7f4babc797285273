// mixed-digits: numbers written in a digit system other than the article's (Western 0-9,
// Arabic-Indic U+0660-0669, Persian U+06F0-06F9). The target is the `digits` option, or by default the dominant
// system: the one with the most digits, ties going to Western, then Arabic-Indic. Digits in URLs
// and in Latin names (F16, COVID-19, MP3) are neither counted nor reported, and an article that
// uses a single system is left alone under 'dominant'.
import { DIGIT_ZERO, digitSystem, digitValue, type DigitSystem } from '../text/chars';
import type { Token } from '../text/tokenize';
import type { Translate } from '../l10n';
import { edit, type Rule, type RuleFinding } from './rule';

const ARABIC_DECIMAL_SEPARATOR = '\u066B';
const ARABIC_THOUSANDS_SEPARATOR = '\u066C';

const SYSTEMS: readonly DigitSystem[] = ['western', 'arabic-indic', 'persian'];
const DIGIT_PATTERNS: Readonly<Record<DigitSystem, RegExp>> = {
  western: /[0-9]/,
  'arabic-indic': /[\u0660-\u0669]/,
  persian: /[\u06F0-\u06F9]/,
};
/** The system as an adjective ("Western" digits '12'), for `t`. */
const SYSTEM_ADJECTIVES: Readonly<Record<DigitSystem, (t: Translate) => string>> = {
  western: (t) => t('Western'),
  'arabic-indic': (t) => t('Arabic-Indic'),
  persian: (t) => t('Persian'),
};
/** The digits of the system, as the target of "write numbers in …", for `t`. */
const SYSTEM_DIGITS: Readonly<Record<DigitSystem, (t: Translate) => string>> = {
  western: (t) => t('Western digits'),
  'arabic-indic': (t) => t('Arabic-Indic digits'),
  persian: (t) => t('Persian digits'),
};

export const mixedDigits: Rule = {
  id: 'mixed-digits',
  describe: (t) => t('Numbers in a digit system (Western, Arabic-Indic, Persian) other than the one the article uses.'),
  defaultSeverity: 'info',
  fixable: true,
  options: {
    digits: {
      describe: (t) => t("The digit system numbers should use; 'dominant' takes the one with the most digits in the article (ties: western)."),
      values: ['dominant', 'western', 'arabic-indic', 'persian'],
      default: 'dominant',
    },
  },
  check({ text, tokens, options, t }) {
    const configured = SYSTEMS.find((s) => s === options.digits);
    const present = SYSTEMS.filter((s) => DIGIT_PATTERNS[s].test(text));
    if (configured ? present.every((s) => s === configured) : present.length < 2) return [];
    const numbers: Token[] = [];
    const counts: Record<DigitSystem, number> = { western: 0, 'arabic-indic': 0, persian: 0 };
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'number' || inLatinContext(tokens, i)) continue;
      numbers.push(tokens[i]);
      for (let j = 0; j < tokens[i].text.length; j++) {
        const system = digitSystem(tokens[i].text.charCodeAt(j));
        if (system) counts[system]++;
      }
    }
    const target = configured ?? SYSTEMS.reduce((best, s) => (counts[s] > counts[best] ? s : best));
    const total = counts.western + counts['arabic-indic'] + counts.persian;
    if (counts[target] === total) return [];

    const findings: RuleFinding[] = [];
    for (const token of numbers) {
      const others = systemsIn(token.text).filter((s) => s !== target);
      if (others.length === 0) continue;
      const names = others.map((s) => SYSTEM_ADJECTIVES[s](t));
      const what = t("{0} digits '{1}'", names.length === 1 ? names[0] : t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1]), token.text);
      const digits = SYSTEM_DIGITS[target](t);
      const message = configured
        ? t('{0}; numbers are configured to use {1}', what, digits)
        : t('{0} in an article that writes numbers in {1} ({2} of {3} digits)', what, digits, counts[target], total);
      const { text, ambiguous } = convert(token.text, target);
      findings.push({
        offset: token.offset,
        length: token.length,
        message,
        fixes: [{ title: t("Write in {0}: '{1}'", digits, text), edits: [edit(token.offset, token.length, text)] }],
        ...(ambiguous ? { unsafeFixReason: t("the separator in '{0}' may be a decimal or a thousands separator", token.text) } : {}),
      });
    }
    return findings;
  },
};

/** A number glued to a Latin word, directly or by a hyphen, is part of a name: F16, COVID-19, 4G. */
function inLatinContext(tokens: readonly Token[], index: number): boolean {
  const isLatin = (i: number) => tokens[i]?.kind === 'latin';
  const isHyphen = (i: number) => tokens[i]?.text === '-';
  return (
    isLatin(index - 1) ||
    isLatin(index + 1) ||
    (isHyphen(index - 1) && isLatin(index - 2)) ||
    (isHyphen(index + 1) && isLatin(index + 2))
  );
}

function systemsIn(text: string): DigitSystem[] {
  const found: DigitSystem[] = [];
  for (let i = 0; i < text.length; i++) {
    const system = digitSystem(text.charCodeAt(i));
    if (system && !found.includes(system)) found.push(system);
  }
  return found;
}

/**
 * Rewrites the digits of a number token in `target`. Going to Western, the Arabic decimal and
 * thousands separators become `.` and `,`; going to Arabic-Indic or Persian, `.` and `,` become
 * them again: a separator used more than once before groups of three digits, or the first of two
 * different ones, groups thousands, and the last one is decimal. A lone separator before exactly
 * three digits (1,000 or 1.000) could be either, so the result is `ambiguous`. Other separators,
 * and those of a dotted date (12.5.2015), are kept.
 */
function convert(text: string, target: DigitSystem): { text: string; ambiguous: boolean } {
  const zero = DIGIT_ZERO[target];
  const { replacements, ambiguous } = target === 'western' ? { replacements: new Map<number, string>(), ambiguous: false } : easternSeparators(text);
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const value = digitValue(text.charCodeAt(i));
    if (value >= 0) result += String.fromCharCode(zero + value);
    else if (target === 'western' && text[i] === ARABIC_DECIMAL_SEPARATOR) result += '.';
    else if (target === 'western' && text[i] === ARABIC_THOUSANDS_SEPARATOR) result += ',';
    else result += replacements.get(i) ?? text[i];
  }
  return { text: result, ambiguous };
}

function easternSeparators(text: string): { replacements: Map<number, string>; ambiguous: boolean } {
  const replacements = new Map<number, string>();
  const separators: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '.' || text[i] === ',') separators.push(i);
  }
  if (separators.length === 0) return { replacements, ambiguous: false };
  const last = separators[separators.length - 1];
  const lastIsDecimal = separators.filter((i) => text[i] === text[last]).length === 1;
  const grouped = separators.filter((i) => i !== last || !lastIsDecimal);
  if (!grouped.every((i) => digitsAfter(text, i) === 3)) return { replacements, ambiguous: false };
  for (const i of grouped) replacements.set(i, ARABIC_THOUSANDS_SEPARATOR);
  if (lastIsDecimal) replacements.set(last, ARABIC_DECIMAL_SEPARATOR);
  const ambiguous = separators.length === 1 && digitsAfter(text, last) === 3;
  if (ambiguous && text[last] === ',') replacements.set(last, ARABIC_THOUSANDS_SEPARATOR);
  return { replacements, ambiguous };
}

/** Number of digits right after `index`, up to the next non-digit. */
function digitsAfter(text: string, index: number): number {
  let n = 0;
  while (digitValue(text.charCodeAt(index + 1 + n)) >= 0) n++;
  return n;
}
