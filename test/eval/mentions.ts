// Finds the mentions of known names in a corpus and how each name is spelt there, so the
// generator can misspell a few mentions of names whose usual spelling is clear.
import { cliticSplits, looseKey, looseUnits, type CliticSplit, type Word } from './arabic';
import { nameWords, type NameEntry } from './names';

export interface Mention {
  file: number;
  entry: number;
  /** Index of the first and one past the last word of the mention. */
  start: number;
  end: number;
  split: CliticSplit;
  /** The name as written, without proclitics: `عبد المجيد تبون`, `الأمم المتحدة`. */
  form: string;
}

interface CompiledEntry {
  index: number;
  units: string[];
  /** How many words the longest spelling can take (عبدX may be written عبد X). */
  maxWords: number;
}

/** Mentions of `names` in each file's words, longest name first, never overlapping. */
export function findMentions(files: readonly (readonly Word[])[], names: readonly NameEntry[]): Mention[] {
  const compiled: CompiledEntry[] = names.map((name, index) => {
    const words = nameWords(name);
    return { index, units: looseUnits(words), maxWords: words.length + words.filter((w) => w.startsWith('عبد')).length };
  });
  compiled.sort((a, b) => b.units.length - a.units.length || b.maxWords - a.maxWords);
  const byFirstUnit = new Map<string, CompiledEntry[]>();
  for (const entry of compiled) {
    const list = byFirstUnit.get(entry.units[0]) ?? [];
    list.push(entry);
    byFirstUnit.set(entry.units[0], list);
  }
  const mentions: Mention[] = [];
  files.forEach((words, file) => {
    for (let i = 0; i < words.length; i++) {
      const found = matchAt(words, i, byFirstUnit);
      if (!found) continue;
      mentions.push({ file, ...found });
      i = found.end - 1;
    }
  });
  return mentions;
}

function matchAt(words: readonly Word[], i: number, byFirstUnit: Map<string, CompiledEntry[]>): Omit<Mention, 'file'> | undefined {
  for (const split of cliticSplits(words[i].token.text)) {
    const next = words[i + 1]?.joinedToPrevious ? words[i + 1].token.text : undefined;
    const first = split.stem === 'عبد' && next !== undefined ? looseKey(`عبد${next}`) : looseKey(split.stem);
    const candidates = byFirstUnit.get(first);
    if (!candidates) continue;
    const stems = [split.stem, ...following(words, i)];
    const read = readUnits(stems);
    let best: Omit<Mention, 'file'> | undefined;
    for (const candidate of candidates) {
      const n = candidate.units.length;
      if (read.length < n || !candidate.units.every((u, k) => read[k].unit === u)) continue;
      const used = read[n - 1].end;
      if (best && best.end - best.start >= used) continue;
      best = { entry: candidate.index, start: i, end: i + used, split, form: stems.slice(0, used).join(' ') };
    }
    if (best) return best;
  }
  return undefined;
}

/** The words after `i` that follow on after a single space, up to a few. */
function following(words: readonly Word[], i: number): string[] {
  const out: string[] = [];
  for (let j = i + 1; j < words.length && j <= i + 5 && words[j].joinedToPrevious; j++) out.push(words[j].token.text);
  return out;
}

/** Reads loose units from consecutive words: a lone عبد takes the next word with it. */
function readUnits(stems: readonly string[]): Array<{ unit: string; end: number }> {
  const out: Array<{ unit: string; end: number }> = [];
  for (let k = 0; k < stems.length; k++) {
    if (stems[k] === 'عبد' && k + 1 < stems.length) out.push({ unit: looseKey(`عبد${stems[++k]}`), end: k + 1 });
    else out.push({ unit: looseKey(stems[k]), end: k + 1 });
  }
  return out;
}

export interface NameStats {
  /** How often each spelling (without proclitics) of the name occurs. */
  forms: Map<string, number>;
  dominant: string;
  dominantCount: number;
  otherCount: number;
}

export function nameStats(mentions: readonly Mention[], entryCount: number): NameStats[] {
  const stats: NameStats[] = Array.from({ length: entryCount }, () => ({ forms: new Map(), dominant: '', dominantCount: 0, otherCount: 0 }));
  for (const m of mentions) stats[m.entry].forms.set(m.form, (stats[m.entry].forms.get(m.form) ?? 0) + 1);
  for (const s of stats) {
    let total = 0;
    for (const [form, count] of s.forms) {
      total += count;
      if (count > s.dominantCount || (count === s.dominantCount && form < s.dominant)) {
        s.dominant = form;
        s.dominantCount = count;
      }
    }
    s.otherCount = total - s.dominantCount;
  }
  return stats;
}
