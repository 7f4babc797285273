import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  binaryReason,
  decodeArticle,
  encodeArticle,
  firstInvalidUtf8Offset,
  readArticle,
  readArticleSync,
  writeArticleIfUnchanged,
} from '../../server/src/node/article-file';
import { InsideRoots, resolvesInside } from '../../server/src/node/inside';
import { removeStaleTempFiles, writeFileAtomic } from '../../server/src/node/atomic-write';
import { BOM, inTempDir, TATWEEL } from './helpers';

const ARTICLE = `قال ال${TATWEEL}${TATWEEL}رئيس إن المشروع يبدأ غدا\r\n`;
/** 'News: ' then 'السلام' in Windows-1256. */
const CP1256 = Buffer.from([0x4e, 0x65, 0x77, 0x73, 0x3a, 0x20, 0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x0d, 0x0a]);

describe('readArticle', () => {
  it('reads UTF-8 text, strips and remembers the BOM, keeps the raw bytes', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, BOM + ARTICLE);
      const read = await readArticle(file);
      assert.ok(read.ok);
      assert.equal(read.text, ARTICLE);
      assert.equal(read.bom, true);
      assert.deepEqual(read.bytes, readFileSync(file));
      assert.equal(read.size, Buffer.byteLength(BOM + ARTICLE));
      assert.ok(read.mtimeMs > 0);
    });
  });

  it('names the encoding of a file that is not UTF-8', () => {
    const read = decodeArticle('legacy.txt', CP1256);
    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.kind, 'encoding');
    assert.equal(!read.ok && read.reason, 'file is Windows-1256, not UTF-8');
    assert.equal(!read.ok && read.encoding, 'windows-1256');
  });

  it('reports invalid UTF-8 in no known encoding with the offset of the first bad byte', () => {
    // Mostly UTF-8 with one stray byte: converting it would garble the rest.
    const mixed = Buffer.concat([Buffer.from('قال الرئيس إن المحادثات مستمرة ', 'utf8'), Buffer.from([0xe1]), Buffer.from(' أمس', 'utf8')]);
    const read = decodeArticle('mixed.txt', mixed);
    assert.equal(!read.ok && read.kind, 'encoding');
    assert.equal(!read.ok && read.encoding, undefined);
    assert.match(!read.ok ? read.reason : '', /^not valid UTF-8 \(byte offset \d+\)$/);
  });

  it('finds invalid UTF-8: truncation, overlongs, surrogates and code points past U+10FFFF', () => {
    assert.equal(firstInvalidUtf8Offset(Buffer.from('صباح الخير 😀', 'utf8')), -1);
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0x41, 0xd8])), 1);
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0xc0, 0xaf])), 0);
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0x41, 0xed, 0xa0, 0x80])), 1);
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0);
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0x41, 0x80])), 1);
  });

  it('reports binary content: NUL bytes, many control characters; UTF-16 is an encoding, not binary', () => {
    assert.match(binaryReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))!, /^binary \(NUL byte at offset 4\)$/);
    assert.match(binaryReason(Buffer.from([1, 2, 3, 4, 0x41, 0x42, 5, 6]))!, /control characters/);
    const utf16 = decodeArticle('u.txt', Buffer.from([0xff, 0xfe, 0x27, 0x06]));
    assert.equal(!utf16.ok && utf16.reason, 'file is UTF-16 LE, not UTF-8');
    assert.equal(binaryReason(Buffer.from(ARTICLE, 'utf8')), undefined);
  });

  it('reports unreadable paths with their error code, and too-large files', async () => {
    await inTempDir(async (dir) => {
      const missing = await readArticle(path.join(dir, 'missing.txt'));
      assert.equal(!missing.ok && missing.reason, 'unreadable (ENOENT: no such file)');
      const folder = await readArticle(dir);
      assert.match(!folder.ok ? folder.reason : '', /EISDIR/);
      const big = path.join(dir, 'big.txt');
      writeFileSync(big, 'خبر '.repeat(100));
      const tooLarge = await readArticle(big, { maxBytes: 50 });
      assert.equal(!tooLarge.ok && tooLarge.kind, 'too-large');
      assert.match(!tooLarge.ok ? tooLarge.reason : '', /too large \(700 bytes; the limit is 50/);
    });
  });

  it('reads synchronously exactly as it reads asynchronously, with roots given as paths or as InsideRoots', async () => {
    await inTempDir(async (dir) => {
      const root = path.join(dir, 'corpus');
      mkdirSync(path.join(root, 'news'), { recursive: true });
      mkdirSync(path.join(dir, 'outside'));
      writeFileSync(path.join(root, 'news', 'a.txt'), ARTICLE);
      writeFileSync(path.join(root, 'bom.txt'), Buffer.concat([Buffer.from(BOM, 'utf8'), Buffer.from(ARTICLE)]));
      writeFileSync(path.join(root, 'legacy.txt'), CP1256);
      writeFileSync(path.join(root, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      writeFileSync(path.join(root, 'bad.txt'), Buffer.from([0x61, 0xc3, 0x28]));
      writeFileSync(path.join(root, 'big.txt'), 'خبر '.repeat(100));
      writeFileSync(path.join(dir, 'outside', 'secret.txt'), ARTICLE);
      symlinkSync(path.join(dir, 'outside', 'secret.txt'), path.join(root, 'linked.txt'));
      symlinkSync(path.join(root, 'news', 'a.txt'), path.join(root, 'inside-link.txt'));
      symlinkSync(path.join(dir, 'outside'), path.join(root, 'linked-folder'));
      symlinkSync(path.join(dir, 'nowhere.txt'), path.join(root, 'dangling.txt'));
      const names = ['news/a.txt', 'bom.txt', 'legacy.txt', 'binary.txt', 'bad.txt', 'big.txt', 'linked.txt', 'inside-link.txt', 'linked-folder/secret.txt', 'dangling.txt', 'missing.txt', 'news', 'news/../news/a.txt'];
      const inside = new InsideRoots([root]);
      const kinds: string[] = [];
      for (const name of names) {
        const file = path.join(root, name);
        const expected = await readArticle(file, { within: [root], maxBytes: 500 });
        assert.deepEqual(readArticleSync(file, { within: [root], maxBytes: 500 }), expected, name);
        assert.deepEqual(readArticleSync(file, { within: inside, maxBytes: 500 }), expected, `${name}, InsideRoots`);
        assert.deepEqual(await readArticle(file, { within: inside, maxBytes: 500 }), expected, `${name}, InsideRoots, async`);
        assert.equal(inside.resolvesInside(file), resolvesInside(file, [root]), `${name}: inside`);
        kinds.push(expected.ok ? 'ok' : expected.kind);
      }
      assert.deepEqual(kinds, ['ok', 'ok', 'encoding', 'binary', 'encoding', 'too-large', 'outside', 'ok', 'outside', 'unreadable', 'unreadable', 'unreadable', 'ok']);
    });
  });

  it('keeps the bytes read unless told the file will not be written', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, ARTICLE);
      for (const read of [await readArticle(file), readArticleSync(file)]) assert.deepEqual(read.ok && read.bytes, Buffer.from(ARTICLE));
      for (const read of [await readArticle(file, { keepBytes: false }), readArticleSync(file, { keepBytes: false })]) {
        assert.ok(read.ok);
        assert.equal(read.text, ARTICLE);
        assert.equal(read.bytes, undefined);
        assert.equal(read.size, Buffer.byteLength(ARTICLE));
      }
    });
  });

  it('encodes text back with the BOM only when the file had one', () => {
    assert.deepEqual([...encodeArticle('ا', true)], [0xef, 0xbb, 0xbf, 0xd8, 0xa7]);
    assert.deepEqual([...encodeArticle('ا', false)], [0xd8, 0xa7]);
  });
});

