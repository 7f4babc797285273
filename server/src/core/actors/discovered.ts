// Actors the registry does not list yet: names the text itself marks as names, by standing after a
// title (الرئيس …، وزير الخارجية …) or a place noun (مدينة …), recurring across the corpus. A
// corpus facet: each file contributes the names it marks, the corpus keeps their counts.
import { bump, type CorpusFacet, type FileInput } from '../corpus/facet';
import { addCounterTable, exportCounterTables, type CounterTables, type StatsChunk } from '../corpus/facet';
import { isConnectorForm, nameContext } from '../corpus/names';
import { AFTER_GAP } from '../text/arabic-words';
import { foldKey } from '../text/normalize';
import type { ActorType } from './registry';

/** Per file: name spelling (surface key, one space between words) → mentions in name position; a place name is keyed with a leading '@'. */
export type MarkedNames = ReadonlyMap<string, number>;

export interface MarkedName {
  surface: string;
  type: ActorType;
  mentions: number;
  files: number;
}

export class MarkedNameStats {
  readonly mentions = new Map<string, number>();
  readonly files = new Map<string, number>();
  version = 0;
}

const PLACE_MARK = '@';
const PLACE_NOUNS: ReadonlySet<string> = new Set(['مدينه', 'محافظه', 'منطقه', 'اماره', 'عاصمه', 'ولايه', 'اقليم', 'مقاطعه', 'قريه', 'دوله', 'جمهوريه', 'مملكه'].map(foldKey));

export const markedNameFacet: CorpusFacet<MarkedNames, MarkedNameStats> = {
  id: 'marked-names',
  collect: collectMarkedNames,
  createStats: () => new MarkedNameStats(),
  add: (stats, data) => apply(stats, data, 1),
  remove: (stats, data) => apply(stats, data, -1),
  exportStats: (stats) => exportCounterTables(stats, MARKED_TABLES),
  addStats: addMarkedNameStats,
};

function apply(stats: MarkedNameStats, data: MarkedNames, sign: 1 | -1): void {
  for (const [key, count] of data) {
    bump(stats.mentions, key, sign * count);
    bump(stats.files, key, sign);
  }
  stats.version++;
}

function collectMarkedNames({ words }: FileInput): MarkedNames {
  const names = new Map<string, number>();
  const { marked } = nameContext(words);
  const { count, before, forms } = words;
  const joined = (n: number) => before[n] !== AFTER_GAP;
  // From marked word to marked word, not over every word of the file asking whether it is marked.
  const starts = [...marked].sort((a, b) => a - b);
  for (let next = 0, after = 0; next < starts.length; next++) {
    const w = starts[next];
    if (w < after) continue; // inside the previous run
    // A run: marked words joined by single spaces, connectors (بن، آل) between them kept.
    let end = w;
    while (end + 1 < count && joined(end + 1) && (marked.has(end + 1) || (isConnectorForm(forms[end + 1]) && marked.has(end + 2) && joined(end + 2)))) end++;
    const surface = forms
      .slice(w, end + 1)
      .map((form) => form.surface)
      .join(' ');
    const previous = w > 0 && joined(w) ? forms[w - 1].fold : '';
    bump(names, PLACE_NOUNS.has(previous) ? PLACE_MARK + surface : surface, 1);
    after = end + 1;
  }
  return names;
}

/** Names marked at least `minMentions` times in at least `minFiles` files, most mentioned first. */
export function markedNames(stats: MarkedNameStats, minMentions = 3, minFiles = 2): MarkedName[] {
  const result = new Map<string, MarkedName>();
  for (const [key, mentions] of stats.mentions) {
    const files = stats.files.get(key) ?? 0;
    const place = key.startsWith(PLACE_MARK);
    const surface = place ? key.slice(1) : key;
    const known = result.get(surface);
    if (known) {
      known.mentions += mentions;
      known.files = Math.max(known.files, files);
      if (place && mentions > known.mentions - mentions) known.type = 'place';
      continue;
    }
    result.set(surface, { surface, type: place ? 'place' : 'person', mentions, files });
  }
  return [...result.values()].filter((n) => n.mentions >= minMentions && n.files >= minFiles).sort((a, b) => b.mentions - a.mentions || (a.surface < b.surface ? -1 : 1));
}

// ---- exported statistics: mentions and files containing are sums over files ----

const MARKED_TABLES: CounterTables<MarkedNameStats> = { mentions: (stats) => stats.mentions, files: (stats) => stats.files };

function addMarkedNameStats(stats: MarkedNameStats, chunk: StatsChunk): void {
  addCounterTable(stats, MARKED_TABLES, chunk);
  stats.version++; // a change counter, not a sum
}
