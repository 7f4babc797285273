// Corpus statistics as a file, so that the shards of a corpus can be indexed apart and their
// statistics added up (`nassaq stats`, `nassaq stats merge`, `nassaq check --stats`). JSON Lines,
// one chunk per line, so that no line (and no string in memory) grows with the corpus:
//   {"nassaq":"stats","format":1,"version":"0.1.0","facets":["words",…],"files":5000,"tokens":1482916}
//   {"facet":"words","chunk":["pairs",[hash, difference…],[count…],[files…]]}   a facet's table, in chunks
//   {"files":["hashes",[content hash, difference…],[files…]]}                  the files counted
//   {"end":19}                                                                  lines between header and end
// Pure: lines in, lines out. Reading and writing files (gzip, atomic rename) is the CLI's.
import type { Translate } from '../l10n';
import { CorpusIndex } from './corpus-index';
import { bump, readTable, StatsChunkError, tableChunks, type StatsChunk } from './facet';

/** Bumped when the layout of the file changes; what the facets write is covered by the tool version. */
export const STATS_FORMAT = 1;

export interface StatsHeader {
  nassaq: 'stats';
  format: number;
  /** The nassaq version that collected the statistics: another one may tokenize or hash differently. */
  version: string;
  facets: string[];
  files: number;
  tokens: number;
}

/** A stats file that cannot be used; the message says why, for the user. */
export class StatsFileError extends Error {}

/** A corpus index's statistics and the content hashes of the files they count. */
export class CorpusStats {
  /** contentHash of a file's text → files with that content. */
  readonly files = new Map<number, number>();

  constructor(readonly index: CorpusIndex) {}

  /** The statistics of the files indexed in `index`. */
  static of(index: CorpusIndex): CorpusStats {
    const stats = new CorpusStats(index);
    for (const id of index.fileIds()) bump(stats.files, index.entry(id)!.hash, 1);
    return stats;
  }

  /** Whether a file with this content hash is counted (a changed file is not). */
  counts(hash: number): boolean {
    return this.files.has(hash);
  }
}

export function* statsLines(stats: CorpusStats, version: string): Generator<string> {
  const { index } = stats;
  const header: StatsHeader = { nassaq: 'stats', format: STATS_FORMAT, version, facets: index.facetIds, files: index.fileCount, tokens: index.words.tokenCount };
  yield JSON.stringify(header);
  let lines = 0;
  for (const [facet, chunk] of index.exportStats()) {
    yield JSON.stringify({ facet, chunk });
    lines++;
  }
  for (const chunk of tableChunks('hashes', stats.files, [(files) => files])) {
    yield JSON.stringify({ files: chunk });
    lines++;
  }
  yield JSON.stringify({ end: lines });
}

/** Adds the lines of one stats file into `into`, checking them; throws StatsFileError. */
export class StatsReader {
  private lineNumber = 0;
  private header: StatsHeader | undefined;
  private dataLines = 0;
  private ended = false;
  private readonly before: { files: number; tokens: number; hashes: number };

  constructor(
    private readonly into: CorpusStats,
    private readonly version: string,
    private readonly t: Translate,
  ) {
    this.before = { files: into.index.fileCount, tokens: into.index.words.tokenCount, hashes: fileTotal(into) };
  }

  line(text: string): void {
    this.lineNumber++;
    if (text.trim() === '') return;
    if (this.ended) throw this.damaged('text after the end line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new StatsFileError(this.header ? this.t('line {0} is not JSON: the file is damaged', this.lineNumber) : this.notStats());
    }
    if (this.header) this.data(value);
    else this.header = this.checkHeader(value);
  }

  /** The header, once every line is read; throws if the file ended early. */
  finish(): StatsHeader {
    if (!this.header) throw new StatsFileError(this.notStats());
    if (!this.ended) throw new StatsFileError(this.t('the file ends before its end line: it was cut short'));
    return this.header;
  }

  private checkHeader(value: unknown): StatsHeader {
    const header = value as Partial<StatsHeader> | null;
    if (typeof header !== 'object' || header === null || header.nassaq !== 'stats') throw new StatsFileError(this.notStats());
    if (header.format !== STATS_FORMAT) throw new StatsFileError(this.t('statistics format {0}; this nassaq reads format {1}', String(header.format), STATS_FORMAT));
    const again = this.t("collect them again with 'nassaq stats'");
    if (header.version !== this.version) throw new StatsFileError(this.t('statistics of nassaq {0}, not of this nassaq ({1}): {2}', String(header.version), this.version, again));
    const facets = Array.isArray(header.facets) ? header.facets.map(String) : [];
    const needed = this.into.index.facetIds;
    if ([...facets].sort().join() !== [...needed].sort().join()) throw new StatsFileError(this.t('statistics of {0}; this nassaq needs {1}: {2}', facets.join(', '), needed.join(', '), again));
    if (!isCount(header.files) || !isCount(header.tokens)) throw new StatsFileError(this.notStats());
    return header as StatsHeader;
  }

  private data(value: unknown): void {
    const line = (typeof value === 'object' && value !== null ? value : {}) as { facet?: unknown; chunk?: unknown; files?: unknown; end?: unknown };
    try {
      if (typeof line.facet === 'string' && this.header!.facets.includes(line.facet) && Array.isArray(line.chunk)) this.into.index.addStats(line.facet, line.chunk);
      else if (Array.isArray(line.files)) this.addFiles(line.files);
      else if (line.end !== undefined) return this.end(line.end);
      else throw new StatsChunkError('not a line of statistics');
    } catch (error) {
      if (error instanceof StatsChunkError) throw this.damaged(error.message);
      throw error;
    }
    this.dataLines++;
  }

  private addFiles(chunk: StatsChunk): void {
    const { keys, columns } = readTable(chunk, 'integer', 1);
    for (let i = 0; i < keys.length; i++) bump(this.into.files, keys[i], columns[0][i]);
  }

  private end(lines: unknown): void {
    if (lines !== this.dataLines) throw this.damaged(`${this.dataLines} lines of statistics, the end line says ${String(lines)}`);
    const { index } = this.into;
    const files = index.fileCount - this.before.files;
    if (files !== this.header!.files || fileTotal(this.into) - this.before.hashes !== files || index.words.tokenCount - this.before.tokens !== this.header!.tokens) {
      throw this.damaged('the totals of the header do not match the statistics');
    }
    this.ended = true;
  }

  private notStats(): string {
    return this.t("not a statistics file of 'nassaq stats'");
  }

  private damaged(detail: string): StatsFileError {
    return new StatsFileError(this.t('line {0}: damaged statistics ({1})', this.lineNumber, detail));
  }
}

function fileTotal(stats: CorpusStats): number {
  let total = 0;
  for (const files of stats.files.values()) total += files;
  return total;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
