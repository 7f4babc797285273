// Compiles a word graph (a trie or a DAWG such as cspell's) into the flat binary read by
// DawgDictionary. Pure: the build script feeds it @cspell/dict-ar's nodes, tests feed it word lists.
//
// Format (little-endian), see also dawg.ts:
//   0  magic "NQDW"            4  u32 version (1)
//   8  u32 labelBits          12  u32 alphabet size A
//  16  u32 edge count E       20  u32 root edge (first edge of the root's list; 0 = no words)
//  24  u32 flags (bit 0: the empty word)       28  u32 reserved
//  32  f64 word count
//  40  A × u16 alphabet (code units, ascending), zero-padded to 4 bytes
//  then E × u32 edges. Edge 0 is a sentinel, so target 0 means "no outgoing edges".
//  A node is the contiguous run of its edges, sorted by label (= by code unit); each edge packs
//    bit 0 final (a word ends after it) · bit 1 last edge of its node ·
//    bits 2..2+labelBits label (1-based alphabet index) · the rest: the target's first edge.
//  Edge lists are shared: two nodes with the same outgoing edges (final flags included) are one.
import { isArabicMark } from '../text/chars';
import { DAWG_HEADER_BYTES, DAWG_MAGIC, DAWG_VERSION } from './dawg';

/** What happens to an edge labelled with a code unit: kept, skipped (the mark is removed) or dropped (with every word through it). */
export type CharAction = typeof KEEP | typeof SKIP | typeof DROP;
export const KEEP = 0;
export const SKIP = 1;
export const DROP = 2;

/** The shape of cspell-trie-lib's TrieNode; plain objects keyed by one code unit. */
export interface TrieLike {
  f?: number | boolean | undefined;
  c?: Readonly<Record<string, TrieLike>> | undefined;
}

export interface DawgStats {
  words: number;
  edges: number;
  alphabet: string;
  bytes: number;
}

const keepAll = (): CharAction => KEEP;

/**
 * Plain Arabic word forms, as Dictionary.has is asked about them: harakat, tatweel and joiners are
 * removed (`كتاباً` → `كتابا`, as surfaceKey does); a word with anything but the 36 basic letters
 * ء..غ ف..ي left (Persian keheh, digits, bidi marks, cspell's `~ ! + :` prefixes) is dropped.
 */
export function arabicPlainForms(code: number): CharAction {
  if ((code >= 0x0621 && code <= 0x063a) || (code >= 0x0641 && code <= 0x064a)) return KEEP;
  if (isArabicMark(code) || code === 0x0640 || code === 0x200c || code === 0x200d) return SKIP;
  return DROP;
}

/** Compiles a word list (any order). Every code unit is kept unless `classify` says otherwise. */
export function compileDawg(words: Iterable<string>, classify: (code: number) => CharAction = keepAll): Uint8Array {
  const root: { f?: boolean; c: Record<string, TrieLike> } = { c: Object.create(null) };
  for (const word of words) {
    let node: TrieLike = root;
    for (const unit of word.split('')) {
      const children = (node.c ??= Object.create(null)) as Record<string, TrieLike>;
      node = children[unit] ??= {};
    }
    node.f = true;
  }
  return compileTrie(root, classify).bytes;
}

/**
 * Compiles a trie or DAWG (shared nodes are visited once). Skipped marks are removed by merging the
 * node after them into the node before them; equal edge lists are interned, so the result is minimal.
 */
