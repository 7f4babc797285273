// quote-marks: quotation marks that are malformed (opened with a closing mark, mismatched,
// doubled single quotes), unbalanced on their line, or of another style than the house style.
// Leaves alone lone apostrophes (' ’), inch marks after digits (5"), a nested pair of another
// style inside a quotation (« … “ … ” … »), and a quotation that clearly runs over paragraphs.
import { isDigit, isInlineSpace, isInvisible, isLineBreak, TATWEEL } from '../text/chars';
import type { Translate } from '../l10n';
import { edit, type Rule, type RuleFinding } from './rule';

const LEFT_GUILLEMET = 0x00ab; // «
const RIGHT_GUILLEMET = 0x00bb; // »
const LEFT_DOUBLE_QUOTE = 0x201c; // “
const RIGHT_DOUBLE_QUOTE = 0x201d; // ”
const LOW_DOUBLE_QUOTE = 0x201e; // „
const STRAIGHT_QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const LEFT_SINGLE_QUOTE = 0x2018; // ‘
const RIGHT_SINGLE_QUOTE = 0x2019; // ’
const DOUBLE_PRIME = 0x2033; // ″, what some publishing tools make of " after a digit
const TATWEEL_CODE = TATWEEL.charCodeAt(0);

/** Guillemets, curly, straight; 'D' is a doubled single quote, never a well-formed style. */
type Family = 'G' | 'C' | 'S' | 'D';
type Style = 'G' | 'C' | 'S';
/** How a mark is normally used: it opens, it closes, or it cannot tell (straight and doubled). */
type Role = 'open' | 'close' | 'either';

interface Mark {
  offset: number;
  length: number;
  code: number;
  family: Family;
  role: Role;
  /** A closing mark that opened a pair although it sits after a word, as in `كذا» `: less sure. */
  stray?: boolean;
}

interface Pair {
  open: Mark;
  close: Mark;
  /** The style of a well-formed pair; undefined when the pair is malformed. */
  style: Style | undefined;
  /** Nested inside a quotation of another family: exempt from the style check. */
  nested: boolean;
  /** Joined across lines: a quotation running over several paragraphs. */
  acrossLines: boolean;
}

/** A mark left unpaired by the line-by-line pass. */
interface Leftover {
  mark: Mark;
  line: number;
  /** Still open at the end of its line (not dropped when an outer quotation closed). */
  atLineEnd: boolean;
}

const STYLE_MARKS: Readonly<Record<Style, { open: string; close: string }>> = {
  G: { open: String.fromCharCode(LEFT_GUILLEMET), close: String.fromCharCode(RIGHT_GUILLEMET) },
  C: { open: String.fromCharCode(LEFT_DOUBLE_QUOTE), close: String.fromCharCode(RIGHT_DOUBLE_QUOTE) },
  S: { open: '"', close: '"' },
};

const STYLE_OPTION: Readonly<Record<string, Style>> = {
  [STYLE_MARKS.G.open + STYLE_MARKS.G.close]: 'G',
  [STYLE_MARKS.C.open + STYLE_MARKS.C.close]: 'C',
  '""': 'S',
};

export const quoteMarks: Rule = {
  id: 'quote-marks',
  describe: (t) => t('Unbalanced, mismatched or malformed quotation marks, and quotation marks of another style than the house style.'),
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    style: {
      describe: (t) => t("The house style of quotation marks; 'dominant' uses the style most used in each article."),
      values: [...Object.keys(STYLE_OPTION), 'dominant'],
      default: STYLE_MARKS.G.open + STYLE_MARKS.G.close,
    },
  },
  check({ text, options, t }) {
    const { pairs, unbalanced } = scanQuotes(text);
    const styleOption = String(options.style ?? '');
    const dominant = styleOption === 'dominant';
    const target: Style = dominant ? dominantStyle(pairs) : STYLE_OPTION[styleOption] ?? 'G';
    const wanted = STYLE_MARKS[target];
    const wantedText = `${wanted.open}…${wanted.close}`;
    const findings: RuleFinding[] = [];
    for (const pair of pairs) {
      let message: string;
      if (pair.style === undefined) message = malformedMessage(text, pair.open, pair.close, t);
      else if (pair.style === target || pair.nested) continue;
      else {
        const shown = `${markText(text, pair.open)}…${markText(text, pair.close)}`;
        message = dominant ? t('Quotation marks {0} mixed with {1} in this article', shown, wantedText) : t('Quotation marks {0} differ from the house style {1}', shown, wantedText);
      }
      findings.push({
        offset: pair.open.offset,
        length: pair.open.length,
        message,
        ...unsafeReason(text, pair, t),
        related: [{ offset: pair.close.offset, length: pair.close.length, message: t('Closing mark of this quotation') }],
        fixes: [{ title: t('Use {0}', wantedText), edits: [edit(pair.open.offset, pair.open.length, wanted.open), edit(pair.close.offset, pair.close.length, wanted.close)] }],
      });
    }
    for (const mark of unbalanced) {
      const role = mark.role === 'either' ? 'either' : mark.stray ? 'close' : 'open';
      findings.push({ offset: mark.offset, length: mark.length, message: unbalancedMessage(markText(text, mark), role, t), fixes: [] });
    }
    return findings.sort((a, b) => a.offset - b.offset);
  },
};

