// CountTable against a Map doing the same sums: random additions and removals over few keys (long
// probe runs, deletions that shift entries back) and over many (growth).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CountTable } from '../../server/src/core/corpus/count-table';

const RUNS = Number(process.env.NASSAQ_FUZZ_RUNS ?? 200);

interface Tally {
  count: number;
  files: number;
}

/** The reference: what a Map of tallies holds after the same operations. */
function reference(operations: ReadonlyArray<[number, number, number]>): Map<number, Tally> {
  const map = new Map<number, Tally>();
  for (const [key, count, files] of operations) {
    const entry = map.get(key);
    if (!entry) {
      if (files > 0) map.set(key, { count, files });
    } else if (entry.files + files <= 0) map.delete(key);
    else map.set(key, { count: entry.count + count, files: entry.files + files });
  }
  return map;
}

/** Additions of a file's counts, and removals of counts added before (as a file leaves the corpus). */
function operations(keys: fc.Arbitrary<number>): fc.Arbitrary<Array<[number, number, number]>> {
  return fc.array(fc.tuple(keys, fc.integer({ min: 1, max: 9 }), fc.boolean()), { maxLength: 3000 }).map((steps) => {
    const added: Array<[number, number]> = [];
    const result: Array<[number, number, number]> = [];
    for (const [key, count, remove] of steps) {
      if (remove && added.length > 0) {
        const [oldKey, oldCount] = added.splice(count % added.length, 1)[0];
        result.push([oldKey, -oldCount, -1]);
      } else {
        added.push([key, count]);
        result.push([key, count, 1]);
      }
    }
    return result;
  });
}

function assertSame(table: CountTable, expected: Map<number, Tally>, probes: Iterable<number>): void {
  assert.equal(table.size, expected.size);
  const listed = new Map([...table.entries()].map(([key, count, files]) => [key, { count, files }]));
  assert.deepEqual(listed, expected);
  for (const key of probes) {
    assert.equal(table.count(key), expected.get(key)?.count ?? 0, `count of ${key}`);
    assert.equal(table.files(key), expected.get(key)?.files ?? 0, `files of ${key}`);
  }
}

describe('CountTable', () => {
  it('sums like a Map over few keys, through deletions inside probe runs', () => {
    fc.assert(
      fc.property(operations(fc.integer({ min: 0, max: 40 })), (ops) => {
        const table = new CountTable(16);
        for (const [key, count, files] of ops) table.add(key, count, files);
        assertSame(table, reference(ops), Array.from({ length: 41 }, (_, i) => i));
      }),
      { numRuns: RUNS },
    );
  });

  it('sums like a Map over many 30-bit keys, growing', () => {
    fc.assert(
      fc.property(operations(fc.integer({ min: 0, max: 0x3fffffff })), (ops) => {
        const table = new CountTable();
        for (const [key, count, files] of ops) table.add(key, count, files);
        assertSame(table, reference(ops), ops.map(([key]) => key));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('removes a key when its file count reaches zero, and ignores removals of absent keys', () => {
    const table = new CountTable();
    table.add(7, 3, 1);
    table.add(7, 2, 1);
    assert.equal(table.count(7), 5);
    assert.equal(table.files(7), 2);
    table.add(7, -3, -1);
    assert.deepEqual([...table.entries()], [[7, 2, 1]]);
    table.add(7, -2, -1);
    table.add(8, -1, -1);
    assert.equal(table.size, 0);
    assert.deepEqual([...table.entries()], []);
    assert.throws(() => table.add(-1, 1, 1), RangeError);
  });
});
