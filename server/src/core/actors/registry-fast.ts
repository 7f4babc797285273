// The fast path for actors.yaml: the layout registries are written in (a block mapping of block
// sequences and mappings, a key per line, one-line scalars and flow collections) read line by line
// into the tree of registry-tree.ts, with the ranges the `yaml` library gives, several times faster
// than the library. Anything else is left to the library (undefined), which then also words the
// errors: anchors, aliases, tags, escapes, empty or multi-line values, quoted or unusual keys,
// duplicate keys, plain scalars the core schema does not read as strings, tabs, document markers,
// and comment lines indented past the entries' keys (the library counts those in the range of
// what precedes them). test/unit/registry-fast.test.ts holds it to the library's results.
import type { ReadTree, TreeMap, TreeNode, TreePair, TreeScalar, TreeSeq } from './registry-tree';

/** Thrown to stop reading and let the `yaml` library read the file. */
const DOUBT = new Error('not an ordinary registry');

/** A key and its colon. */
const KEY = /[A-Za-z_][A-Za-z0-9_-]{0,63}:/y;
/** Plain scalars the YAML 1.2 core schema reads as null, booleans or numbers (the `yaml` library's tests, joined). */
const NOT_A_STRING = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)?$/;
/** A YAML indicator: a plain scalar may not start with one (`-?:` may before a letter; not here). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** A plain scalar's text runs to a comment or the line's end, in a flow collection also to a comma or closing bracket. */
const PLAIN_IN_BLOCK = /(?:[^\r\n ]| (?!#))*/y;
const PLAIN_IN_FLOW = /(?:[^\r\n ,\]}]| (?!#))*/y;
/** What would make a plain scalar a mapping or an error. */
const NOT_PLAIN_IN_BLOCK = /: |:$/;
const NOT_PLAIN_IN_FLOW = /: |:$| #|[[\]{}]|:[,[\]{}]/;
/**
 * Text the two readers may not agree on: tabs, a BOM, line breaks other than LF and CRLF, characters
 * YAML does not allow (js-yaml's list), document markers and directives.
 */
const UNUSUAL_TEXT = /[\t\uFEFF\u0085\u2028\u2029\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]|\r(?!\n)|^(?:---|\.\.\.|%)/m;
const [SPACE, LF, CR, HASH, DASH, QUOTE, APOSTROPHE, OPEN_BRACKET, OPEN_BRACE, COMMA] = [...' \n\r#-"\'[{,'].map((c) => c.charCodeAt(0));

/** The registry's tree, or undefined when the `yaml` library must read it. */
export function readFastTree(text: string): ReadTree | undefined {
  if (UNUSUAL_TEXT.test(text)) return undefined;
  try {
    return { root: new Scanner(text).document() };
  } catch {
    return undefined; // a doubt (or a bug here): the `yaml` library decides
  }
}

/** Reads the text line by line; `at` is the start of the line to read next. */
class Scanner {
  private at = 0;
  /** Where the `yaml` library ends the node just read (its range[2]): past the rest of its line, or where its last item ends. */
  private after = 0;
  /** Least column of an actor entry's keys, of a block collection nested in an entry, and greatest of a comment line. */
  private entryColumn = Infinity;
  private nestedColumn = Infinity;
  private commentColumn = -1;

  constructor(private readonly text: string) {}

  document(): TreeNode {
    const start = this.nextLine();
    if (start === this.text.length || this.indent(start) !== 0) throw DOUBT;
    const root = this.blockMap(start, 0);
    if (this.nextLine() !== this.text.length) throw DOUBT;
    // Other shapes are problems, reported at ranges not worth reproducing.
    const actors = root.pairs.find((pair) => (pair.key as TreeScalar).value === 'actors');
    if (actors?.value?.kind !== 'seq') throw DOUBT;
    // A comment line indented past an entry's keys, or reaching a nested collection's column, would
    // be in the `yaml` library's range of what precedes it.
    if ((this.nestedColumn < Infinity && this.nestedColumn <= this.entryColumn) || this.commentColumn > this.entryColumn) throw DOUBT;
    return root;
  }

  /** A block mapping whose first key is at `start`; `depth` 0 is the root, 2 an actor entry. */
  private blockMap(start: number, depth: number): TreeMap {
    const column = this.column(start);
    const pairs: TreePair[] = [];
    let keyStart = start;
    for (;;) {
      const key = this.key(keyStart);
      for (const pair of pairs) if ((pair.key as TreeScalar).value === key.value) throw DOUBT;
      pairs.push({ key, value: this.value(key.end + 1, column, depth + 1) });
      const next = this.peekLine();
      if (next === this.text.length) break;
      const indent = this.indent(next);
      if (indent < column) break;
      if (indent > column) throw DOUBT;
      keyStart = this.nextLine() + column;
    }
    if (depth === 2) this.entryColumn = Math.min(this.entryColumn, column);
    if (depth >= 3) this.nestedColumn = Math.min(this.nestedColumn, column);
    return { kind: 'map', pairs, start, end: this.after };
  }

  /** A block sequence whose first indicator is at `start`. */
  private blockSeq(start: number, depth: number): TreeSeq {
    const column = this.column(start);
    const items: TreeNode[] = [];
    let dash = start;
    for (;;) {
      if (this.text.charCodeAt(dash + 1) !== SPACE) throw DOUBT;
      const itemStart = this.skipSpaces(dash + 2);
      KEY.lastIndex = itemStart;
      items.push(KEY.test(this.text) && this.atSpaceOrLineEnd(KEY.lastIndex) ? this.blockMap(itemStart, depth + 1) : this.inline(itemStart));
      const next = this.peekLine();
      if (next === this.text.length) break;
      const indent = this.indent(next);
      if (indent < column || (indent === column && this.text.charCodeAt(next + indent) !== DASH)) break;
      if (indent > column) throw DOUBT;
      dash = this.nextLine() + column;
    }
    if (depth >= 3) this.nestedColumn = Math.min(this.nestedColumn, column);
    return { kind: 'seq', items, start, end: this.after };
  }

  /** A key and its colon at `start`. */
  private key(start: number): TreeScalar {
    KEY.lastIndex = start;
    if (!KEY.test(this.text)) throw DOUBT;
    const end = KEY.lastIndex - 1;
    const value = this.text.slice(start, end);
    if (NOT_A_STRING.test(value)) throw DOUBT;
    return { kind: 'scalar', value, quoted: false, start, end };
  }

  /**
   * The value after a key's colon at `position`: on the line (a scalar or flow collection), or
   * below it, more indented (a block collection; a sequence may be at the root's keys' column).
   */
  private value(position: number, parentColumn: number, depth: number): TreeNode {
    let i = this.skipSpaces(position);
    if (i === position && !this.atLineEnd(i)) throw DOUBT; // `key:value`
    if (this.text.charCodeAt(i) === HASH) i = this.lineEnd(i);
    else if (!this.atLineEnd(i)) return this.inline(i);
    this.at = this.lineAfter(i);
    const start = this.nextLine();
    if (start === this.text.length) throw DOUBT; // an empty value
    const column = this.indent(start);
    const first = start + column;
    const dash = this.text.charCodeAt(first) === DASH;
    if (dash && (column > parentColumn || (column === parentColumn && depth === 1))) return this.blockSeq(first, depth);
    if (!dash && column > parentColumn) return this.blockMap(first, depth);
    throw DOUBT; // an empty value, or a scalar on the next line
  }

  /** A scalar or flow collection at `start` that ends its line. */
  private inline(start: number): TreeNode {
    const c = this.text.charCodeAt(start);
    const node = c === OPEN_BRACKET ? this.flowSeq(start) : c === OPEN_BRACE ? this.flowMap(start) : this.scalar(start, false);
    // The `yaml` library ends the node after the rest of its line: spaces, a comment, the line break.
    let i = this.skipSpaces(node.end);
    if (this.text.charCodeAt(i) === HASH && i > node.end) i = this.lineEnd(i);
    if (!this.atLineEnd(i)) throw DOUBT;
    this.at = this.after = this.lineAfter(i);
    return node;
  }

  /** A one-line scalar at `start`: quoted without escapes, or plain (in a flow collection, up to its separator). */
  private scalar(start: number, flow: boolean): TreeScalar {
    const text = this.text;
    const c = text.charCodeAt(start);
    if (c === QUOTE || c === APOSTROPHE) {
      const lineEnd = this.lineEnd(start);
      let close = start;
      do close = text.indexOf(text[start], close + 1);
      while (c === APOSTROPHE && close >= 0 && text.charCodeAt(close + 1) === APOSTROPHE && close++ < lineEnd);
      if (close < 0 || close >= lineEnd) throw DOUBT;
      const raw = text.slice(start + 1, close);
      if (raw === '' || (c === QUOTE && raw.includes('\\'))) throw DOUBT;
      return { kind: 'scalar', value: c === APOSTROPHE ? raw.replaceAll("''", "'") : raw, quoted: true, start, end: close + 1 };
    }
    // Up to a comment, the line's end or, in a flow collection, a comma or closing bracket; then back over spaces.
    const plain = flow ? PLAIN_IN_FLOW : PLAIN_IN_BLOCK;
    plain.lastIndex = start;
    plain.test(text);
    let end = plain.lastIndex;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    const value = text.slice(start, end);
    if (value === '' || INDICATOR_START.test(value) || NOT_A_STRING.test(value) || (flow ? NOT_PLAIN_IN_FLOW : NOT_PLAIN_IN_BLOCK).test(value)) throw DOUBT;
    return { kind: 'scalar', value, quoted: false, start, end };
  }

  private flowSeq(start: number): TreeSeq {
    const items: TreeNode[] = [];
    let i = this.skipSpaces(start + 1);
    if (this.text[i] !== ']') {
      for (;;) {
        const item = this.scalar(i, true);
        items.push(item);
        i = this.skipSpaces(item.end);
        if (this.text[i] === ']') break;
        if (this.text.charCodeAt(i) !== COMMA) throw DOUBT;
        i = this.skipSpaces(i + 1);
      }
    }
    return { kind: 'seq', items, start, end: i + 1 };
  }

  private flowMap(start: number): TreeMap {
    const pairs: TreePair[] = [];
    let i = this.skipSpaces(start + 1);
    if (this.text[i] !== '}') {
      for (;;) {
        const key = this.key(i);
        if (this.text.charCodeAt(key.end + 1) !== SPACE) throw DOUBT;
        for (const pair of pairs) if ((pair.key as TreeScalar).value === key.value) throw DOUBT;
        const value = this.scalar(this.skipSpaces(key.end + 1), true);
        pairs.push({ key, value });
        i = this.skipSpaces(value.end);
        if (this.text[i] === '}') break;
        if (this.text.charCodeAt(i) !== COMMA) throw DOUBT;
        i = this.skipSpaces(i + 1);
      }
    }
    return { kind: 'map', pairs, start, end: i + 1 };
  }

  /** The start of the next line with content, past blank and comment lines; `at` moves there. */
  private nextLine(): number {
    this.at = this.peekLine();
    return this.at;
  }

  private peekLine(): number {
    const text = this.text;
    let line = this.at;
    while (line < text.length) {
      const i = this.skipSpaces(line);
      if (text.charCodeAt(i) === HASH) this.commentColumn = Math.max(this.commentColumn, i - line);
      else if (!this.atLineEnd(i)) return line;
      line = this.lineAfter(this.lineEnd(i));
    }
    return text.length;
  }

  private indent(line: number): number {
    return this.skipSpaces(line) - line;
  }

  private column(position: number): number {
    return position - (this.text.lastIndexOf('\n', position - 1) + 1);
  }

  private skipSpaces(position: number): number {
    let i = position;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private atLineEnd(position: number): boolean {
    const c = this.text.charCodeAt(position);
    return c === LF || c === CR || position >= this.text.length;
  }

  private atSpaceOrLineEnd(position: number): boolean {
    return this.text.charCodeAt(position) === SPACE || this.atLineEnd(position);
  }

  /** The end of the line's content at `position` (before its line break). */
  private lineEnd(position: number): number {
    const end = this.text.indexOf('\n', position);
    if (end < 0) return this.text.length;
    return this.text.charCodeAt(end - 1) === CR ? end - 1 : end;
  }

  /** Past the line break at `position` (the end of a line's content). */
  private lineAfter(position: number): number {
    if (this.text.charCodeAt(position) === CR) return position + 2;
    return position < this.text.length ? position + 1 : position;
  }
}
