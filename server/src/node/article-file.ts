// Reads one article from disk without ever throwing on bad input: binary files, files that are
// not UTF-8, unreadable paths and oversized files come back as `{ ok: false, reason }`. A file in
// another encoding is named (`file is Windows-1256, not UTF-8`) and never decoded for linting.
// The raw bytes are kept so that a later write can check that nobody changed the file meanwhile.
// Reasons are written through the caller's `t` (the CLI's --locale, the server's locale).
import { close, closeSync, constants, existsSync, fstat, fstatSync, open, openSync, promises as fs, readFile, readSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE } from '../core/config/size';
import { english, type Translate } from '../core/l10n';
import { writeFileAtomic } from './atomic-write';
import { InsideRoots, resolvesInside } from './inside';
import { detectLegacy, detectUtf16, ENCODING_NAMES, utf8SequenceLength, type Encoding } from './encoding';

export { DEFAULT_MAX_FILE_SIZE };
const SNIFF_LENGTH = 8192;
/** Share of control bytes in the first 8 KB above which a file counts as binary. */
const MAX_CONTROL_SHARE = 0.1;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// The callback API, promisified, is several times faster than FileHandle for many small files.
const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const readFileAsync = promisify(readFile);
/** Validates while decoding; strips a leading BOM. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ArticleOk {
  ok: true;
  file: string;
  /** The decoded text, without a leading BOM. */
  text: string;
  /** Whether the file started with a UTF-8 BOM (a write puts it back). */
  bom: boolean;
  /** The raw content as read, for the staleness check before a write; absent when read with `keepBytes: false`. */
  bytes: Buffer | undefined;
  mtimeMs: number;
  size: number;
}

export type SkipKind = 'binary' | 'encoding' | 'unreadable' | 'too-large' | 'outside';

export interface ArticleSkipped {
  ok: false;
  file: string;
  kind: SkipKind;
  reason: string;
  /** For `encoding`: the encoding the file is in, when known (`nassaq convert` can convert it). */
  encoding?: Encoding;
}

export type ArticleRead = ArticleOk | ArticleSkipped;

export interface ReadOptions {
  /** Files larger than this many bytes are skipped; 20 MB by default (`max-file-size`). */
  maxBytes?: number;
  /** The language of skip reasons (English by default). */
  t?: Translate;
  /**
   * Folders the file must resolve inside once symbolic links are followed (the workspace folders,
   * the walked folder): a symlinked article pointing elsewhere is skipped (`outside`), not read.
   * An InsideRoots remembers the folders it resolved, for reading many files.
   */
  within?: readonly string[] | InsideRoots;
  /** False when the file will not be written: a run that holds every article need not hold its bytes too. */
  keepBytes?: boolean;
}

/** O_NONBLOCK keeps a FIFO from hanging the open; it changes nothing for regular files. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readArticle(file: string, options: ReadOptions = {}): Promise<ArticleRead> {
  const reading = startRead(file, options);
  if ('ok' in reading) return reading; // refused before opening
  let fd: number | undefined;
  try {
    fd = await openAsync(file, OPEN_FLAGS);
    const info = await fstatAsync(fd);
    return statRefusal(reading, info) ?? finishRead(reading, info, await readFileAsync(fd));
  } catch (error) {
    return skipped(file, 'unreadable', unreadableReason(error, reading.t));
  } finally {
    if (fd !== undefined) close(fd, () => undefined);
  }
}

/**
 * readArticle without the event loop, for a thread or a run that does nothing else meanwhile (an
 * indexing worker, the CLI): its four asynchronous steps per file cost about 3x the CPU of these
 * calls (10,000 articles read without a containment check: 1.6 s against 0.55 s).
 */
