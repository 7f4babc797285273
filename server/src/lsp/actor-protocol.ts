// The actor protocol between the Nassaq server and its clients (issue #4, "Actors as symbols"):
// two requests, one notification and two workspace/executeCommand commands, on top of the
// standard LSP features (definition, references, hover, rename, highlights, symbols, semantic
// tokens, completion). Plain data and string constants only, no imports, so that the server
// and the VS Code client (client/src/protocol.ts) share exactly these shapes.

/** Zero-based line and UTF-16 character, as in LSP. */
export interface ActorPosition {
  line: number;
  character: number;
}

/** An LSP `Range`. */
export interface ActorRange {
  start: ActorPosition;
  end: ActorPosition;
}

/** An LSP `Location`. */
export interface ActorLocation {
  uri: string;
  range: ActorRange;
}

export type ActorType = 'person' | 'organization' | 'place' | 'other';

export const ACTOR_TYPE_VALUES: readonly ActorType[] = ['person', 'organization', 'place', 'other'];

/** One actor as the Actors view shows it. */
export interface ActorItem {
  /**
   * Stable identity of the actor for this session, passed back in `nassaq/actorReferences`.
   * Registered actors: their registry id is a good key; unregistered (discovered) ones need a
   * key that cannot clash with an id.
   */
  key: string;
  /** The registry id; absent for an actor that is not in actors.yaml. */
  id?: string;
  /** The canonical spelling (registered) or the most frequent spelling (unregistered). */
  name: string;
  type: ActorType;
  /** True when the actor has an entry in actors.yaml. */
  registered: boolean;
  /** Number of mentions in the corpus (every spelling: name, aliases, variants). */
  mentions: number;
  /** Number of articles with at least one mention. */
  files: number;
  /** Where the entry is in actors.yaml; `range` is the entry's `name` value. Registered actors only. */
  registry?: ActorLocation;
}

/** Request `nassaq/actors`: every actor, or those matching `query`. */
export const ACTORS_REQUEST = 'nassaq/actors';

export interface ActorsParams {
  /** Text to filter by (name, aliases, variants, id), compared the way the server compares names. */
  query?: string;
}

export interface ActorsResult {
  actors: ActorItem[];
}

/** Request `nassaq/actorReferences`: every mention of one actor in the corpus. */
export const ACTOR_REFERENCES_REQUEST = 'nassaq/actorReferences';

export interface ActorReferencesParams {
  /** An `ActorItem.key`. */
  key: string;
}

/** `nassaq/actorReferences` answers with LSP Locations (an unknown key gives an empty list). */
export type ActorReferencesResult = ActorLocation[];

/**
 * Notification `nassaq/actorsChanged` (server → client, no params): the registry or mention
 * counts may have changed. The server debounces it; the client refreshes its view.
 */
export const ACTORS_CHANGED_NOTIFICATION = 'nassaq/actorsChanged';

/**
 * workspace/executeCommand `nassaq.addActor`, arguments `[AddActorArgs]`: adds the text at
 * `range` in `uri` to actors.yaml (creating the file if needed) through workspace/applyEdit.
 */
export const ADD_ACTOR_COMMAND = 'nassaq.addActor';

export interface AddActorArgs {
  uri: string;
  range: ActorRange;
  /** Defaults to the server's best guess, or `other`. */
  type?: ActorType;
}

export type AddActorResult = { registry: string; id: string } | { error: string };

/**
 * workspace/executeCommand `nassaq.rebuildIndex` (no arguments): re-reads every article of the
 * workspace and the registry. The VS Code client owns a palette command with the same id and
 * sends this one itself, so the server need not list it in `executeCommandProvider.commands`
 * (the client copes either way).
 */
export const REBUILD_INDEX_COMMAND = 'nassaq.rebuildIndex';

export interface RebuildIndexResult {
  /** Number of articles indexed. */
  files: number;
}

/**
 * Semantic token types and modifiers of actor mentions: the names package.json contributes
 * (`other` actors are `actor` tokens). Any order works; the legend maps them to indices.
 */
export const ACTOR_TOKEN_TYPES = ['person', 'organization', 'place', 'actor'] as const;
export const ACTOR_TOKEN_MODIFIERS = ['unregistered', 'variant'] as const;
