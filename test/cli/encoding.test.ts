// Encoding detection on Arabic samples written for the purpose (arabic-samples.ts), and the
// conversion to UTF-8 of one file, in process (its test hook changes the file mid-conversion).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv = require('iconv-lite');
import { parseConfig } from '../../server/src/core/config/parse';
import { parseSize } from '../../server/src/core/config/size';
import { RULES } from '../../server/src/core/rules';
import { convertToUtf8 } from '../../server/src/node/convert';
import { decodeAs, detectEncoding } from '../../server/src/node/encoding';
import { encodedSamples, SENTENCES } from './arabic-samples';
import { inTempDir } from './helpers';

const PARAGRAPH = `${SENTENCES[0]}\r\n${SENTENCES[1]}\r\n`;

describe('detectEncoding', () => {
  it('names the encoding of every generated sample, each sentence and paragraph, and decodes it to the original text', () => {
    const wrong: string[] = [];
    const samples = encodedSamples();
    for (const sample of samples) {
      const detected = detectEncoding(sample.bytes);
      if (detected.encoding !== sample.encoding || detected.bom !== sample.bom || decodeAs(sample.bytes, detected.encoding) !== sample.text) {
        wrong.push(`${sample.name} in ${sample.encoding}${sample.bom ? ' with BOM' : ''}: ${detected.encoding}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(samples.length > 250, `${samples.length} samples`);
  });

  it('tells UTF-16 by its byte-order mark, and without one by where its NULs fall', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      assert.deepEqual(detectEncoding(iconv.encode(PARAGRAPH, encoding, { addBOM: true })), { encoding, bom: true });
      assert.deepEqual(detectEncoding(iconv.encode(PARAGRAPH, encoding)), { encoding, bom: false });
      assert.deepEqual(detectEncoding(iconv.encode('News of the day\n', encoding)), { encoding, bom: false }, 'ASCII text in UTF-16');
    }
  });

  it('calls pure ASCII, empty input and UTF-8 with or without BOM UTF-8', () => {
    assert.deepEqual(detectEncoding(Buffer.from('Breaking news: 3 dead\r\n')), { encoding: 'utf-8', bom: false });
    assert.deepEqual(detectEncoding(Buffer.alloc(0)), { encoding: 'utf-8', bom: false });
    assert.deepEqual(detectEncoding(Buffer.from(`\uFEFF${PARAGRAPH}`)), { encoding: 'utf-8', bom: true });
  });

  it('names no encoding for mostly-UTF-8 text with a stray byte, Latin-1 text or random bytes', () => {
    const mixed = Buffer.concat([Buffer.from(SENTENCES[2], 'utf8'), iconv.encode(' الرئيس', 'windows-1256'), Buffer.from(SENTENCES[3], 'utf8')]);
    assert.equal(detectEncoding(mixed).encoding, undefined);
    assert.equal(detectEncoding(iconv.encode('Le président a annoncé une réforme très attendue.', 'latin1')).encoding, undefined);
    const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));
    assert.ok(!['utf-8', 'iso-8859-6', 'utf-16le', 'utf-16be'].includes(detectEncoding(random).encoding as string));
  });
});

describe('max-file-size', () => {
  it('parses bytes and sizes with suffixes', () => {
    assert.equal(parseSize('5000'), 5000);
    assert.equal(parseSize('5MB'), 5 * 1024 * 1024);
    assert.equal(parseSize('512K'), 512 * 1024);
    assert.equal(parseSize('1 GiB'), 1024 ** 3);
    assert.equal(parseSize(42), 42);
    assert.equal(parseSize('five'), undefined);
  });

  it('is read from nassaq.yaml, and a bad value is an error at its place', () => {
    assert.equal(parseConfig('max-file-size: 5MB\n', RULES).config.maxFileSize, 5 * 1024 * 1024);
    assert.equal(parseConfig('max-file-size: 1000\n', RULES).config.maxFileSize, 1000);
    assert.equal(parseConfig('include: ["*.txt"]\n', RULES).config.maxFileSize, undefined);
    const bad = parseConfig('max-file-size: huge\n', RULES);
    assert.equal(bad.usable, false);
    assert.equal(bad.problems[0].offset, 'max-file-size: '.length);
  });
});

describe('convertToUtf8', () => {
  it('converts Windows-1256 keeping CRLF and permissions, with a backup of the original bytes', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      const original = iconv.encode(PARAGRAPH, 'windows-1256');
      writeFileSync(file, original);
      chmodSync(file, 0o640);
      const outcome = await convertToUtf8(file, { backup: true });
      assert.deepEqual(outcome, { kind: 'converted', file, from: 'windows-1256', backup: `${file}.bak` });
      assert.equal(readFileSync(file, 'utf8'), PARAGRAPH);
      assert.equal(statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(readFileSync(`${file}.bak`), original);
      assert.deepEqual(await convertToUtf8(file), { kind: 'unchanged', file });
    });
  });

  it('drops a UTF-16 byte-order mark and writes nothing with dryRun', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      const bytes = iconv.encode(PARAGRAPH, 'utf-16be', { addBOM: true });
      writeFileSync(file, bytes);
      assert.equal((await convertToUtf8(file, { dryRun: true })).kind, 'converted');
      assert.deepEqual(readFileSync(file), bytes);
      await convertToUtf8(file);
      assert.deepEqual(readFileSync(file), Buffer.from(PARAGRAPH, 'utf8'));
    });
  });

  it('leaves alone a file that changed between reading and writing, and one whose backup exists', async () => {
    await inTempDir(async (dir) => {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, iconv.encode(PARAGRAPH, 'windows-1256'));
      const edited = iconv.encode(`${PARAGRAPH}${SENTENCES[5]}\r\n`, 'windows-1256');
      const outcome = await convertToUtf8(file, { beforeWrite: async () => writeFileSync(file, edited) });
      assert.deepEqual(outcome, { kind: 'left', file, reason: 'file changed on disk while converting; not converted' });
      assert.deepEqual(readFileSync(file), edited);
      writeFileSync(`${file}.bak`, 'older backup');
      const blocked = await convertToUtf8(file, { backup: true });
      assert.equal(blocked.kind, 'left');
      assert.deepEqual(readFileSync(file), edited);
      assert.equal(readFileSync(`${file}.bak`, 'utf8'), 'older backup');
      assert.ok(!existsSync(path.join(dir, 'b.txt')));
    });
  });

  it('leaves alone what it cannot convert: unknown encodings, binary files, missing files', async () => {
    await inTempDir(async (dir) => {
      const latin = path.join(dir, 'latin.txt');
      writeFileSync(latin, iconv.encode('Le président a annoncé une réforme.', 'latin1'));
      assert.match((await convertToUtf8(latin)).kind, /^left$/);
      const binary = path.join(dir, 'image.txt');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0xff]));
      const outcome = await convertToUtf8(binary);
      assert.equal(outcome.kind === 'left' && outcome.reason, 'binary (NUL byte at offset 4); not converted');
      assert.deepEqual(await convertToUtf8(path.join(dir, 'gone.txt')), { kind: 'left', file: path.join(dir, 'gone.txt'), reason: 'unreadable (ENOENT: no such file)' });
    });
  });
});