export function readArticleSync(file: string, options: ReadOptions = {}): ArticleRead {
  const reading = startRead(file, options);
  if ('ok' in reading) return reading; // refused before opening
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FLAGS);
    const info = fstatSync(fd);
    return statRefusal(reading, info) ?? finishRead(reading, info, readAllSync(fd, info.size));
  } catch (error) {
    return skipped(file, 'unreadable', unreadableReason(error, reading.t));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** One read as both readers make it: they differ only in how they open, stat and read. */
interface Reading {
  file: string;
  maxBytes: number;
  t: Translate;
  keepBytes: boolean;
}

/** The read's settings, or why the file is not opened at all (a symbolic link out of `within`). */
function startRead(file: string, options: ReadOptions): Reading | ArticleSkipped {
  const t = options.t ?? english;
  return outsideRefusal(file, options.within, t) ?? { file, maxBytes: options.maxBytes ?? DEFAULT_MAX_FILE_SIZE, t, keepBytes: options.keepBytes !== false };
}

/** The bytes read decoded; a file that grew past the limit between its stat and the read is still too large. */
function finishRead({ file, maxBytes, t, keepBytes }: Reading, info: Stats, bytes: Buffer): ArticleRead {
  if (bytes.length > maxBytes) return tooLarge(file, bytes.length, maxBytes, t);
  const read = decodeArticle(file, bytes, info.mtimeMs, t);
  if (read.ok && !keepBytes) read.bytes = undefined;
  return read;
}

/**
 * The `size` bytes of an open file (its size at fstat), without the extra fstat and read of
 * readFileSync: a file that grows meanwhile is read as it was at fstat. In a buffer of its own,
 * not a slice of Buffer's shared pool: when the CLI still kept every article's bytes, pooled
 * slices made its peak RSS on 10,000 articles 426-432 MB, against 222-231 MB.
 */
function readAllSync(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafeSlow(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, buffer, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/** A symbolic link out of `within` is not read. A dangling or looping link is not judged here: opening it says what is wrong with it. */
function outsideRefusal(file: string, within: ReadOptions['within'], t: Translate): ArticleSkipped | undefined {
  if (!within) return undefined;
  const inside = within instanceof InsideRoots ? within.resolvesInside(file) : resolvesInside(file, within);
  // Checked only when needed: a missing file resolves nowhere, and opening it says so.
  if (inside || !existsSync(file)) return undefined;
  const roots = within instanceof InsideRoots ? within.roots : within;
  return skipped(file, 'outside', t('a symbolic link to a file outside {0}; not read', roots.join(t(', '))));
}

/** Why an opened file is not read, judged by its stat: a folder, not a regular file, too large. */
function statRefusal({ file, maxBytes, t }: Reading, info: Stats): ArticleSkipped | undefined {
  if (info.isDirectory()) return skipped(file, 'unreadable', t('unreadable ({0})', `EISDIR: ${t('is a directory')}`));
  if (!info.isFile()) return skipped(file, 'unreadable', t('unreadable ({0})', t('not a regular file')));
  if (info.size > maxBytes) return tooLarge(file, info.size, maxBytes, t);
  return undefined;
}

/** Classifies and decodes raw bytes; exported for tests. */
export function decodeArticle(file: string, bytes: Buffer, mtimeMs = 0, t: Translate = english): ArticleRead {
  // Before the binary check: UTF-16 text is full of NUL bytes.
  const utf16 = detectUtf16(bytes);
  if (utf16?.encoding) return wrongEncoding(file, utf16.encoding, t);
  const binary = binaryReason(bytes, t);
  if (binary) return skipped(file, 'binary', binary);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const legacy = detectLegacy(bytes).encoding;
    if (legacy) return wrongEncoding(file, legacy, t);
    const offset = firstInvalidUtf8Offset(bytes);
    return skipped(file, 'encoding', offset < 0 ? t('not valid UTF-8') : t('not valid UTF-8 (byte offset {0})', offset));
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ok: true, file, text, bom, bytes, mtimeMs, size: bytes.length };
}

/** The bytes to write for `text`, with the BOM put back when the file had one. */
export function encodeArticle(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

export type WriteOutcome = { written: true } | { written: false; reason: string };

/**
 * Writes `text` over `file` atomically, unless the file's bytes no longer equal `original`
 * (someone edited it while we were checking): then the file is left untouched.
 */
export async function writeArticleIfUnchanged(file: string, original: Buffer, text: string, bom: boolean, t: Translate = english): Promise<WriteOutcome> {
  return writeIfUnchanged(file, original, encodeArticle(text, bom), { changed: t('file changed on disk while checking; not fixed'), notDone: t('not fixed'), t });
}

export interface IfUnchangedOptions {
  /** The reason given when the file changed (default: for --fix). */
  changed?: string;
  /** Appended to an error reading the file again. */
  notDone?: string;
  /** Runs after the first check and before the new content is written (tests make changes here). */
  beforeWrite?: () => Promise<void>;
  /** The language of the default reasons and of read errors (English by default). */
  t?: Translate;
}

/** Writes `content` over `file` atomically unless the file no longer holds `original`. */
export async function writeIfUnchanged(file: string, original: Buffer, content: Uint8Array, options: IfUnchangedOptions = {}): Promise<WriteOutcome> {
  const t = options.t ?? english;
  const changed = options.changed ?? t('file changed on disk meanwhile; left alone');
  const notDone = options.notDone ?? t('left alone');
  let stale: string | undefined = await stalenessOf(file, original, changed, notDone, t);
  if (stale) return { written: false, reason: stale };
  await options.beforeWrite?.();
  // Checked again once the new content is on disk, to keep the window before the rename small.
  const written = await writeFileAtomic(file, content, {
    beforeRename: async () => (stale = await stalenessOf(file, original, changed, notDone, t)) === undefined,
  });
  return written ? { written: true } : { written: false, reason: stale ?? notDone };
}

/** Why `file` no longer holds `original`, or undefined when it still does. */
async function stalenessOf(file: string, original: Buffer, changed: string, notDone: string, t: Translate): Promise<string | undefined> {
  let current: Buffer;
  try {
    current = await fs.readFile(file);
  } catch (error) {
    return `${unreadableReason(error, t)}${t('; ')}${notDone}`;
  }
  return current.equals(original) ? undefined : changed;
}

function skipped(file: string, kind: SkipKind, reason: string): ArticleSkipped {
  return { ok: false, file, kind, reason };
}

/** Why a file of `size` bytes is not read; shared with `nassaq convert`. */
export function tooLargeReason(size: number, maxBytes: number, t: Translate = english): string {
  return t('too large ({0} bytes; the limit is {1}, see max-file-size)', size, maxBytes);
}

function tooLarge(file: string, size: number, maxBytes: number, t: Translate): ArticleSkipped {
  return skipped(file, 'too-large', tooLargeReason(size, maxBytes, t));
}

function wrongEncoding(file: string, encoding: Encoding, t: Translate): ArticleSkipped {
  return { ok: false, file, kind: 'encoding', reason: t('file is {0}, not UTF-8', ENCODING_NAMES[encoding]), encoding };
}

export function unreadableReason(error: unknown, t: Translate = english): string {
  const err = error as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string') {
    const detail = err.code === 'ENOENT' ? t('no such file') : err.code === 'EACCES' || err.code === 'EPERM' ? t('permission denied') : err.code === 'EISDIR' ? t('is a directory') : '';
    return t('unreadable ({0})', `${err.code}${detail ? `: ${detail}` : ''}`);
  }
  return t('unreadable ({0})', String(error));
}

/** NUL, and the control bytes counted below. */
const CONTROL_BYTE = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/;

/** Why the start of `bytes` looks binary, or undefined when it looks like text. */
export function binaryReason(bytes: Uint8Array, t: Translate = english): string | undefined {
  const sample = bytes.subarray(0, SNIFF_LENGTH);
  // Text has no such byte: one native search instead of a loop over every byte.
  if (!CONTROL_BYTE.test(Buffer.from(sample.buffer, sample.byteOffset, sample.length).toString('latin1'))) return undefined;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return t('binary (NUL byte at offset {0})', i);
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) controls++;
  }
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE) {
    return t('binary ({0}% control characters in the first {1} bytes)', Math.round((100 * controls) / sample.length), sample.length);
  }
  return undefined;
}

/** Offset of the first byte that breaks UTF-8 (see utf8SequenceLength), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}
