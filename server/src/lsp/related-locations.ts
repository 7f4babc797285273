// Where else the corpus writes a name the canonical way: up to three other articles, for the
// related information of actor-spelling diagnostics ("فايز الحداد" in 2024-05-diplomacy.txt). The
// rule sees statistics only; the places come from the files whose word list holds the name's
// last word (which never carries a proclitic), read on demand and cached per corpus generation.
import * as path from 'node:path';
import type { DiagnosticRelatedInformation, Location } from 'vscode-languageserver';
import { compareIds } from '../core/actors/actor-index';
import { findMentions } from '../core/corpus/spellings';
import type { WordData } from '../core/corpus/words';
import type { Finding } from '../core/rules/rule';
import { LineIndex } from '../core/text/lines';
import { tokenize } from '../core/text/tokenize';
import { pathToUri } from './uri';
import type { WorkspaceIndex } from './workspace-index';

const LIMIT = 3;

export class CanonicalLocations {
  private cache = new Map<string, { generation: number; locations: Location[] }>();
  /** The indexed files as the corpus lists them (insertion order) and sorted, as of one corpus generation. */
  private order?: { generation: number; listed: readonly string[]; sorted: readonly string[] };

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly textOf: (file: string) => Promise<string | undefined>,
  ) {}

  /** Related information for the findings that have a canonical spelling, keyed by finding. */
  async forFindings(uri: string, findings: readonly Finding[]): Promise<Map<Finding, DiagnosticRelatedInformation[]>> {
    const result = new Map<Finding, DiagnosticRelatedInformation[]>();
    for (const finding of findings) {
      const canonical = finding.corpusFix?.canonical;
      if (!canonical) continue;
      const elsewhere = (await this.locate(canonical)).filter((l) => l.uri !== uri).slice(0, LIMIT);
      if (elsewhere.length) result.set(finding, elsewhere.map((location) => ({ location, message: `"${canonical}" in ${path.basename(location.uri)}` })));
    }
    return result;
  }

  private async locate(canonical: string): Promise<Location[]> {
    const generation = this.index.corpus.generation;
    const cached = this.cache.get(canonical);
    if (cached && cached.generation === generation) return cached.locations;
    const words = canonical.split(' ');
    const last = words[words.length - 1];
    const locations: Location[] = [];
    for (const file of this.filesInOrder()) {
      if (locations.length > LIMIT) break; // one spare: the asking file may be among them
      const data = this.index.corpus.entry(file)?.data.get('words') as WordData | undefined;
      if (!data?.words.includes(last)) continue;
      const text = await this.textOf(file);
      if (text === undefined) continue;
      const [first] = findMentions(tokenize(text), [canonical]);
      if (first) locations.push({ uri: pathToUri(file), range: new LineIndex(text).rangeAt(first.offset, first.length) });
    }
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(canonical, { generation, locations });
    return locations;
  }

  /**
   * The indexed files in id order. An edit leaves the corpus listing the same files in the same
   * order (a file added or removed changes it): then the last order holds, checked in a millisecond
   * where sorting 50,000 ids takes 70.
   */
  private filesInOrder(): readonly string[] {
    const { corpus } = this.index;
    const cached = this.order;
    if (cached?.generation === corpus.generation) return cached.sorted;
    const listed = [...corpus.fileIds()];
    const same = cached !== undefined && cached.listed.length === listed.length && cached.listed.every((file, i) => file === listed[i]);
    const sorted = same ? cached.sorted : [...listed].sort(compareIds);
    this.order = { generation: corpus.generation, listed, sorted };
    return sorted;
  }
}
