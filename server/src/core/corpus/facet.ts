// A facet is one kind of corpus knowledge: what a rule needs to know about the other files.
// Each file contributes data computed from its text alone; the corpus keeps statistics that
// add and remove those contributions, so an edit updates them by difference, never by rebuild.
import type { LineIndex } from '../text/lines';
import type { Token } from '../text/tokenize';

export interface FileInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly lines: LineIndex;
}

export interface CorpusFacet<Data = unknown, Stats = unknown> {
  /** Unique id, usually the rule id. */
  readonly id: string;
  /** This file's contribution. Pure: depends on the text only. */
  collect(file: FileInput): Data;
  createStats(): Stats;
  add(stats: Stats, data: Data): void;
  /** Exactly undoes `add` of the same data. */
  remove(stats: Stats, data: Data): void;
}

/** Adds `delta` to a counter in a map, deleting the key when it reaches zero. */
export function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}
