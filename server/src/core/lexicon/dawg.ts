// Reads the flat DAWG written by dawg-encode.ts (format described there) in place: no I/O, no
// decoding step, and no allocation per lookup, so a 4 MB file answers in microseconds after load.
import type { Dictionary } from './dictionary';

export const DAWG_MAGIC = 0x5744514e; // "NQDW" read as a little-endian u32
export const DAWG_VERSION = 1;
export const DAWG_HEADER_BYTES = 40;

export class DawgDictionary implements Dictionary {
  /** Number of words, as counted at compile time. */
  readonly size: number;
  private readonly edges: Uint32Array;
  private readonly root: number;
  private readonly emptyWord: boolean;
  private readonly labelMask: number;
  private readonly targetShift: number;
  /** Code unit - base → label (0: not in the alphabet). */
  private readonly labels: Uint8Array | Uint16Array;
  private readonly base: number;

  constructor(data: Uint8Array | ArrayBuffer) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const fail = (why: string): never => {
      throw new Error(`not a Nassaq lexicon (${why})`);
    };
    if (bytes.length < DAWG_HEADER_BYTES) fail(`${bytes.length} bytes, shorter than the header`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u32 = (at: number): number => view.getUint32(at, true);
    if (u32(0) !== DAWG_MAGIC) fail('bad magic number');
    if (u32(4) !== DAWG_VERSION) fail(`format version ${u32(4)}, expected ${DAWG_VERSION}; rebuild with npm run build`);
    const labelBits = u32(8);
    const alphabetSize = u32(12);
    const edgeCount = u32(16);
    const alphabetBytes = (alphabetSize * 2 + 3) & ~3;
    const edgesAt = DAWG_HEADER_BYTES + alphabetBytes;
    if (labelBits < 1 || labelBits > 16 || alphabetSize >= 2 ** labelBits) fail('bad alphabet');
    if (edgeCount < 1 || bytes.length !== edgesAt + edgeCount * 4) fail(`size ${bytes.length} does not match ${edgeCount} edges`);
    if (u32(20) >= edgeCount) fail('bad root');
    this.root = u32(20);
    this.emptyWord = (u32(24) & 1) === 1;
    this.size = view.getFloat64(32, true);
    this.labelMask = 2 ** labelBits - 1;
    this.targetShift = 2 + labelBits;

    const alphabet: number[] = [];
    for (let i = 0; i < alphabetSize; i++) alphabet.push(view.getUint16(DAWG_HEADER_BYTES + i * 2, true));
    this.base = alphabet.length > 0 ? alphabet[0] : 0;
    const span = alphabet.length > 0 ? alphabet[alphabet.length - 1] - this.base + 1 : 0;
    this.labels = alphabetSize < 256 ? new Uint8Array(span) : new Uint16Array(span);
    alphabet.forEach((code, i) => (this.labels[code - this.base] = i + 1));

    // A Uint32Array needs 4-byte alignment and little-endian order; otherwise copy once.
    const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
    if (littleEndian && (bytes.byteOffset + edgesAt) % 4 === 0) {
      this.edges = new Uint32Array(bytes.buffer, bytes.byteOffset + edgesAt, edgeCount);
    } else {
      this.edges = new Uint32Array(edgeCount);
      for (let i = 0; i < edgeCount; i++) this.edges[i] = u32(edgesAt + i * 4);
    }
    // Catches truncation or bit rot that kept the size: every target must be inside the array.
    const last = this.edges[edgeCount - 1];
    if (edgeCount > 1 && ((last & 2) === 0 || last >>> this.targetShift >= edgeCount)) fail('bad edge data');
  }

  has(word: string): boolean {
    if (word.length === 0) return this.emptyWord;
    const end = this.walk(word);
    return end >= 0 && (end & 1) === 1;
  }

  /** True when some word starts with `prefix` (every state of the DAWG leads to a word). */
  hasPrefix(prefix: string): boolean {
    if (prefix.length === 0) return this.emptyWord || this.root !== 0;
    return this.walk(prefix) >= 0;
  }

  /** Follows `text` from the root: the last edge taken, or -1 when there is none. */
  private walk(text: string): number {
    const { edges, labels, base, labelMask, targetShift } = this;
    let node = this.root;
    let edge = -1;
    for (let i = 0; i < text.length; i++) {
      if (node === 0) return -1;
      const index = text.charCodeAt(i) - base;
      const label = index >= 0 && index < labels.length ? labels[index] : 0;
      if (label === 0) return -1;
      // Edges are sorted by label: stop at the first larger one or at the node's last edge.
      for (let e = node; ; e++) {
        edge = edges[e];
        const found = (edge >>> 2) & labelMask;
        if (found === label) break;
        if (found > label || (edge & 2) !== 0 || e + 1 >= edges.length) return -1;
      }
      node = edge >>> targetShift;
    }
    return edge;
  }
}
