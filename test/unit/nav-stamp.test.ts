// A rename trusts the stored mentions of a file it does not read only when a stat shows the file
// as it was read for the index (unchangedSince); anything else sends it to a read and a hash.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unchangedSince } from '../../server/src/lsp/actors';

const HOUR = 3_600_000;
const readAt = 1_700_000_000_000;
const stamp = { size: 3000, mtimeMs: readAt - HOUR + 0.25, readAt };
const file = (size: number, mtimeMs: number, isFile = true) => ({ size, mtimeMs, isFile: () => isFile });

describe('unchangedSince', () => {
  it('trusts the same size and mtime of a file last modified well before it was read', () => {
    assert.equal(unchangedSince(stamp, file(3000, stamp.mtimeMs)), true);
  });

  it('distrusts another size, another mtime (even a sub-millisecond one), or what is no longer a file', () => {
    assert.equal(unchangedSince(stamp, file(3001, stamp.mtimeMs)), false);
    assert.equal(unchangedSince(stamp, file(3000, stamp.mtimeMs + 0.001)), false);
    assert.equal(unchangedSince(stamp, file(3000, stamp.mtimeMs - HOUR)), false);
    assert.equal(unchangedSince(stamp, file(3000, stamp.mtimeMs, false)), false);
  });

  it('distrusts a file modified just before it was read: a later write could carry the same coarse mtime', () => {
    for (const before of [0, 1, 999, 1999]) {
      const racy = { size: 3000, mtimeMs: readAt - before, readAt };
      assert.equal(unchangedSince(racy, file(3000, racy.mtimeMs)), false, `${before} ms before the read`);
    }
    const future = { size: 3000, mtimeMs: readAt + HOUR, readAt };
    assert.equal(unchangedSince(future, file(3000, future.mtimeMs)), false, 'an mtime after the read');
  });
});
