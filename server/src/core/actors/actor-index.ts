// The actor index: where every registry actor is mentioned across the corpus. Pure and
// synchronous, like the corpus index: the host feeds it texts and registries. Per file it keeps
// a compact table of mentions (positions included, so unopened files need no re-reading to be
// listed); per actor, counts kept by difference, so an edit re-matches one file.
import { contentHash } from '../corpus/corpus-index';
import { LineIndex } from '../text/lines';
import { foldKey, surfaceKey } from '../text/normalize';
import { arabicWords, type ArabicWords } from '../text/arabic-words';
import { mentionSurface, NameMatcher } from './matcher';
import type { Actor } from './registry';

/** How a mention is written: the registry name, an alias, a listed wrong spelling, or another spelling of the name or an alias. */
export type MentionForm = 'name' | 'alias' | 'variant' | 'spelling';
const FORMS: readonly MentionForm[] = ['name', 'alias', 'variant', 'spelling'];

export interface IndexedActor extends Actor {
  /** Position in the index's actor table; stable until the registries change. */
  ordinal: number;
  /** The registry file the actor comes from. */
  registry: string;
}

export interface ActorMention {
  actor: number;
  /** The name proper, after proclitics. */
  offset: number;
  length: number;
  /** Proclitics written before it (و، ب، ل…), in code units. */
  cliticLength: number;
  /** ل + the name's article written لل (للأمم المتحدة). */
  lamArticle: boolean;
  /** The last proclitic is ل (لفايز): a new name with the article merges with it (للفايز). */
  lamClitic: boolean;
  line: number;
  character: number;
  /** The spelling as written (surface key, clitics removed). */
  surface: string;
  form: MentionForm;
  /** The registry spelling that matched (surface key); set on fresh matches, not on indexed ones. */
  spelling?: string;
}

/** The actor registry as rules see it: its canonical names, and the mentions of its actors in a text. */
export interface RegistryView {
  readonly names: readonly string[];
  /** Mentions not written as the actor's name or an alias: a listed variant or another spelling. */
  otherSpellings(text: string, words: ArabicWords): Array<ActorMention & { name: string }>;
}

export interface FileReference {
  fileId: string;
  mention: ActorMention;
}

export interface ActorSummary {
  actor: IndexedActor;
  mentions: number;
  files: number;
  /** Spellings seen, most frequent first. */
  spellings: Array<{ surface: string; count: number }>;
  /** Actors mentioned in the same files, most shared files first. */
  companions: Array<{ actor: IndexedActor; files: number }>;
  /** First and last files mentioning it, in file order (articles are usually named by date). */
  firstFile?: string;
  lastFile?: string;
}

const STRIDE = 7; // actor, offset, length, clitic length | lamArticle << 16, line, character, form << 16 | spelling
const LAM_ARTICLE = 1 << 16;
const LAM_CLITIC = 1 << 17;

/** A file's mentions as the index keeps them: STRIDE numbers per mention, spellings by number. Plain data, so it crosses threads. */
export interface MentionTable {
  readonly table: Int32Array;
  readonly spellings: readonly string[];
}

interface FileMentions extends MentionTable {
  /** The file's number in the actors' tallies (see ActorIndex.fileIdOf). */
  number: number;
  hash: number;
  length: number;
  /** Registry generation the mentions were matched against. */
  generation: number;
}

/** Mentions (ActorIndex.match) in the form the index keeps them. */
export function mentionTable(mentions: readonly ActorMention[]): MentionTable {
  const spellings: string[] = [];
  const spellingIndex = new Map<string, number>();
  const table = new Int32Array(mentions.length * STRIDE);
  mentions.forEach((m, i) => {
    let spelling = spellingIndex.get(m.surface);
    if (spelling === undefined) spellingIndex.set(m.surface, (spelling = spellings.push(m.surface) - 1));
    const at = i * STRIDE;
    table[at] = m.actor;
    table[at + 1] = m.offset;
    table[at + 2] = m.length;
    table[at + 3] = m.cliticLength | (m.lamArticle ? LAM_ARTICLE : 0) | (m.lamClitic ? LAM_CLITIC : 0);
    table[at + 4] = m.line;
    table[at + 5] = m.character;
    table[at + 6] = (FORMS.indexOf(m.form) << 16) | spelling;
  });
  return { table, spellings };
}

interface ActorTally {
  mentions: number;
  /** Mentions per file, by file number. */
  files: Map<number, number>;
}

interface Target {
  actor: number;
  form: MentionForm;
  surface: string;
}

interface RegistryMatcher {
  matcher: NameMatcher;
  targets: Target[];
}

