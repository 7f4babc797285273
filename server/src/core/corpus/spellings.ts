// Name groups (one name, several spellings across the corpus) and the edits that rewrite a text's
// spellings of a name to its canonical form. Pure: the server and the CLI use spellingEdits on every
// file of the workspace to build one workspace edit ("fix all spellings of <name>").
import type { TextEdit } from '../rules/rule';
import { surfaceKey } from '../text/normalize';
import { tokenize, type Token } from '../text/tokenize';
import { PROCLITICS, letterCount, prefixLength } from './names';

/**
 * How the spellings differ. `orthographic`: hamza/alef forms, hamza seats, maqsura/yeh, ta
 * marbuta/heh; `compound`: عبد/أبو joined or spaced; `ta-marbuta`: a dropped final ta marbuta
 * (غسان سلام); `registry`: the actor registry names the canonical form; `transliteration`: a
 * foreign name transliterated with one long vowel letter more or less (ترمب / ترامب), lower in confidence.
 */
export type VariantKind = 'orthographic' | 'compound' | 'ta-marbuta' | 'registry' | 'transliteration';

export interface NameForm {
  /** Surface key of the spelling, words separated by one space ("فايز السراج", "عبد المجيد"). */
  surface: string;
  /** Mentions in the corpus, with proclitics (وفايز) counted. */
  mentions: number;
  /** Files holding the bare spelling (a lower bound when clitics are involved). */
  files: number;
}

export interface NameGroup {
  /** Fold key shared by every spelling (see foldKey; compounds joined). */
  key: string;
  canonical: string;
  kind: VariantKind;
  /** Every attested spelling, canonical included, most mentioned first. */
  forms: NameForm[];
}

const MARKED = /[\u0622\u0623\u0625\u0624\u0626\u0629\u0649]/g; // آ أ إ ؤ ئ ة ى

/**
 * The canonical spelling: the registry's when it names one, otherwise the form with most mentions;
 * ties go to the form in more files, then to one the dictionary knows, then to the one with more
 * hamza, madda, maqsura and ta marbuta letters (the careful spelling), then to code-unit order.
 */
export function chooseCanonical(forms: readonly NameForm[], known: (surface: string) => boolean, registry?: string): string {
  if (registry !== undefined) return registry;
  let best = forms[0];
  for (const form of forms.slice(1)) if (compareForms(form, best, known) < 0) best = form;
  return best.surface;
}

function compareForms(a: NameForm, b: NameForm, known: (surface: string) => boolean): number {
  return (
    b.mentions - a.mentions ||
    b.files - a.files ||
    Number(known(b.surface)) - Number(known(a.surface)) ||
    marks(b.surface) - marks(a.surface) ||
    (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0)
  );
}

function marks(surface: string): number {
  return surface.match(MARKED)?.length ?? 0;
}

/** Sorts forms for display: most mentions first, by the same tie rule as chooseCanonical. */
export function sortForms(forms: NameForm[], known: (surface: string) => boolean): NameForm[] {
  return forms.sort((a, b) => compareForms(a, b, known));
}

/**
 * Edits that rewrite every mention of one of `variantSurfaces` in `text` to `canonical`: whole
 * words only, diacritics and tatweel ignored, a proclitic kept (وفائز → وفايز). Words the two
 * spellings share are left untouched, so only the differing words change.
 */
export function spellingEdits(text: string, variantSurfaces: readonly string[], canonical: string, tokens: readonly Token[] = tokenize(text)): TextEdit[] {
  const target = canonical.split(' ');
  const variants = variantSurfaces.filter((s) => s !== canonical);
  return findMentions(tokens, variants).flatMap((m) => replaceWords(m.tokens, m.clitic, variants[m.surface].split(' '), target));
}

export interface FoundMention {
  /** Index of the matched surface in the list searched for. */
  surface: number;
  clitic: string;
  tokens: Token[];
  /** Span of the mention without its clitic. */
  offset: number;
  length: number;
}

/** Mentions of any of `surfaces` (words separated by one space), whole words, with an optional proclitic. */
export function findMentions(tokens: readonly Token[], surfaces: readonly string[]): FoundMention[] {
  const found: FoundMention[] = [];
  if (surfaces.length === 0) return found;
  const variants = surfaces.map((s) => s.split(' '));
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i].kind === 'arabic') words.push({ token: tokens[i], index: i, key: surfaceKey(tokens[i].text) });
  for (let w = 0; w < words.length; w++) {
    for (let v = 0; v < variants.length; v++) {
      const clitic = matchAt(words, tokens, w, variants[v]);
      if (clitic === undefined) continue;
      const mention = words.slice(w, w + variants[v].length).map((x) => x.token);
      const skip = clitic === '' ? 0 : prefixLength(mention[0].text, letterCount(clitic));
      const last = mention[mention.length - 1];
      found.push({ surface: v, clitic, tokens: mention, offset: mention[0].offset + skip, length: last.offset + last.length - mention[0].offset - skip });
      w += variants[v].length - 1;
      break;
    }
  }
  return found;
}

interface Word {
  token: Token;
  index: number;
  key: string;
}

/** The proclitic before `variant` at word `w` ('' for none), or undefined when it does not match. */
function matchAt(words: readonly Word[], tokens: readonly Token[], w: number, variant: readonly string[]): string | undefined {
  if (w + variant.length > words.length) return undefined;
  for (let i = 1; i < variant.length; i++) {
    const word = words[w + i];
    if (word.key !== variant[i] || !spaceOnlyBetween(tokens, words[w + i - 1].index, word.index)) return undefined;
  }
  const first = words[w].key;
  if (first === variant[0]) return '';
  for (const clitic of PROCLITICS) if (first.length === clitic.length + variant[0].length && first.startsWith(clitic) && first.endsWith(variant[0])) return clitic;
  return undefined;
}

function spaceOnlyBetween(tokens: readonly Token[], a: number, b: number): boolean {
  return b === a + 2 && tokens[a + 1].kind === 'space';
}

/** Edits turning the words of one mention (first word after its clitic) into `target`. */
export function replaceWords(mention: readonly Token[], clitic: string, from: readonly string[], target: readonly string[]): TextEdit[] {
  const skip = clitic === '' ? 0 : prefixLength(mention[0].text, letterCount(clitic));
  const start = mention[0].offset + skip;
  if (from.length === target.length) {
    return mention.flatMap((token, i) => {
      if (from[i] === target[i]) return [];
      const offset = i === 0 ? start : token.offset;
      return [{ offset, length: token.offset + token.length - offset, newText: target[i] }];
    });
  }
  const last = mention[mention.length - 1];
  return [{ offset: start, length: last.offset + last.length - start, newText: target.join(' ') }];
}