function unsafeReason(text: string, pair: Pair, t: Translate): { unsafeFixReason?: string } {
  if (pair.open.stray) return { unsafeFixReason: t('the first mark {0} sits after a word, like a closing mark: check where the quotation starts', markText(text, pair.open)) };
  if (pair.acrossLines) return { unsafeFixReason: t('the quotation runs over several lines: check that these marks belong together') };
  return {};
}

/** How the mark acted: it opened a quotation that never closed, or closed one never opened. */
function unbalancedMessage(shown: string, role: Role, t: Translate): string {
  if (role === 'open') return t('Unbalanced quotation mark {0}: no closing mark on this line, so no fix (it cannot tell where the quotation ends)', shown);
  if (role === 'close') return t('Unbalanced quotation mark {0}: no opening mark on this line, so no fix (it cannot tell where the quotation starts)', shown);
  return t('Unpaired quotation mark {0} on this line: no fix (it cannot tell where the quotation starts or ends)', shown);
}

function markText(text: string, mark: Mark): string {
  return text.slice(mark.offset, mark.offset + mark.length);
}

/** The most frequent style among well-formed, top-level pairs; ties and no pairs give guillemets. */
function dominantStyle(pairs: readonly Pair[]): Style {
  const counts = { G: 0, C: 0, S: 0 };
  for (const pair of pairs) if (pair.style !== undefined && !pair.nested) counts[pair.style]++;
  if (counts.C > counts.G && counts.C > counts.S) return 'C';
  if (counts.S > counts.G && counts.S > counts.C) return 'S';
  return 'G';
}

/** Pairs quotation marks line by line with a stack; `leftovers` collects what stays unpaired. */
class LineStack {
  readonly pairs: Pair[] = [];
  readonly leftovers: Leftover[] = [];
  readonly marks: Mark[] = [];
  line = 0;

  endLine(): void {
    for (const mark of this.marks) this.leftovers.push({ mark, line: this.line, atLineEnd: true });
    this.marks.length = 0;
    this.line++;
  }

  /** Closes the mark at `index` with `closer`; marks opened after it stay unpaired. */
  close(index: number, closer: Mark): void {
    const { marks } = this;
    const opener = marks[index];
    for (let k = index + 1; k < marks.length; k++) this.leftovers.push({ mark: marks[k], line: this.line, atLineEnd: false });
    marks.length = index;
    const outer = index > 0 ? marks[index - 1] : undefined;
    this.pairs.push(makePair(opener, closer, outer !== undefined && outer.family !== opener.family, false));
  }

  topmost(family: Family): number {
    for (let k = this.marks.length - 1; k >= 0; k--) if (this.marks[k].family === family) return k;
    return -1;
  }
}