describe('writeArticleIfUnchanged', () => {
  it('writes when the file still holds the bytes that were read', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, BOM + ARTICLE);
      const read = await readArticle(file);
      assert.ok(read.ok && read.bytes);
      const outcome = await writeArticleIfUnchanged(file, read.bytes, 'نص جديد\r\n', read.bom);
      assert.deepEqual(outcome, { written: true });
      assert.equal(readFileSync(file, 'utf8'), `${BOM}نص جديد\r\n`);
    });
  });

  it('leaves a file alone when it changed on disk after it was read', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, ARTICLE);
      const read = await readArticle(file);
      assert.ok(read.ok && read.bytes);
      const edited = `${ARTICLE}سطر أضافه محرر آخر\n`;
      writeFileSync(file, edited);
      const outcome = await writeArticleIfUnchanged(file, read.bytes, 'نص مصلح\n', read.bom);
      assert.deepEqual(outcome, { written: false, reason: 'file changed on disk while checking; not fixed' });
      assert.equal(readFileSync(file, 'utf8'), edited);
      assert.deepEqual(readdirSync(dir), ['a.txt']);
    });
  });
});

describe('writeFileAtomic', () => {
  it("replaces the content, keeps the original's mode and leaves no temporary file", async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, 'قديم');
      chmodSync(file, 0o666); // wider than the usual umask allows for new files
      await writeFileAtomic(file, 'جديد');
      assert.equal(readFileSync(file, 'utf8'), 'جديد');
      assert.equal(statSync(file).mode & 0o777, 0o666);
      assert.deepEqual(readdirSync(dir), ['a.txt']);
    });
  });

  it('writes through a symbolic link, keeping the link', async () => {
    await inTempDir(async (dir) => {
      const target = path.join(dir, 'real.txt');
      const link = path.join(dir, 'link.txt');
      writeFileSync(target, 'قديم');
      symlinkSync('real.txt', link);
      await writeFileAtomic(link, 'جديد');
      assert.ok(lstatSync(link).isSymbolicLink());
      assert.equal(readFileSync(target, 'utf8'), 'جديد');
      assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'real.txt']);
    });
  });

  it('removes the temporary file and rethrows when the rename fails', async () => {
    await inTempDir(async (dir) => {
      const blocker = path.join(dir, 'folder');
      mkdirSync(blocker);
      writeFileSync(path.join(blocker, 'inside.txt'), 'x');
      await assert.rejects(writeFileAtomic(blocker, 'جديد'));
      assert.deepEqual(readdirSync(dir), ['folder']);
      assert.deepEqual(readdirSync(blocker), ['inside.txt']);
    });
  });

  it('fails cleanly when the folder does not exist', async () => {
    await inTempDir(async (dir) => {
      await assert.rejects(writeFileAtomic(path.join(dir, 'no', 'such.txt'), 'x'), { code: 'ENOENT' });
      assert.deepEqual(readdirSync(dir), []);
    });
  });

  it('abandons the write when beforeRename says no', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, 'قديم');
      let sawTemp = false;
      const written = await writeFileAtomic(file, 'جديد', {
        beforeRename: async () => {
          sawTemp = readdirSync(dir).some((name) => /^\.a\.txt\.nassaq-\d+-[0-9a-f]+\.tmp$/.test(name));
          return false;
        },
      });
      assert.equal(written, false);
      assert.ok(sawTemp, 'the temporary file sits next to the original while it is written');
      assert.equal(readFileSync(file, 'utf8'), 'قديم');
      assert.deepEqual(readdirSync(dir), ['a.txt']);
    });
  });
});

describe('removeStaleTempFiles', () => {
  it('removes the temporary files of processes that no longer run, and only those', async () => {
    await inTempDir(async (dir) => {
      // pid 2^22 + 1 is above Linux's pid_max: no process has it.
      const dead = `.a.txt.nassaq-${2 ** 22 + 1}-0123456789ab.tmp`;
      const alive = `.b.txt.nassaq-${process.pid}-0123456789ab.tmp`;
      const others = ['a.txt', '.c.txt.nassaq-12-notours.tmp', 'notes.tmp'];
      for (const name of [dead, alive, ...others]) writeFileSync(path.join(dir, name), 'x');
      assert.equal(await removeStaleTempFiles([dir, dir]), 1);
      assert.deepEqual(readdirSync(dir).sort(), [alive, ...others].sort());
    });
  });
});
