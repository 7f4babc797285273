// Occurrence and file counts by small integer key (the word facet's pair hashes), in typed arrays.
// A Map of a corpus's million pairs costs a bucket, an entry and a boxed tally per pair (about
// 60 bytes and three dependent memory reads per lookup); open addressing with linear probing costs
// 12 bytes a slot and usually one read.

/** Keys are non-negative 31-bit integers; slots hold key + 1, so 0 marks an empty slot. */
const EMPTY = 0;
const MIN_CAPACITY = 1024;
/** Grow when more than this share of the slots is taken: probe sequences stay short. */
const MAX_LOAD = 0.6;

export class CountTable {
  private keys: Int32Array;
  private counts: Uint32Array;
  private fileCounts: Uint32Array;
  private shift: number;
  private mask: number;
  private used = 0;

  constructor(capacity = MIN_CAPACITY) {
    const bits = Math.max(4, Math.ceil(Math.log2(capacity)));
    this.keys = new Int32Array(1 << bits);
    this.counts = new Uint32Array(1 << bits);
    this.fileCounts = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  get size(): number {
    return this.used;
  }

  count(key: number): number {
    const slot = this.find(key);
    return slot < 0 ? 0 : this.counts[slot];
  }

  files(key: number): number {
    const slot = this.find(key);
    return slot < 0 ? 0 : this.fileCounts[slot];
  }

  /** Adds occurrences and files (negative to take away); a key whose file count reaches zero is removed. */
  add(key: number, count: number, files: number): void {
    if (key < 0 || key > 0x7ffffffe) throw new RangeError(`key ${key} is not a 31-bit count table key`);
    let slot = this.home(key);
    const stored = key + 1;
    while (this.keys[slot] !== EMPTY) {
      if (this.keys[slot] === stored) {
        const remaining = this.fileCounts[slot] + files;
        if (remaining <= 0) this.delete(slot);
        else {
          this.counts[slot] += count;
          this.fileCounts[slot] = remaining;
        }
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    if (files <= 0) return;
    this.keys[slot] = stored;
    this.counts[slot] = count;
    this.fileCounts[slot] = files;
    if (++this.used > MAX_LOAD * (this.mask + 1)) this.grow();
  }

  /** Every key with its counts, in slot order. */
  *entries(): IterableIterator<[key: number, count: number, files: number]> {
    for (let slot = 0; slot <= this.mask; slot++) if (this.keys[slot] !== EMPTY) yield [this.keys[slot] - 1, this.counts[slot], this.fileCounts[slot]];
  }

  /** Every key, with its counts, in key order (for stats files, whose chunks are sorted). */
  sorted(): { keys: Int32Array; counts: Uint32Array; files: Uint32Array } {
    const keys = new Int32Array(this.used);
    let n = 0;
    for (let slot = 0; slot <= this.mask; slot++) if (this.keys[slot] !== EMPTY) keys[n++] = this.keys[slot] - 1;
    keys.sort();
    const counts = new Uint32Array(n);
    const files = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const slot = this.find(keys[i]);
      counts[i] = this.counts[slot];
      files[i] = this.fileCounts[slot];
    }
    return { keys, counts, files };
  }

  private home(key: number): number {
    // Fibonacci hashing: the high bits of the product spread keys that differ in any bit.
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private find(key: number): number {
    const stored = key + 1;
    for (let slot = this.home(key); this.keys[slot] !== EMPTY; slot = (slot + 1) & this.mask) if (this.keys[slot] === stored) return slot;
    return -1;
  }

  /** Empties a slot by shifting back later entries of its probe run (no tombstones, so lookups stay short). */
  private delete(hole: number): void {
    let slot = hole;
    for (;;) {
      slot = (slot + 1) & this.mask;
      const stored = this.keys[slot];
      if (stored === EMPTY) break;
      const home = this.home(stored - 1);
      // The entry may move into the hole only if the hole lies between its home and its slot.
      if (((slot - home) & this.mask) < ((slot - hole) & this.mask)) continue;
      this.keys[hole] = stored;
      this.counts[hole] = this.counts[slot];
      this.fileCounts[hole] = this.fileCounts[slot];
      hole = slot;
    }
    this.keys[hole] = EMPTY;
    this.counts[hole] = 0;
    this.fileCounts[hole] = 0;
    this.used--;
  }

  private grow(): void {
    const { keys, counts, fileCounts } = this;
    const bits = 33 - this.shift;
    this.keys = new Int32Array(1 << bits);
    this.counts = new Uint32Array(1 << bits);
    this.fileCounts = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === EMPTY) continue;
      let slot = this.home(keys[old] - 1);
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[old];
      this.counts[slot] = counts[old];
      this.fileCounts[slot] = fileCounts[old];
    }
  }
}