export interface RegistrySource {
  /** Identifies the registry (its path). */
  file: string;
  actors: readonly Actor[];
}

export class ActorIndex {
  private actorTable: IndexedActor[] = [];
  private matchers = new Map<string, RegistryMatcher>();
  /** One view per registry, so rules can cache what they derive from it. */
  private views = new Map<string, RegistryView>();
  private readonly files = new Map<string, FileMentions>();
  /**
   * Tallies key files by number: at 50,000 files, a scan adds a million (actor, file) entries,
   * and a small integer hashes and compares faster than a path. Numbers of removed files are reused.
   */
  private readonly fileIdOf: string[] = [];
  private readonly freeNumbers: number[] = [];
  private tallies: ActorTally[] = [];
  private registries = 0;
  /** Bumped on every change. */
  generation = 0;
  /** Answers derived from the tables, valid for one `generation` (see memo). */
  private memoGeneration = -1;
  private readonly sortedFiles = new Map<number, readonly string[]>();
  private readonly summaries = new Map<string, ActorSummary>();
  /** Per actor, the fold keys of its spellings joined by line breaks, for search; built on the first search after the registries change. */
  private searchKeys?: string[];

  /** @param scopeOf which registry governs a file (undefined: none). */
  constructor(private scopeOf: (fileId: string) => string | undefined = () => undefined) {}

