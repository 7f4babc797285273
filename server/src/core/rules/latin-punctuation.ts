// latin-punctuation: a Latin comma, semicolon or question mark after an Arabic word (قال,), or
// between a number and an Arabic word (2015, وقال), where Arabic uses ، ؛ ؟. Leaves alone
// numbers (3,5), URLs, HTML entities (&#8220;), Latin text (Hello, world), runs of ? (???? is
// where scraping lost characters) and a ? glued to a following letter or comma (a lost character).
import { ARABIC_COMMA, ARABIC_QUESTION_MARK, ARABIC_SEMICOLON, isArabicLetter } from '../text/chars';
import { nextOnLine, type Token } from '../text/tokenize';
import type { Translate } from '../l10n';
import { edit, type Rule, type RuleFinding } from './rule';

interface Mapping {
  /** The message, in English, for `t`: {0} is the Latin mark, {1} the Arabic one. */
  message: (t: Translate, latin: string, arabic: string) => string;
  arabic: string;
}

const MAPPINGS: ReadonlyMap<string, Mapping> = new Map([
  [',', { message: (t, latin, arabic) => t("Latin comma '{0}' in Arabic text; use '{1}'", latin, arabic), arabic: ARABIC_COMMA }],
  [';', { message: (t, latin, arabic) => t("Latin semicolon '{0}' in Arabic text; use '{1}'", latin, arabic), arabic: ARABIC_SEMICOLON }],
  ['?', { message: (t, latin, arabic) => t("Latin question mark '{0}' in Arabic text; use '{1}'", latin, arabic), arabic: ARABIC_QUESTION_MARK }],
]);

const COMMA = 0x2c;
const ARABIC_COMMA_CODE = ARABIC_COMMA.charCodeAt(0);

/** Closing quotes and brackets that may stand between a word and its punctuation. */
const CLOSERS = new Set(['\u00BB', '\u201D', '\u201C', '"', '\u2019', "'", ')', ']', '}']);

export const latinPunctuation: Rule = {
  id: 'latin-punctuation',
  describe: (t) => t('Latin comma, semicolon or question mark in Arabic text, where Arabic uses {0} {1} {2}.', ARABIC_COMMA, ARABIC_SEMICOLON, ARABIC_QUESTION_MARK),
  defaultSeverity: 'warning',
  fixable: true,
  check({ text, tokens, t }) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind !== 'other' || token.length !== 1) continue;
      const mapping = MAPPINGS.get(token.text);
      if (mapping === undefined) continue;
      if (token.text === '?' && (isQuestionMark(tokens[i - 1]) || isQuestionMark(tokens[i + 1]))) continue;
      if (!inArabicText(tokens, i)) continue;
      const next = text.charCodeAt(token.offset + 1);
      const glued = isArabicLetter(next);
      // A ? glued to a following letter or comma (?جاء, غربه?،) marks a lost character, not a question.
      if (token.text === '?' && (glued || next === COMMA || next === ARABIC_COMMA_CODE)) continue;
      const replacement = glued ? `${mapping.arabic} ` : mapping.arabic;
      findings.push({
        offset: token.offset,
        length: 1,
        message: mapping.message(t, token.text, mapping.arabic),
        fixes: [{ title: t("Replace with '{0}'", mapping.arabic), edits: [edit(token.offset, 1, replacement)] }],
      });
    }
    return findings;
  },
};

function isQuestionMark(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'other' && token.text === '?';
}

/**
 * Whether the mark at `index` follows an Arabic word, or a number (عام 2015, وقال) that an Arabic
 * word follows.
 */
function inArabicText(tokens: readonly Token[], index: number): boolean {
  const before = wordBefore(tokens, index);
  if (before?.kind === 'arabic') return true;
  if (before?.kind !== 'number' || isEntityStart(tokens[index - 2])) return false; // &#8220;
  const after = nextOnLine(tokens, index);
  return after >= 0 && tokens[after].kind === 'arabic';
}

/** `#` or `&` right before the number of an HTML character reference left by scraping. */
function isEntityStart(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'other' && (token.text === '#' || token.text === '&');
}

/** The nearest word or number before token `index` on its line, skipping spaces and closing quotes/brackets. */
function wordBefore(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind === 'space') continue;
    if (token.kind === 'other' && CLOSERS.has(token.text)) continue;
    return token.kind === 'newline' ? undefined : token;
  }
  return undefined;
}