/** One pass over the text, pairing quotation marks line by line. */
function scanQuotes(text: string): { pairs: Pair[]; unbalanced: Mark[] } {
  const state = new LineStack();
  const stack = state.marks;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
      state.endLine();
      continue;
    }
    // Cheap range test first: the text is mostly letters, and every mark is in these ranges.
    if (code !== STRAIGHT_QUOTE && code !== APOSTROPHE && code !== LEFT_GUILLEMET && code !== RIGHT_GUILLEMET && (code < 0x2018 || code > DOUBLE_PRIME)) continue;
    const mark = markAt(text, i, code);
    if (mark === undefined) continue;
    i += mark.length - 1;
    const top = stack.length - 1;
    const opener = top >= 0 ? stack[top] : undefined;
    // Another family's quotation may be closed by this mark only if it was surely opened.
    const mismatchable = opener !== undefined && !opener.stray;
    if (mark.code === DOUBLE_PRIME) {
      if (mismatchable && context(text, mark) !== 'open') state.close(top, mark); // “جلاس 4″
      continue; // otherwise a real double prime: 5″
    }
    if (mark.role === 'either') {
      const index = state.topmost(mark.family);
      // Two marks that both look like openers nest ("… "…" …") instead of pairing.
      const nests = index >= 0 && context(text, mark) === 'open' && context(text, stack[index]) === 'open';
      if (index >= 0 && !nests) state.close(index, mark);
      else if (nests) stack.push(mark);
      else if (isDigit(text.charCodeAt(mark.offset - 1))) continue; // an inch or second mark: 5"
      else if (mismatchable && context(text, mark) === 'close') state.close(top, mark);
      else stack.push(mark);
      continue;
    }
    const ctx = context(text, mark);
    if (mark.role === 'close') {
      const index = state.topmost(mark.family);
      if (index >= 0 && stack[index].stray && ctx === 'open') {
        state.leftovers.push({ mark: stack.splice(index, 1)[0], line: state.line, atLineEnd: false });
        stack.push(mark);
      } else if (index >= 0 && (index === top || ctx !== 'open')) state.close(index, mark);
      else if (ctx === 'open') stack.push(mark);
      else if (mismatchable) state.close(top, mark);
      else stack.push(ctx === 'close' ? { ...mark, stray: true } : mark);
      continue;
    }
    // A natural opener: « “ „
    if (opener === undefined || mark.code === LOW_DOUBLE_QUOTE) stack.push(mark);
    else if (mark.code === LEFT_DOUBLE_QUOTE && opener.code === LOW_DOUBLE_QUOTE) state.close(top, mark);
    else if (opener.family === mark.family && opener.role === 'close' && (opener.stray ? ctx === 'close' : ctx !== 'open')) state.close(top, mark);
    else if (mismatchable && ctx === 'close') state.close(top, mark);
    else stack.push(mark);
  }
  state.endLine();
  return { pairs: state.pairs, unbalanced: joinAcrossLines(text, state.leftovers, state.pairs) };
}

function makePair(open: Mark, close: Mark, nested: boolean, acrossLines: boolean): Pair {
  return { open, close, style: WELL_FORMED.get(open.code * 0x10000 + close.code), nested, acrossLines };
}

/**
 * A quotation may run over paragraphs: a mark that opened and was still open at the end of its
 * line, followed by a closing mark of the same family left unpaired on a later line with no other
 * stray mark in between, is one quotation. Returns the marks that stay unbalanced.
 */
function joinAcrossLines(text: string, leftovers: Leftover[], pairs: Pair[]): Mark[] {
  leftovers.sort((a, b) => a.mark.offset - b.mark.offset);
  const unbalanced: Mark[] = [];
  for (let k = 0; k < leftovers.length; k++) {
    const { mark, line, atLineEnd } = leftovers[k];
    const next = leftovers[k + 1];
    // Straight and doubled marks have no direction: join them only where their places are clear.
    const opens = atLineEnd && !mark.stray && (mark.role !== 'either' || context(text, mark) === 'open');
    const closes =
      next !== undefined &&
      next.line > line &&
      next.mark.family === mark.family &&
      (next.mark.role === 'either' ? context(text, next.mark) === 'close' : next.mark.stray === true);
    if (opens && closes) {
      pairs.push(makePair(mark, next.mark, false, true));
      k++;
    } else unbalanced.push(mark);
  }
  return unbalanced;
}

/** Family and role of each single-code-unit quotation mark. */
const MARKS: ReadonlyMap<number, { family: Family; role: Role }> = new Map([
  [LEFT_GUILLEMET, { family: 'G', role: 'open' }],
  [RIGHT_GUILLEMET, { family: 'G', role: 'close' }],
  [LEFT_DOUBLE_QUOTE, { family: 'C', role: 'open' }],
  [LOW_DOUBLE_QUOTE, { family: 'C', role: 'open' }],
  [RIGHT_DOUBLE_QUOTE, { family: 'C', role: 'close' }],
  [STRAIGHT_QUOTE, { family: 'S', role: 'either' }],
]);
const SINGLE_QUOTES = new Set([APOSTROPHE, LEFT_SINGLE_QUOTE, RIGHT_SINGLE_QUOTE]);

