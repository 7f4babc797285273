// punctuation-artifact: runs of two or more marks from . , ، ; ؛ glued together by scraping
// (`.,` `،،` `..،` `;;`). Leaves alone ellipses (three or more dots), the Arabic two-dot pause
// `..` (unless the `double-dot` option says otherwise), marks inside numbers and URLs, runs
// touching `/` (paths such as `../`), an English abbreviation before a comma (`Inc.,`) and the
// emphasis `؟؟` / `!!` (those marks are not in the set at all).
import { ARABIC_COMMA, ARABIC_SEMICOLON, isDigit } from '../text/chars';
import type { Token } from '../text/tokenize';
import { edit, type Rule, type RuleFinding } from './rule';

const MARKS = new Set(['.', ',', ARABIC_COMMA, ';', ARABIC_SEMICOLON]);
const SLASH = 0x2f;
const ENTITY_BEFORE = /&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6})$/;
/** Latin abbreviations this short may be followed by `.,` or `.;` (Inc., Co., U.S., etc.,). */
const MAX_ABBREVIATION_LENGTH = 4;

export const punctuationArtifact: Rule = {
  id: 'punctuation-artifact',
  describe: (t) => t("Doubled or mixed punctuation left by scraping, such as '.,' '،،' or '.،'."),
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    'double-dot': {
      describe: (t) =>
        t("How to treat exactly two dots '..': 'pause' accepts them as the two-dot pause common in Arabic prose; 'artifact' reports them and keeps one dot."),
      values: ['pause', 'artifact'],
      default: 'pause',
    },
  },
  check({ text, tokens, options, t }) {
    const minEllipsis = options['double-dot'] === 'artifact' ? 3 : 2;
    const findings: RuleFinding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!isMark(tokens[i])) continue;
      let j = i;
      while (j + 1 < tokens.length && isMark(tokens[j + 1])) j++;
      // The ';' closing an HTML entity (&quot; &#8230;) belongs to the entity, not to the run.
      const afterEntity = closesEntity(text, tokens[i].offset);
      const start = tokens[i].offset + (afterEntity ? 1 : 0);
      const end = tokens[j].offset + tokens[j].length;
      const run = text.slice(start, end);
      const before = i > 0 && !afterEntity ? tokens[i - 1] : undefined;
      i = j;
      if (run.length < 2 || isAccepted(run, minEllipsis)) continue;
      if (text.charCodeAt(start - 1) === SLASH || text.charCodeAt(end) === SLASH) continue;
      if (isDigit(text.charCodeAt(start - 1)) && isDigit(text.charCodeAt(end))) continue;
      if (isAbbreviationComma(run, before)) continue;
      const kept = keptMarks(run, minEllipsis);
      findings.push({
        offset: start,
        length: run.length,
        message: t("Stray punctuation '{0}' left by scraping", run),
        fixes: [{ title: t("Keep only '{0}'", kept), edits: [edit(start, run.length, kept)] }],
      });
    }
    return findings;
  },
};

function isMark(token: Token): boolean {
  return token.kind === 'other' && MARKS.has(token.text);
}

/** A run of dots only, long enough to be an ellipsis (or the two-dot pause), is not an artifact. */
function isAccepted(run: string, minEllipsis: number): boolean {
  return run.length >= minEllipsis && /^\.+$/.test(run);
}

function closesEntity(text: string, offset: number): boolean {
  return text[offset] === ';' && ENTITY_BEFORE.test(text.slice(Math.max(0, offset - 10), offset));
}

function isAbbreviationComma(run: string, before: Token | undefined): boolean {
  return (run === '.,' || run === '.;') && before?.kind === 'latin' && before.length <= MAX_ABBREVIATION_LENGTH;
}

/** What the fix keeps: an ellipsis (or pause) in the run, else a sentence-ending dot, else the first mark. */
function keptMarks(run: string, minEllipsis: number): string {
  for (const match of run.matchAll(/\.+/g)) {
    if (match[0].length >= minEllipsis) return match[0];
  }
  return run.includes('.') ? '.' : run[0];
}
