// spacing: doubled spaces between words, a space before punctuation after an Arabic word,
// a missing space after sentence punctuation between two Arabic words, a lone no-break space
// between words, and trailing whitespace. Leaves alone indentation at the start of a line,
// ` ...` / ` ..` before a pause, `.5` and `.NET`, web names (العربية.نت) and one-letter
// abbreviations and spelled-out acronyms (د.محمد, أ.د, بي.بي.سي), and single tabs or thin spaces.
import { ARABIC_COMMA, ARABIC_QUESTION_MARK, ARABIC_SEMICOLON, BOM, isArabicLetter } from '../text/chars';
import type { Token } from '../text/tokenize';
import type { Translate } from '../l10n';
import { edit, type Rule, type RuleFinding } from './rule';

/** Marks that take no space before them when they follow an Arabic word. */
const NO_SPACE_BEFORE = new Set([ARABIC_COMMA, '.', ':', ARABIC_QUESTION_MARK, ARABIC_SEMICOLON, '!', ',']);
/** Sentence punctuation that needs a space after it before the next Arabic word. */
const SPACE_AFTER = new Set(['.', ARABIC_COMMA, ARABIC_SEMICOLON, ARABIC_QUESTION_MARK, '!', ':']);
/** Letters in one spelled-out Latin letter: بي, إن, إتش, جيه. */
const MAX_ACRONYM_SYLLABLE = 3;
const NO_BREAK_SPACES = new Set([0x00a0, 0x202f, 0x2007]);
/** Second-level names written after a dot in Arabic web names: العربية.نت, سبق.كوم. */
const WEB_SUFFIXES = new Set(['نت', 'كوم']);

export const spacing: Rule = {
  id: 'spacing',
  describe: (t) => t('Doubled spaces, spaces before punctuation, missing spaces after it, no-break spaces and trailing whitespace.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ tokens, t }) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind === 'space') {
        const finding = checkSpace(tokens, i, t);
        if (finding) findings.push(finding);
      } else if (isSpaceAfterMark(token)) {
        let j = i;
        while (j + 1 < tokens.length && isSpaceAfterMark(tokens[j + 1])) j++;
        const finding = checkMissingSpace(tokens, i, j, t);
        if (finding) findings.push(finding);
        i = j;
      }
    }
    return findings;
  },
};

function checkSpace(tokens: readonly Token[], index: number, t: Translate): RuleFinding | undefined {
  const space = tokens[index];
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (next === undefined || next.kind === 'newline') {
    return finding(space, t('Trailing whitespace'), t('Remove trailing whitespace'), '');
  }
  const atLineStart = previous === undefined || previous.kind === 'newline' || (previous.offset === 0 && previous.text === BOM);
  if (atLineStart) return undefined;
  if (previous.kind === 'arabic' && next.kind === 'other' && NO_SPACE_BEFORE.has(next.text) && !startsSomethingElse(tokens, index + 1)) {
    return finding(space, t("Space before '{0}'", next.text), t("Remove the space before '{0}'", next.text), '');
  }
  if (space.length >= 2) {
    return finding(space, t.plural(space.length, '{0} space between words', '{0} spaces between words'), t('Replace with one space'), ' ');
  }
  if (NO_BREAK_SPACES.has(space.text.charCodeAt(0))) {
    return finding(space, t('No-break space between words'), t('Replace with a plain space'), ' ');
  }
  return undefined;
}

/** A dot that opens an ellipsis or pause, a number (.5), a Latin word (.NET) or a web name (.نت). */
function startsSomethingElse(tokens: readonly Token[], markIndex: number): boolean {
  if (tokens[markIndex].text !== '.') return false;
  const after = tokens[markIndex + 1];
  if (after === undefined) return false;
  return after.text === '.' || after.kind === 'number' || after.kind === 'latin' || (after.kind === 'arabic' && WEB_SUFFIXES.has(after.text));
}

function checkMissingSpace(tokens: readonly Token[], first: number, last: number, t: Translate): RuleFinding | undefined {
  const previous = tokens[first - 1];
  const next = tokens[last + 1];
  if (previous?.kind !== 'arabic' || next?.kind !== 'arabic') return undefined;
  const offset = tokens[first].offset;
  const end = tokens[last].offset + tokens[last].length;
  const marks = tokens
    .slice(first, last + 1)
    .map((token) => token.text)
    .join('');
  if (marks === '.' && (WEB_SUFFIXES.has(next.text) || isAbbreviation(previous.text, next.text))) return undefined;
  return {
    offset,
    length: end - offset,
    message: t("Missing space after '{0}'", marks),
    fixes: [{ title: t("Insert a space after '{0}'", marks), edits: [edit(end, 0, ' ')] }],
  };
}

function isSpaceAfterMark(token: Token): boolean {
  return token.kind === 'other' && SPACE_AFTER.has(token.text);
}

/** د.محمد and أ.د, and spelled-out acronyms of short syllables: بي.بي.سي, إم.آي.تي, سي.إن.إن. */
function isAbbreviation(before: string, after: string): boolean {
  const letters = letterCount(before);
  return letters === 1 || (letters <= MAX_ACRONYM_SYLLABLE && letterCount(after) <= MAX_ACRONYM_SYLLABLE);
}

function letterCount(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) if (isArabicLetter(word.charCodeAt(i))) count++;
  return count;
}

function finding(space: Token, message: string, title: string, newText: string): RuleFinding {
  return { offset: space.offset, length: space.length, message, fixes: [{ title, edits: [edit(space.offset, space.length, newText)] }] };
}