function markAt(text: string, i: number, code: number): Mark | undefined {
  const known = MARKS.get(code);
  if (known !== undefined) return { offset: i, length: 1, code, ...known };
  // Only a doubled single quote stands for a double quote; a lone one is an apostrophe.
  if (SINGLE_QUOTES.has(code)) return text.charCodeAt(i + 1) === code ? { offset: i, length: 2, code, family: 'D', role: 'either' } : undefined;
  if (code === DOUBLE_PRIME && isDigit(text.charCodeAt(i - 1))) return { offset: i, length: 1, code, family: 'S', role: 'close' };
  return undefined;
}

/** Well-formed pairs, keyed by opening code * 0x10000 + closing code: «» “” „” „“ "". */
const WELL_FORMED: ReadonlyMap<number, Style> = new Map([
  [LEFT_GUILLEMET * 0x10000 + RIGHT_GUILLEMET, 'G'],
  [LEFT_DOUBLE_QUOTE * 0x10000 + RIGHT_DOUBLE_QUOTE, 'C'],
  [LOW_DOUBLE_QUOTE * 0x10000 + RIGHT_DOUBLE_QUOTE, 'C'],
  [LOW_DOUBLE_QUOTE * 0x10000 + LEFT_DOUBLE_QUOTE, 'C'],
  [STRAIGHT_QUOTE * 0x10000 + STRAIGHT_QUOTE, 'S'],
]);

function malformedMessage(text: string, open: Mark, close: Mark, t: Translate): string {
  const o = markText(text, open);
  const c = markText(text, close);
  if (close.code === DOUBLE_PRIME) return t('Quotation closed with the double prime {0} (an inch mark) instead of a quotation mark', c);
  if (open.family === 'D' || close.family === 'D') return t('Doubled single quotes used as quotation marks: {0}…{1}', o, c);
  if (open.role === 'close') {
    if (close.role === 'open' && close.family === open.family) return t('Reversed quotation marks {0}…{1}', o, c);
    return t('Quotation opened with the closing mark {0}', o);
  }
  if (close.role === 'open') return t('Quotation closed with the opening mark {0}', c);
  return t('Mismatched quotation marks {0}…{1}', o, c);
}

/**
 * Where a mark sits: after a blank and before a word it looks like an opener, after a word and
 * before a blank or punctuation like a closer; between two words or two blanks it is ambiguous.
 */
function context(text: string, mark: Mark): 'open' | 'close' | 'ambiguous' {
  const blankBefore = isBlankBefore(text.charCodeAt(mark.offset - 1)) || afterClitic(text, mark.offset);
  const after = text.charCodeAt(mark.offset + mark.length);
  const blankAfter = isBlank(after) || CLOSING_PUNCTUATION.has(after);
  if (blankBefore && !blankAfter) return 'open';
  if (!blankBefore && blankAfter) return 'close';
  return 'ambiguous';
}

// و ف ب ل ك: one-letter words that attach to what follows, as in و«…» or لـ«…».
const CLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643]);

/** Whether `offset` follows a one-letter clitic (with an optional tatweel) that starts a word. */
function afterClitic(text: string, offset: number): boolean {
  let i = offset - 1;
  if (text.charCodeAt(i) === TATWEEL_CODE) i--;
  return CLITICS.has(text.charCodeAt(i)) && isBlankBefore(text.charCodeAt(i - 1));
}

function isBlank(code: number): boolean {
  return Number.isNaN(code) || isInlineSpace(code) || isLineBreak(code) || isInvisible(code) || MARKS.has(code) || SINGLE_QUOTES.has(code);
}

// ( [ { : and dashes may precede an opening quote.
const OPENING_PUNCTUATION = new Set([0x28, 0x5b, 0x7b, 0x2d, 0x2013, 0x2014, 0x3a]);
// . , ، ؛ ; : ! ? ؟ … ) ] } and dashes may follow a closing quote.
const CLOSING_PUNCTUATION = new Set([0x2e, 0x2c, 0x060c, 0x061b, 0x3b, 0x3a, 0x21, 0x3f, 0x061f, 0x2026, 0x29, 0x5d, 0x7d, 0x2d, 0x2013, 0x2014, 0x06d4]);

function isBlankBefore(code: number): boolean {
  return isBlank(code) || OPENING_PUNCTUATION.has(code);
}
