// Actors as symbols: finds the actor at a position (a registry entry, a mention of one, or a name
// the corpus marks after titles) and answers navigation requests from the actor index. Mentions
// of open documents are matched on their current text; other files come from the index.
import { statSync } from 'node:fs';
import { CreateFile, SymbolKind, TextDocumentEdit, type CancellationToken, type DocumentSymbol, type Location, type Position, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { compareIds, spellingKey, type ActorMention, type ActorSummary, type IndexedActor } from '../core/actors/actor-index';
import { contentHash } from '../core/corpus/corpus-index';
import { markedNameFacet, markedNames, type MarkedName } from '../core/actors/discovered';
import { NameMatcher, type NameMatch } from '../core/actors/matcher';
import { nameKey, type ActorType } from '../core/actors/registry';
import { appendActor, renameActorEdit, rewrittenMention } from '../core/actors/registry-edit';
import type { WordData } from '../core/corpus/words';
import { LineIndex } from '../core/text/lines';
import { foldKey, surfaceKey } from '../core/text/normalize';
import { arabicWords } from '../core/text/arabic-words';
import { readArticle } from '../node/article-file';
import { throwIfCancelled } from './cancellation';
import { t } from './l10n';
import type { LoadedRegistry, RegistryStore } from './registries';
import { pathToUri, uriToPath } from './uri';
import type { DiskStamp, WorkspaceIndex } from './workspace-index';

/** An actor the user points at. */
export type ActorTarget = { kind: 'registered'; actor: IndexedActor; range: Range } | { kind: 'marked'; name: MarkedName; range: Range };

/** A mention in an open document: a registry actor's, or a marked name's. */
export interface DocumentMention {
  offset: number;
  length: number;
  cliticLength: number;
  registered?: ActorMention;
  marked?: MarkedName;
}

export interface ActorDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

const MARKED_PREFIX = 'marked:';
/** Files read at once when a rename visits the corpus. */
const READ_CONCURRENCY = 32;
/** The longest a rename stats files without letting other requests (and cancellation) through. */
const STAT_SLICE_MS = 10;
const MAX_MARKED = 5000;
/**
 * A file modified less than this long before it was read for the index may be written again with
 * the same mtime (coarse timestamps: 2 s on FAT, 1 s on HFS+): its stamp is not trusted.
 */
const RACY_MS = 3000;

/** A file not open, as a rename finds it: as indexed (the indexed text it holds), changed since, or gone (unreadable). */
type DiskState = { indexed: IndexedText } | 'changed' | 'unreadable';
type IndexedText = { hash: number; length: number };

/** Names in the corpus marked as names (not registered), with their fold keys for filtering. */
interface MarkedNames {
  version: number;
  /** The registries they were filtered against (ActorIndex.registryGeneration). */
  registries: number;
  names: MarkedName[];
  folds: string[];
  matcher: NameMatcher;
}

export class ActorService {
  private mentionCache = new WeakMap<TextDocument, { version: number; generation: string; mentions: DocumentMention[] }>();
  private marked?: MarkedNames;
  /** The last registry actor's references, valid for one actor-index generation. */
  private referenceCache?: { actor: number; generation: number; locations: Location[] };
  /** Registry actors by the name key of each spelling, valid for one registry generation. */
  private spellingOwners?: { registries: number; owners: Map<string, IndexedActor[]> };
  /** URIs of registry files (a few paths). */
  private readonly registryUris = new Map<string, string>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly registries: RegistryStore,
    private readonly documents: ActorDocuments,
  ) {}

  // ---- what is where ----

  /** Mentions in an open article, registry actors first, then marked names in the gaps. */
  mentionsOf(document: TextDocument): DocumentMention[] {
    const file = uriToPath(document.uri);
    if (!file || this.registries.isRegistry(file)) return [];
    const marked = this.markedNames();
    const generation = `${this.index.actors.generation}:${marked.version}`;
    const cached = this.mentionCache.get(document);
    if (cached && cached.version === document.version && cached.generation === generation) return cached.mentions;
    const text = document.getText();
    const words = arabicWords(text);
    const registered = this.index.actors.match(file, text, words);
    const mentions: DocumentMention[] = registered.map((m) => ({ offset: m.offset, length: m.length, cliticLength: m.cliticLength, registered: m }));
    const taken = (m: NameMatch) => registered.some((r) => r.offset - r.cliticLength < m.offset + m.length && m.offset - m.cliticLength < r.offset + r.length);
    for (const m of marked.matcher.match(words)) {
      if (!taken(m)) mentions.push({ offset: m.offset, length: m.length, cliticLength: m.cliticLength, marked: marked.names[m.target] });
    }
    mentions.sort((a, b) => a.offset - b.offset);
    this.mentionCache.set(document, { version: document.version, generation, mentions });
    return mentions;
  }

  /** The actor at a position: a mention in an article, or an entry in a registry. */
  targetAt(document: TextDocument, position: Position): ActorTarget | undefined {
    const file = uriToPath(document.uri);
    if (!file) return undefined;
    const offset = document.offsetAt(position);
    if (this.registries.isRegistry(file)) {
      const registry = this.registries.get(file);
      const actor = registry && this.registeredAt(registry, offset);
      return actor ? { kind: 'registered', actor, range: rangeIn(registry.lines, actor.nameSpan.offset, actor.nameSpan.length) } : undefined;
    }
    const mention = this.mentionsOf(document).find((m) => m.offset - m.cliticLength <= offset && offset <= m.offset + m.length);
    if (!mention) return undefined;
    const range = { start: document.positionAt(mention.offset), end: document.positionAt(mention.offset + mention.length) };
    if (mention.registered) return { kind: 'registered', actor: this.index.actors.actors[mention.registered.actor], range };
    return { kind: 'marked', name: mention.marked!, range };
  }

  private registeredAt(registry: LoadedRegistry, offset: number): IndexedActor | undefined {
    return this.index.actors.actors.find((a) => a.registry === registry.file && a.entrySpan.offset <= offset && offset <= a.entrySpan.offset + a.entrySpan.length);
  }

  /** Names the corpus marks as names (after titles), not in a registry; rebuilt when the corpus moves. */
  markedNames(): MarkedNames {
    const stats = this.index.corpus.statsOf(markedNameFacet);
    const registries = this.index.actors.registryGeneration;
    if (this.marked?.version === stats.version && this.marked.registries === registries) return this.marked;
    const registered = this.actorsBySpelling();
    const names = markedNames(stats)
      .filter((n) => !registered.has(nameKey(n.surface)))
      .slice(0, MAX_MARKED);
    const matcher = new NameMatcher();
    names.forEach((n, i) => matcher.add(n.surface, i));
    this.marked = { version: stats.version, registries, names, folds: names.map((n) => foldKey(n.surface)), matcher };
    return this.marked;
  }

  /** Registry actors by the name key of each of their spellings (name, aliases, variants). */
  private actorsBySpelling(): Map<string, IndexedActor[]> {
    const registries = this.index.actors.registryGeneration;
    if (this.spellingOwners?.registries === registries) return this.spellingOwners.owners;
    const owners = new Map<string, IndexedActor[]>();
    for (const actor of this.index.actors.actors) {
      for (const spelling of [actor.name, ...actor.aliases, ...actor.variants]) {
        const key = nameKey(spelling);
        const list = owners.get(key);
        if (!list) owners.set(key, [actor]);
        else if (!list.includes(actor)) list.push(actor);
      }
    }
    this.spellingOwners = { registries, owners };
    return owners;
  }

  isRegistryDocument(document: TextDocument): boolean {
    const file = uriToPath(document.uri);
    return file !== undefined && this.registries.isRegistry(file);
  }

  actorType(ordinal: number): ActorType {
    return this.index.actors.actors[ordinal].type;
  }

  actorName(ordinal: number): string {
    return this.index.actors.actors[ordinal].name;
  }

  summaryOf(actor: IndexedActor): ActorSummary {
    return this.index.actors.summary(actor.ordinal)!;
  }

  /** Called when mentions or marked names may have changed. */
  onDidChange(listener: () => void): void {
    this.index.onDidChange(listener);
  }

  /** The outline of actors.yaml: one symbol per entry. */
  registrySymbols(document: TextDocument): DocumentSymbol[] {
    const file = uriToPath(document.uri);
    const registry = file ? this.registries.get(file) : undefined;
    if (!registry) return [];
    return this.index.actors.actors
      .filter((a) => a.registry === registry.file)
      .map((a) => ({
        name: a.name,
        detail: `${a.id} · ${a.type}`,
        kind: SymbolKind.Object,
        range: rangeIn(registry.lines, a.entrySpan.offset, a.entrySpan.length),
        selectionRange: rangeIn(registry.lines, a.nameSpan.offset, a.nameSpan.length),
      }));
  }

  // ---- locations ----

  /** Where an actor is defined: its registry name, or (unregistered) its first mention in the corpus. */
  async definition(target: ActorTarget, token?: CancellationToken): Promise<Location | undefined> {
    if (target.kind === 'registered') return this.registryLocation(target.actor);
    const [first] = await this.markedReferences(target.name, 1, token);
    return first;
  }

  registryLocation(actor: IndexedActor): Location | undefined {
    const registry = this.registries.get(actor.registry);
    if (!registry) return undefined;
    let uri = this.registryUris.get(actor.registry);
    if (uri === undefined) this.registryUris.set(actor.registry, (uri = pathToUri(actor.registry)));
    return { uri, range: rangeIn(registry.lines, actor.nameSpan.offset, actor.nameSpan.length) };
  }

  /** Every mention, in file then position order. Open documents are read from their buffers. Cancellable (throws). */
  async references(target: ActorTarget, token?: CancellationToken): Promise<Location[]> {
    if (target.kind === 'marked') return this.markedReferences(target.name, Infinity, token);
    return this.registeredReferences(target.actor.ordinal);
  }

  /** The indexed mentions of a registry actor; the same array until the index changes (do not modify it). */
  private registeredReferences(actor: number): Location[] {
    const generation = this.index.actors.generation;
    const cached = this.referenceCache;
    if (cached?.actor === actor && cached.generation === generation) return cached.locations;
    const locations: Location[] = [];
    for (const file of this.index.actors.filesOf(actor)) {
      const uri = pathToUri(file);
      for (const mention of this.index.actors.mentionsIn(file, actor)) locations.push({ uri, range: mentionRange(mention) });
    }
    this.referenceCache = { actor, generation, locations };
    return locations;
  }

  /**
   * Mentions of a marked name: not indexed, so found by scanning the files whose words include the
   * name's last word (which never carries a proclitic) in any spelling.
   */
  async markedReferences(name: MarkedName, limit = Infinity, token?: CancellationToken): Promise<Location[]> {
    const words = name.surface.split(' ');
    const last = foldKey(words[words.length - 1]);
    const single = words.length === 1;
    const matcher = new NameMatcher();
    matcher.add(name.surface, 0);
    const result: Location[] = [];
    for (const file of [...this.index.corpus.fileIds()].sort(compareIds)) {
      throwIfCancelled(token);
      const data = this.index.corpus.entry(file)?.data.get('words') as WordData | undefined;
      if (!data?.words.some((w) => (single ? foldKey(w).endsWith(last) : foldKey(w) === last))) continue;
      const text = await this.textOf(file);
      throwIfCancelled(token);
      if (text === undefined) continue;
      const lines = new LineIndex(text);
      for (const m of matcher.match(arabicWords(text))) {
        result.push({ uri: pathToUri(file), range: rangeIn(lines, m.offset, m.length) });
        if (result.length >= limit) return result;
      }
    }
    return result;
  }

  /** The current text of a file: its editor buffer, else the disk. */
  async textOf(file: string): Promise<string | undefined> {
    const open = this.documents.get(pathToUri(file));
    if (open) return open.getText();
    const read = await readArticle(file);
    return read.ok ? read.text : undefined;
  }

  // ---- rename ----

  /** Why the target cannot be renamed, if it cannot. */
  renameRefusal(target: ActorTarget | undefined): string | undefined {
    if (!target) return t('Not an actor: rename works on a mention of an actor or on its entry in actors.yaml');
    if (target.kind === 'marked') return t('"{0}" is not in actors.yaml; add it first ("Add to actors.yaml"), then rename it', target.name.surface);
    const registry = this.registries.get(target.actor.registry);
    const open = this.documents.get(pathToUri(target.actor.registry));
    if (!registry || (open && open.getText() !== registry.text)) return t('actors.yaml has errors or unsaved changes the server has not read; fix it and try again');
    return undefined;
  }

  /**
   * Writes the new canonical name in the registry and in every mention of the name or of a
   * spelling of it across the corpus (aliases are other names and stay), keeping proclitics.
   */
  async renameEdit(actor: IndexedActor, newName: string, token?: CancellationToken): Promise<{ edit: WorkspaceEdit; skipped: string[] } | { error: string }> {
    const name = newName.trim().replace(/\s+/g, ' ');
    if (!name || /[\r\n]/.test(newName)) return { error: t('The new name is empty or spans lines') };
    const clash = this.actorsBySpelling()
      .get(nameKey(name))
      ?.find((a) => a !== actor && a.registry === actor.registry);
    if (clash) return { error: t('"{0}" is already a spelling of \'{1}\' in actors.yaml', name, clash.id) };
    const registry = this.registries.get(actor.registry);
    if (!registry) return { error: t('actors.yaml could not be read') };
    const changes: TextDocumentEdit[] = [];
    const registryUri = pathToUri(actor.registry);
    const registryEdit = renameActorEdit(registry.text, actor, name);
    changes.push(TextDocumentEdit.create({ uri: registryUri, version: this.documents.get(registryUri)?.version ?? null }, [{ range: rangeIn(registry.lines, registryEdit.offset, registryEdit.length), newText: registryEdit.newText }]));
    const files = new Set(this.index.actors.filesOf(actor.ordinal));
    for (const document of this.documents.all()) {
      const file = uriToPath(document.uri);
      if (file && !this.registries.isRegistry(file)) files.add(file);
    }
    const sorted = [...files].sort(compareIds);
    const uris = sorted.map(pathToUri);
    const onDisk = await this.diskStates(sorted, uris, token);
    // Still the text checked: the index may have moved on while other files were checked.
    const asChecked = (file: string, state: DiskState | undefined) => typeof state === 'object' && sameText(state.indexed, this.index.actors.indexedText(file));
    const target = spellingKey(name);
    const renamed = (mention: ActorMention) => mention.actor === actor.ordinal && mention.form !== 'alias' && mention.surface !== target;
    const skipped: string[] = [];
    sorted.forEach((file, i) => {
      const open = this.documents.get(uris[i]);
      let edits: LspTextEdit[];
      if (open) {
        const text = open.getText();
        const lines = new LineIndex(text);
        edits = this.index.actors
          .match(file, text)
          .filter(renamed)
          .map((mention) => ({ range: rangeIn(lines, mention.offset, mention.length), newText: rewrittenMention(mention, name) }));
      } else if (asChecked(file, onDisk[i])) {
        // As indexed: its stored mentions give the edits without reading or matching it again.
        edits = this.index.actors
          .mentionsIn(file, actor.ordinal)
          .filter(renamed)
          .map((mention) => ({ range: mentionRange(mention), newText: rewrittenMention(mention, name) }));
      } else {
        // Changed on disk since it was indexed (the watcher has not told us yet), indexed again or
        // closed while files were checked: left alone, reported. A file gone or unreadable has nothing to edit.
        if (onDisk[i] !== 'unreadable') skipped.push(file);
        return;
      }
      if (edits.length) changes.push(TextDocumentEdit.create({ uri: uris[i], version: open ? open.version : null }, edits));
    });
    return { edit: { documentChanges: changes }, skipped };
  }

  /**
   * Whether each file not open still holds the text its mentions were indexed from. A stat that
   * matches the stamp of the indexed read says so (synchronous, in slices: 5,000 stats take 20 ms,
   * against 80 through the thread pool); the other files are read and hashed. Cancellable (throws).
   */
  private async diskStates(files: readonly string[], uris: readonly string[], token?: CancellationToken): Promise<Array<DiskState | undefined>> {
    const states: Array<DiskState | undefined> = new Array(files.length);
    const unknown: number[] = [];
    let slice = performance.now();
    for (let i = 0; i < files.length; i++) {
      if (this.documents.get(uris[i])) continue;
      const indexed = this.indexedOnDisk(files[i]);
      if (indexed) states[i] = { indexed };
      else unknown.push(i);
      if (performance.now() - slice > STAT_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        throwIfCancelled(token);
        slice = performance.now();
      }
    }
    await mapConcurrently(unknown, READ_CONCURRENCY, async (i) => {
      throwIfCancelled(token);
      states[i] = await this.readState(files[i]);
    });
    throwIfCancelled(token);
    return states;
  }

  /** The indexed text of a file, if a stat shows the file as it was read for the index. */
  private indexedOnDisk(file: string): IndexedText | undefined {
    const stamp = this.index.diskStamp(file);
    const indexed = this.index.actors.indexedText(file);
    if (!stamp || !indexed) return undefined;
    try {
      const now = statSync(file, { throwIfNoEntry: false });
      return now && unchangedSince(stamp, now) ? indexed : undefined;
    } catch {
      return undefined;
    }
  }

  private async readState(file: string): Promise<DiskState> {
    const read = await readArticle(file);
    if (!read.ok) return 'unreadable';
    const indexed = this.index.actors.indexedText(file);
    return sameText(indexed, { hash: contentHash(read.text), length: read.text.length }) ? { indexed: indexed! } : 'changed';
  }

  // ---- registry additions ----

  /** The edit that adds a name to the registry governing `articleFile` (created if missing). */
  addActorEdit(articleFile: string, name: string, type: ActorType): { edit: WorkspaceEdit; registry: string; id: string } | { error: string } {
    const registryFile = this.registries.pathFor(articleFile);
    const uri = pathToUri(registryFile);
    const open = this.documents.get(uri);
    const existing = this.registries.get(registryFile);
    const text = open?.getText() ?? existing?.text ?? '';
    const result = appendActor(text, { name, type }, t);
    if ('error' in result) return result;
    const lines = new LineIndex(text);
    const edit = TextDocumentEdit.create({ uri, version: open ? open.version : null }, [{ range: rangeIn(lines, result.edit.offset, result.edit.length), newText: result.edit.newText }]);
    const creates = !open && existing === undefined;
    return { registry: uri, id: result.id, edit: { documentChanges: creates ? [CreateFile.create(uri, { ignoreIfExists: true }), edit] : [edit] } };
  }

  // ---- listing ----

  /** Actors for the Actors view and workspace symbols: registered ones, then marked names. */
  list(query?: string): Array<{ key: string; actor?: IndexedActor; marked?: MarkedName; name: string; type: ActorType; mentions: number; files: number }> {
    const q = query?.trim() ? foldKey(surfaceKey(query.trim())) : '';
    const registered = (q ? this.index.actors.search(query!) : this.index.actors.actors).map((actor) => ({
      key: actorKey(actor),
      actor,
      name: actor.name,
      type: actor.type,
      mentions: this.index.actors.mentionCount(actor.ordinal),
      files: this.index.actors.fileCountOf(actor.ordinal),
    }));
    const { names, folds } = this.markedNames();
    const marked = names
      .filter((_, i) => !q || folds[i].includes(q))
      .map((n) => ({ key: MARKED_PREFIX + n.surface, marked: n, name: n.surface, type: n.type, mentions: n.mentions, files: n.files }));
    return [...registered, ...marked];
  }

  /** An actor by the key `list` gave it. */
  byKey(key: string): ActorTarget | undefined {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (key.startsWith(MARKED_PREFIX)) {
      const name = this.markedNames().names.find((n) => n.surface === key.slice(MARKED_PREFIX.length));
      return name && { kind: 'marked', name, range: zero };
    }
    const actor = this.index.actors.actors.find((a) => actorKey(a) === key);
    return actor && { kind: 'registered', actor, range: zero };
  }
}

export function actorKey(actor: IndexedActor): string {
  return `${actor.registry}#${actor.id}`;
}

export function rangeIn(lines: LineIndex, offset: number, length: number): Range {
  return lines.rangeAt(offset, length);
}

function sameText(a: IndexedText | undefined, b: IndexedText | undefined): boolean {
  return a !== undefined && b !== undefined && a.hash === b.hash && a.length === b.length;
}

/** The range of an indexed mention (mentions never span lines). */
function mentionRange(mention: ActorMention): Range {
  return { start: { line: mention.line, character: mention.character }, end: { line: mention.line, character: mention.character + mention.length } };
}

/**
 * Whether a file's stat shows it as it was read for the index: same size and mtime (the test VS Code
 * itself uses for "changed on disk"), and modified long enough before that read that a later write
 * could not carry the same mtime. Anything else means reading it again.
 */
export function unchangedSince(stamp: DiskStamp, now: { size: number; mtimeMs: number; isFile(): boolean }): boolean {
  return now.isFile() && now.size === stamp.size && now.mtimeMs === stamp.mtimeMs && stamp.mtimeMs < stamp.readAt - RACY_MS;
}

/** Maps over items with at most `limit` calls in flight; results in input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