  get actors(): readonly IndexedActor[] {
    return this.actorTable;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Bumped when the registries are replaced. */
  get registryGeneration(): number {
    return this.registries;
  }

  /** Replaces the registries. Every file must then be fed again (`update`) to be re-matched. */
  setRegistries(sources: readonly RegistrySource[], scopeOf?: (fileId: string) => string | undefined): void {
    if (scopeOf) this.scopeOf = scopeOf;
    this.actorTable = [];
    this.matchers = new Map();
    this.views = new Map();
    for (const source of sources) {
      const entry: RegistryMatcher = { matcher: new NameMatcher(), targets: [] };
      for (const actor of source.actors) {
        const ordinal = this.actorTable.length;
        this.actorTable.push({ ...actor, ordinal, registry: source.file });
        const spellings: Array<[string, MentionForm]> = [[actor.name, 'name'], ...actor.aliases.map((a) => [a, 'alias'] as [string, MentionForm]), ...actor.variants.map((v) => [v, 'variant'] as [string, MentionForm])];
        for (const [spelling, form] of spellings) {
          entry.matcher.add(spelling, entry.targets.length);
          entry.targets.push({ actor: ordinal, form, surface: spellingKey(spelling) });
        }
      }
      this.matchers.set(source.file, entry);
    }
    this.registries++;
    this.tallies = this.actorTable.map(() => ({ mentions: 0, files: new Map() }));
    this.searchKeys = undefined;
    for (const file of this.files.values()) file.generation = -1;
    this.generation++;
  }

  /** Whether a file must be fed again (new content or new registries). */
  isStale(fileId: string, text: string, hash = contentHash(text)): boolean {
    return this.isStaleFor(fileId, hash, text.length);
  }

  private isStaleFor(fileId: string, hash: number, length: number): boolean {
    const file = this.files.get(fileId);
    return !file || file.generation !== this.registries || file.length !== length || file.hash !== hash;
  }

  /** Matches a file's text; returns whether its mentions changed. */
  update(fileId: string, text: string, words?: ArabicWords, lines?: LineIndex, hash = contentHash(text)): boolean {
    if (!this.isStaleFor(fileId, hash, text.length)) return false;
    return this.updateMatched(fileId, hash, text.length, mentionTable(this.match(fileId, text, words, lines)), this.registries);
  }

  /**
   * Indexes mentions matched elsewhere (another thread, see index-threads.ts) in the text of this
   * hash and length, against the registries of `registryGeneration`: refused (false) if those
   * registries were replaced since, or if the file is indexed with this text already.
   */
  updateMatched(fileId: string, hash: number, length: number, { table, spellings }: MentionTable, registryGeneration: number): boolean {
    if (registryGeneration !== this.registries || !this.isStaleFor(fileId, hash, length)) return false;
    const number = this.drop(fileId) ?? this.newFileNumber(fileId);
    // The actors' tallies are updated once per actor in the file, not once per mention: sorted,
    // the actors come in runs. Only numbers are stored (spellings are counted by summary).
    const actors = new Int32Array(table.length / STRIDE);
    for (let at = 0, k = 0; at < table.length; at += STRIDE, k++) actors[k] = table[at];
    actors.sort();
    for (let k = 0; k < actors.length; ) {
      const start = k;
      while (k < actors.length && actors[k] === actors[start]) k++;
      const tally = this.tallies[actors[start]];
      tally.mentions += k - start;
      tally.files.set(number, k - start);
    }
    this.files.set(fileId, { number, hash, length, generation: this.registries, table, spellings });
    this.generation++;
    return true;
  }

  remove(fileId: string): boolean {
    const file = this.files.get(fileId);
    if (!file) return false;
    this.drop(fileId);
    this.files.delete(fileId);
    this.freeNumbers.push(file.number);
    this.generation++;
    return true;
  }

  fileIds(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Mentions of registry actors in a text, without indexing it (an open buffer, a file being renamed). */
  match(fileId: string, text: string, words: ArabicWords = arabicWords(text), lines: LineIndex = new LineIndex(text)): ActorMention[] {
    return this.matchIn(this.scopeOf(fileId), text, words, lines);
  }

  /** Mentions of the actors of one registry in a text. */
  matchIn(scope: string | undefined, text: string, words: ArabicWords = arabicWords(text), lines: LineIndex = new LineIndex(text)): ActorMention[] {
    const entry = scope === undefined ? undefined : this.matchers.get(scope);
    if (!entry) return [];
    return entry.matcher.match(words).map((match) => {
      const target = entry.targets[match.target];
      const surface = mentionSurface(text, match);
      const form: MentionForm = surface === target.surface ? target.form : target.form === 'variant' ? 'variant' : 'spelling';
      const { line, character } = lines.positionAt(match.offset);
      return { actor: target.actor, offset: match.offset, length: match.length, cliticLength: match.cliticLength, lamArticle: match.lamArticle, lamClitic: match.cliticLength > 0 && surfaceKey(text.slice(match.offset - match.cliticLength, match.offset)).endsWith('ل'), line, character, surface, form, spelling: target.surface };
    });
  }

  /** Content hash and length of the text a file's mentions were matched in (see contentHash). */
  indexedText(fileId: string): { hash: number; length: number } | undefined {
    const file = this.files.get(fileId);
    return file && file.generation === this.registries ? { hash: file.hash, length: file.length } : undefined;
  }

  /** The indexed mentions of a file (as of its last `update`), or only those of one actor. */
  mentionsIn(fileId: string, actor?: number): ActorMention[] {
    const file = this.files.get(fileId);
    if (!file || file.generation !== this.registries) return [];
    const result: ActorMention[] = [];
    for (let i = 0; i < file.table.length; i += STRIDE) if (actor === undefined || file.table[i] === actor) result.push(decode(file, i));
    return result;
  }

  /** Every indexed mention of an actor, ordered by file then position. */
  references(actor: number): FileReference[] {
    const result: FileReference[] = [];
    for (const fileId of this.filesOf(actor)) for (const mention of this.mentionsIn(fileId, actor)) result.push({ fileId, mention });
    return result;
  }

  /** Files mentioning the actor, in file order (shared until the index changes: do not modify). */
  filesOf(actor: number): readonly string[] {
    this.memo();
    let files = this.sortedFiles.get(actor);
    if (!files) this.sortedFiles.set(actor, (files = Array.from(this.tallies[actor]?.files.keys() ?? [], (number) => this.fileIdOf[number]).sort(compareIds)));
    return files;
  }

  /** How many files mention the actor. */
  fileCountOf(actor: number): number {
    return this.tallies[actor]?.files.size ?? 0;
  }

  mentionCount(actor: number): number {
    return this.tallies[actor]?.mentions ?? 0;
  }

  /** Counts, spellings, companions, first and last file; computed once per generation (shared: do not modify). */
  summary(actor: number, companionLimit = 5): ActorSummary | undefined {
    this.memo();
    const key = `${actor}:${companionLimit}`;
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = this.computeSummary(actor, companionLimit);
      if (summary) this.summaries.set(key, summary);
    }
    return summary;
  }

  private computeSummary(actor: number, companionLimit: number): ActorSummary | undefined {
    const indexed = this.actorTable[actor];
    const tally = this.tallies[actor];
    if (!indexed || !tally) return undefined;
    const files = this.filesOf(actor);
    // Files shared with each other actor, counted once per file (countedIn: the last file counted).
    const shared = new Int32Array(this.actorTable.length);
    const countedIn = new Int32Array(this.actorTable.length).fill(-1);
    const others: number[] = [];
    // Spellings are counted here, from the files' tables, rather than kept per actor by every update.
    const spellings = new Map<string, number>();
    files.forEach((fileId, f) => {
      const file = this.files.get(fileId)!;
      const table = file.table;
      for (let i = 0; i < table.length; i += STRIDE) {
        const other = table[i];
        if (other === actor) {
          const surface = file.spellings[table[i + 6] & 0xffff];
          spellings.set(surface, (spellings.get(surface) ?? 0) + 1);
          continue;
        }
        if (countedIn[other] === f) continue;
        countedIn[other] = f;
        if (shared[other]++ === 0) others.push(other);
      }
    });
    return {
      actor: indexed,
      mentions: tally.mentions,
      files: files.length,
      spellings: [...spellings].map(([surface, count]) => ({ surface, count })).sort((a, b) => b.count - a.count || compareIds(a.surface, b.surface)),
      companions: others
        .sort((a, b) => shared[b] - shared[a] || a - b)
        .slice(0, companionLimit)
        .map((other) => ({ actor: this.actorTable[other], files: shared[other] })),
      ...(files.length ? { firstFile: files[0], lastFile: files[files.length - 1] } : {}),
    };
  }

  /** Forgets the answers of an older generation. */
  private memo(): void {
    if (this.memoGeneration === this.generation) return;
    this.memoGeneration = this.generation;
    this.sortedFiles.clear();
    this.summaries.clear();
  }

  /** What the rules see of one registry (see CorpusView.actors). */
  registryView(scope: string): RegistryView | undefined {
    if (!this.matchers.has(scope)) return undefined;
    let view = this.views.get(scope);
    if (!view) {
      view = {
        names: this.actorTable.filter((a) => a.registry === scope).map((a) => a.name),
        // Most mentions are written as the name or an alias: they are left out before anything is copied.
        otherSpellings: (text, words) =>
          this.matchIn(scope, text, words)
            .filter((m) => m.form !== 'name' && m.form !== 'alias')
            .map((m) => ({ ...m, name: this.actorTable[m.actor].name })),
      };
      this.views.set(scope, view);
    }
    return view;
  }

  /** Actors whose name, alias or variant contains the query, compared on fold keys (فايز finds فائز). */
  search(query: string, limit = 200): IndexedActor[] {
    const key = spellingFold(query);
    if (!key) return this.actorTable.slice(0, limit);
    const keys = (this.searchKeys ??= this.actorTable.map((actor) => [actor.name, ...actor.aliases, ...actor.variants].map(spellingFold).join('\n')));
    const starts: IndexedActor[] = [];
    const contains: IndexedActor[] = [];
    for (let a = 0; a < keys.length; a++) {
      // A key holds no line break, so it matches inside one spelling; at a spelling's or a word's start, it starts.
      let at = keys[a].indexOf(key);
      if (at < 0) continue;
      let start = false;
      for (; at >= 0 && !start; at = keys[a].indexOf(key, at + 1)) start = at === 0 || keys[a][at - 1] === '\n' || keys[a][at - 1] === ' ';
      (start ? starts : contains).push(this.actorTable[a]);
      if (starts.length >= limit) break;
    }
    return [...starts, ...contains].slice(0, limit);
  }

  /** Takes a file's mentions out of the tallies; returns its number, if it has one. */
  private drop(fileId: string): number | undefined {
    const file = this.files.get(fileId);
    if (!file || file.generation !== this.registries) return file?.number;
    for (let i = 0; i < file.table.length; i += STRIDE) {
      const tally = this.tallies[file.table[i]];
      tally.mentions--;
      decrement(tally.files, file.number);
    }
    file.generation = -1;
    return file.number;
  }

  private newFileNumber(fileId: string): number {
    const number = this.freeNumbers.pop() ?? this.fileIdOf.length;
    this.fileIdOf[number] = fileId;
    return number;
  }
}

function decode(file: FileMentions, i: number): ActorMention {
  const t = file.table;
  return {
    actor: t[i],
    offset: t[i + 1],
    length: t[i + 2],
    cliticLength: t[i + 3] & 0xffff,
    lamArticle: (t[i + 3] & LAM_ARTICLE) !== 0,
    lamClitic: (t[i + 3] & LAM_CLITIC) !== 0,
    line: t[i + 4],
    character: t[i + 5],
    form: FORMS[t[i + 6] >>> 16],
    surface: file.spellings[t[i + 6] & 0xffff],
  };
}

function decrement<K>(map: Map<K, number>, key: K): void {
  const next = (map.get(key) ?? 0) - 1;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

/** A spelling as mentions are compared with it: surface key, single spaces. */
export function spellingKey(spelling: string): string {
  return surfaceKey(spelling.trim()).replace(/\s+/g, ' ');
}

function spellingFold(spelling: string): string {
  return foldKey(spellingKey(spelling));
}

/** Code-unit order: stable across machines and locales. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
