// File sizes as written in nassaq.yaml (`max-file-size: 5MB`) and on the command line
// (`--max-file-size 20M`): a number of bytes with an optional K, M or G suffix (powers of 1024),
// optionally followed by `B` or `iB`.

/** The default limit: an article is a few kilobytes; a 50 MB file is not one and would stall linting. */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** Bytes for `5000000`, `512K`, `5MB`, `1 GiB`…; undefined when the text is not a size. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?$/i.exec(value.trim());
  if (!match) return undefined;
  const scale = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  const bytes = Math.round(Number(match[1]) * scale);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}