export function compileTrie(root: TrieLike, classify: (code: number) => CharAction = keepAll): { bytes: Uint8Array; stats: DawgStats } {
  // A state is `listId * 2 + final`; list 0 is the empty list, so state 0 is dead, 1 a leaf word.
  const lists: number[][] = [[]]; // flat [code, state, code, state, …], sorted by code
  const listIds = new Map<string, number>([['', 0]]);
  const fromNode = new Map<TrieLike, number>();
  const unions = new Map<number, number>();

  const intern = (flat: number[]): number => {
    const key = flat.join(',');
    let id = listIds.get(key);
    if (id === undefined) {
      id = lists.length;
      lists.push(flat);
      listIds.set(key, id);
    }
    return id;
  };

  const merge = (a: number[], b: number[]): number[] => {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i], a[i + 1]), (i += 2);
      else if (i >= a.length || b[j] < a[i]) out.push(b[j], b[j + 1]), (j += 2);
      else out.push(a[i], union(a[i + 1], b[j + 1])), (i += 2), (j += 2);
    }
    return out;
  };

  const union = (x: number, y: number): number => {
    if (x === y || y === 0) return x;
    if (x === 0) return y;
    if (x >= 2 ** 26 || y >= 2 ** 26) throw new Error('compileTrie: too many states');
    const key = Math.min(x, y) * 2 ** 26 + Math.max(x, y);
    let state = unions.get(key);
    if (state === undefined) {
      state = intern(merge(lists[x >> 1], lists[y >> 1])) * 2 + ((x | y) & 1);
      unions.set(key, state);
    }
    return state;
  };

  const convert = (node: TrieLike): number => {
    const known = fromNode.get(node);
    if (known !== undefined) return known;
    const kept: [number, number][] = [];
    const skipped: number[] = [];
    let final = node.f ? 1 : 0;
    for (const [label, child] of Object.entries(node.c ?? {})) {
      if (label.length !== 1) throw new Error(`compileTrie: edge label ${JSON.stringify(label)} is not one code unit`);
      const code = label.charCodeAt(0);
      const action = classify(code);
      if (action === DROP) continue;
      const state = convert(child);
      if (state === 0) continue;
      if (action === SKIP) skipped.push(state);
      else kept.push([code, state]);
    }
    let flat = kept.sort((a, b) => a[0] - b[0]).flat();
    for (const state of skipped) {
      flat = merge(flat, lists[state >> 1]);
      final |= state & 1;
    }
    const state = flat.length === 0 ? final : intern(flat) * 2 + final;
    fromNode.set(node, state);
    return state;
  };

  return encode(lists, convert(root));
}

/** Lays out the lists reachable from `rootState`, children before parents. */
function encode(lists: number[][], rootState: number): { bytes: Uint8Array; stats: DawgStats } {
  const offsets = new Int32Array(lists.length).fill(-1);
  const order: number[] = [];
  const codes = new Set<number>();
  const visit = (id: number): void => {
    if (id === 0 || offsets[id] !== -1) return;
    offsets[id] = 0;
    const flat = lists[id];
    for (let i = 0; i < flat.length; i += 2) {
      codes.add(flat[i]);
      visit(flat[i + 1] >> 1);
    }
    order.push(id);
  };
  visit(rootState >> 1);

  const alphabet = [...codes].sort((a, b) => a - b);
  const labelOf = new Map(alphabet.map((code, i) => [code, i + 1]));
  const labelBits = Math.max(1, Math.ceil(Math.log2(alphabet.length + 1)));
  let edgeCount = 1;
  for (const id of order) (offsets[id] = edgeCount), (edgeCount += lists[id].length / 2);
  if (edgeCount >= 2 ** (30 - labelBits)) throw new Error(`compileTrie: ${edgeCount} edges do not fit in ${30 - labelBits} bits`);

  const alphabetBytes = (alphabet.length * 2 + 3) & ~3;
  const bytes = new Uint8Array(DAWG_HEADER_BYTES + alphabetBytes + edgeCount * 4);
  const view = new DataView(bytes.buffer);
  const words = new Float64Array(lists.length).fill(-1);
  const count = (state: number): number => {
    const id = state >> 1;
    if (words[id] < 0) {
      let sum = 0;
      for (let i = 1; i < lists[id].length; i += 2) sum += count(lists[id][i]);
      words[id] = sum;
    }
    return words[id] + (state & 1);
  };
  words[0] = 0;
  const header = [DAWG_MAGIC, DAWG_VERSION, labelBits, alphabet.length, edgeCount, offsets[rootState >> 1] > 0 ? offsets[rootState >> 1] : 0, rootState & 1, 0];
  header.forEach((value, i) => view.setUint32(i * 4, value, true));
  view.setFloat64(32, count(rootState), true);
  alphabet.forEach((code, i) => view.setUint16(DAWG_HEADER_BYTES + i * 2, code, true));

  let at = DAWG_HEADER_BYTES + alphabetBytes + 4; // after the sentinel
  for (const id of order) {
    const flat = lists[id];
    for (let i = 0; i < flat.length; i += 2) {
      const target = flat[i + 1];
      const last = i + 2 === flat.length ? 2 : 0;
      const word = (target & 1) | last | ((labelOf.get(flat[i])! << 2) >>> 0) | (Math.max(offsets[target >> 1], 0) * 2 ** (2 + labelBits));
      view.setUint32(at, word >>> 0, true);
      at += 4;
    }
  }
  const stats = { words: count(rootState), edges: edgeCount - 1, alphabet: String.fromCharCode(...alphabet), bytes: bytes.length };
  return { bytes, stats };
}
