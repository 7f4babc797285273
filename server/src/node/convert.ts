// Converts an article from a detected legacy encoding (Windows-1256, ISO-8859-6, UTF-16) to UTF-8,
// for `nassaq convert` and the server's `nassaq.convertToUtf8` command. The text is decoded and
// encoded back first: a conversion that would not give the same bytes back (so would lose
// something) is refused. Line endings are kept as they are (only characters are re-encoded), no
// BOM is written, and the file is replaced atomically with its permissions, unless its bytes
// changed since they were read.
import { constants, existsSync, promises as fs } from 'node:fs';
import { english, type Translate } from '../core/l10n';
import { binaryReason, tooLargeReason, unreadableReason, writeIfUnchanged, type IfUnchangedOptions } from './article-file';
import { resolvesInside } from './inside';
import { decodeAs, detectEncoding, encodeAs, ENCODING_NAMES, type Encoding } from './encoding';

export interface ConvertOptions {
  /** Write `<file>.bak` with the original bytes first. */
  backup?: boolean;
  /** Only say what would be done. */
  dryRun?: boolean;
  /** Files larger than this are left alone. */
  maxBytes?: number;
  /** Test hook: runs between reading the file and writing it (see writeIfUnchanged). */
  beforeWrite?: IfUnchangedOptions['beforeWrite'];
  /** The language of the reasons a file is left alone (English by default). */
  t?: Translate;
  /** Folders the file must resolve inside (a symbolic link found by a walk): see readArticle. */
  within?: readonly string[];
}

export type ConvertOutcome =
  /** Converted (or, with dryRun, would be). */
  | { kind: 'converted'; file: string; from: Encoding; backup?: string }
  /** Already UTF-8: nothing to do. */
  | { kind: 'unchanged'; file: string }
  /** Left alone, with the reason: unknown encoding, changed meanwhile, backup in the way… */
  | { kind: 'left'; file: string; reason: string }
  /** A write failed (disk full, permissions): the original is intact. */
  | { kind: 'failed'; file: string; reason: string };

export async function convertToUtf8(file: string, options: ConvertOptions = {}): Promise<ConvertOutcome> {
  const t = options.t ?? english;
  let bytes: Buffer;
  if (options.within && existsSync(file) && !resolvesInside(file, options.within)) {
    return { kind: 'left', file, reason: t('a symbolic link to a file outside {0}; not read', options.within.join(t(', '))) };
  }
  try {
    const info = await fs.stat(file);
    if (!info.isFile()) return { kind: 'left', file, reason: t('not a regular file') };
    if (options.maxBytes !== undefined && info.size > options.maxBytes) return { kind: 'left', file, reason: tooLargeReason(info.size, options.maxBytes, t) };
    bytes = await fs.readFile(file);
  } catch (error) {
    return { kind: 'left', file, reason: unreadableReason(error, t) };
  }
  const detected = detectEncoding(bytes);
  if (detected.encoding === 'utf-8') return { kind: 'unchanged', file };
  if (!detected.encoding) {
    const binary = binaryReason(bytes, t);
    return { kind: 'left', file, reason: binary ? `${binary}${t('; ')}${t('not converted')}` : t('not UTF-8, and not in an encoding Nassaq recognizes (Windows-1256, ISO-8859-6, UTF-16); not converted') };
  }
  const from = detected.encoding;
  const text = decodeAs(bytes, from);
  if (!encodeAs(text, from, detected.bom).equals(bytes)) {
    return { kind: 'left', file, reason: t('file is {0}, but does not convert without loss; not converted', ENCODING_NAMES[from]) };
  }
  if (options.dryRun) return { kind: 'converted', file, from };
  let backup: string | undefined;
  if (options.backup) {
    backup = `${file}.bak`;
    try {
      const mode = (await fs.stat(file)).mode & 0o7777;
      // Never overwrite an earlier backup: it may be the only copy of something.
      await fs.writeFile(backup, bytes, { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'EEXIST') return { kind: 'left', file, reason: t('{0} already exists; not converted', backup) };
      return { kind: 'failed', file, reason: t('cannot write {0} ({1}); not converted', backup, code ?? String(error)) };
    }
  }
  try {
    const written = await writeIfUnchanged(file, bytes, Buffer.from(text, 'utf8'), {
      changed: t('file changed on disk while converting; not converted'),
      notDone: t('not converted'),
      beforeWrite: options.beforeWrite,
      t,
    });
    if (!written.written) return { kind: 'left', file, reason: written.reason };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    return { kind: 'failed', file, reason: t('cannot write the file ({0}); not converted', err?.code ?? err?.message ?? String(error)) };
  }
  return { kind: 'converted', file, from, backup };
}
