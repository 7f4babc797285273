// Bounds on YAML input before it reaches the parser: the parser recurses once per flow level, so
// a file of nested brackets ([[[[…) exhausts the stack and, after that, memory. Configuration and
// registry files never need more than a few levels.

export const MAX_FLOW_DEPTH = 64;

/** Offset of the first bracket nested deeper than `limit` flow levels, outside quotes and comments. */
export function flowTooDeep(text: string, limit = MAX_FLOW_DEPTH): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++; // '' inside single quotes
        else quote = '';
      } else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}
