// The client's view of the actor protocol: the shapes live in the server's
// server/src/lsp/actor-protocol.ts (plain data, shared by both sides); this file adds typed
// message objects for vscode-languageclient and guards for answers the client must not trust.
import { NotificationType0, RequestType } from 'vscode-languageclient/node';
import {
  ACTOR_REFERENCES_REQUEST,
  ACTOR_TYPE_VALUES,
  ACTORS_CHANGED_NOTIFICATION,
  ACTORS_REQUEST,
  type ActorItem,
  type ActorReferencesParams,
  type ActorReferencesResult,
  type ActorsParams,
  type ActorsResult,
  type ActorType,
  type AddActorResult,
  type RebuildIndexResult,
} from '../../server/src/lsp/actor-protocol';

export * from '../../server/src/lsp/actor-protocol';

export const ActorsRequest = new RequestType<ActorsParams, ActorsResult | null, void>(ACTORS_REQUEST);
export const ActorReferencesRequest = new RequestType<ActorReferencesParams, ActorReferencesResult | null, void>(ACTOR_REFERENCES_REQUEST);
export const ActorsChangedNotification = new NotificationType0(ACTORS_CHANGED_NOTIFICATION);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isActorType(value: unknown): value is ActorType {
  return typeof value === 'string' && (ACTOR_TYPE_VALUES as readonly string[]).includes(value);
}

/** Keeps the well-formed items of a `nassaq/actors` answer. */
export function actorItems(result: ActorsResult | null | undefined): ActorItem[] {
  const list: unknown = result?.actors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item: unknown): item is ActorItem =>
      isRecord(item) &&
      typeof item.key === 'string' &&
      typeof item.name === 'string' &&
      isActorType(item.type) &&
      typeof item.mentions === 'number' &&
      typeof item.files === 'number',
  );
}

export function isAddActorResult(value: unknown): value is AddActorResult {
  if (!isRecord(value)) return false;
  return typeof value.error === 'string' || (typeof value.registry === 'string' && typeof value.id === 'string');
}

export function isRebuildIndexResult(value: unknown): value is RebuildIndexResult {
  return isRecord(value) && typeof value.files === 'number';
}
