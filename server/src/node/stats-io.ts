// Reads and writes stats files (core/corpus/stats-file.ts): line by line when reading, so no
// string holds the whole file; gzip when the name ends with .gz (read: whenever the content is
// gzip); written atomically, so a shard job killed mid-write leaves the old file or none.
import { promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { StatsFileError, statsLines, StatsReader, type CorpusStats, type StatsHeader } from '../core/corpus/stats-file';
import type { Translate } from '../core/l10n';
import { writeFileAtomic } from './atomic-write';

const GZIP_MAGIC = [0x1f, 0x8b];

/** Adds the statistics of `file` into `into`; throws StatsFileError with a message naming `shown`. */
export async function readStatsFile(file: string, shown: string, into: CorpusStats, version: string, t: Translate): Promise<StatsHeader> {
  const reader = new StatsReader(into, version, t);
  let input: Readable | undefined;
  try {
    const handle = await fs.open(file, 'r');
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0).catch(async (error) => {
      await handle.close();
      throw error;
    });
    const stream = handle.createReadStream({ start: 0 });
    input = bytesRead === 2 && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1] ? pipeline(stream, createGunzip(), () => undefined) : stream;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) reader.line(line);
    return reader.finish();
  } catch (error) {
    if (error instanceof StatsFileError) throw new StatsFileError(`${shown}: ${error.message}`);
    const err = error as NodeJS.ErrnoException;
    throw new StatsFileError(t('cannot read {0}: {1}', shown, err.code?.startsWith('Z_') ? `gzip: ${err.message}` : (err.code ?? err.message)));
  } finally {
    input?.destroy();
  }
}

export async function writeStatsFile(file: string, stats: CorpusStats, version: string): Promise<void> {
  const bytes = Buffer.concat(Array.from(statsLines(stats, version), (line) => Buffer.from(`${line}\n`)));
  await writeFileAtomic(file, file.endsWith('.gz') ? await promisify(gzip)(bytes) : bytes);
}
