// The actor registry (`actors.yaml`): people, organizations and places that editors curate, with
// their canonical spelling, aliases and known wrong spellings. Parsing never throws: it returns
// the actors it could read and the problems it found, each at an offset in the YAML text.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { english, type Translate } from '../l10n';
import { flowTooDeep, MAX_FLOW_DEPTH } from '../config/yaml-limits';
import { foldKey, surfaceKey } from '../text/normalize';

export const ACTOR_TYPES = ['person', 'organization', 'place', 'other'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const REGISTRY_FILE_NAME = 'actors.yaml';

export interface Span {
  offset: number;
  length: number;
}

export interface Actor {
  id: string;
  /** The canonical spelling. */
  name: string;
  type: ActorType;
  /** Other accepted ways to refer to the actor (السراج، حكومة الوفاق). */
  aliases: string[];
  /** Known wrong spellings, always reported and fixed to `name`. */
  variants: string[];
  description?: string;
  /** Wikidata ids (Q…) and URLs. */
  links: string[];
  /** The whole entry, and the `name` value, in the registry text. */
  entrySpan: Span;
  nameSpan: Span;
}

export interface RegistryProblem extends Span {
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedRegistry {
  actors: Actor[];
  problems: RegistryProblem[];
  /** False when the YAML could not be read at all: the caller keeps its last good registry. */
  usable: boolean;
}

const ENTRY_KEYS = ['id', 'name', 'type', 'aliases', 'variants', 'description', 'links'];
const MAX_REGISTRY_LENGTH = 20_000_000;

/** Problems are worded by `t` (English by default); YAML syntax errors keep the parser's English. */
export function parseRegistry(text: string, t: Translate = english): ParsedRegistry {
  if (text.length > MAX_REGISTRY_LENGTH) {
    return { actors: [], usable: false, problems: [{ offset: 0, length: 0, severity: 'error', message: t('actors.yaml is larger than {0} characters', MAX_REGISTRY_LENGTH) }] };
  }
  const deep = flowTooDeep(text);
  if (deep !== undefined) {
    return { actors: [], usable: false, problems: [{ offset: deep, length: 1, severity: 'error', message: t('Brackets nested more than {0} levels deep', MAX_FLOW_DEPTH) }] };
  }
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  const problems: RegistryProblem[] = doc.errors.map((error) => ({
    offset: error.pos[0],
    length: Math.max(1, error.pos[1] - error.pos[0]),
    severity: 'error',
    message: error.message.split('\n')[0],
  }));
  if (problems.length > 0) return { actors: [], problems, usable: false };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { actors: [], problems, usable: true };
  const list = isMap(root) ? (root.get('actors', true) as Node | undefined) : undefined;
  if (!isMap(root) || !isSeq(list)) {
    const where = isMap(root) && list !== undefined ? list : root;
    problems.push({ ...span(where), severity: 'error', message: t("actors.yaml must be a mapping whose key 'actors' holds a list of actors") });
    return { actors: [], problems, usable: false };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'actors') problems.push({ ...span(pair.key as Node), severity: 'warning', message: t("Unknown key '{0}'; actors.yaml has one key, 'actors'", key) });
  }
  const actors: Actor[] = [];
  for (const item of list.items) {
    const actor = readEntry(item as Node, problems, t);
    if (actor) actors.push(actor);
  }
  return { actors: withoutClashes(actors, text, problems, t), problems, usable: true };
}

function readEntry(node: Node, problems: RegistryProblem[], t: Translate): Actor | undefined {
  if (!isMap(node)) {
    problems.push({ ...span(node), severity: 'error', message: t('An actor is a mapping with id, name, type and optional aliases, variants, description, links') });
    return undefined;
  }
  const error = (at: Node | null | undefined, message: string) => problems.push({ ...span(at ?? node), severity: 'error', message });
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!ENTRY_KEYS.includes(key)) problems.push({ ...span(pair.key as Node), severity: 'warning', message: t("Unknown key '{0}'; an actor has {1}", key, ENTRY_KEYS.join(', ')) });
  }
  const id = scalarText(node, 'id');
  const name = scalarText(node, 'name');
  const type = scalarText(node, 'type');
  const nameNode = node.get('name', true) as Node | undefined;
  let ok = true;
  for (const [key, value] of [['id', id], ['name', name], ['type', type]] as const) {
    if (value === undefined || value.trim() === '') {
      error(node.get(key, true) as Node | undefined, t("This actor has no '{0}'", key));
      ok = false;
    }
  }
  if (type !== undefined && type !== '' && !(ACTOR_TYPES as readonly string[]).includes(type)) {
    error(node.get('type', true) as Node, t("'type' must be one of: {0}", ACTOR_TYPES.join(', ')));
    ok = false;
  }
  const aliases = stringList(node, 'aliases', problems, t);
  const variants = stringList(node, 'variants', problems, t);
  const links = linkList(node, problems, t);
  const descriptionNode = node.get('description', true) as Node | undefined;
  const description = scalarText(node, 'description');
  if (descriptionNode !== undefined && description === undefined) error(descriptionNode, t("'description' must be a line of text"));
  if (!ok || id === undefined || name === undefined || type === undefined) return undefined;
  const nameKey = surfaceKey(name.trim());
  for (const variant of variants) {
    if (surfaceKey(variant) === nameKey) problems.push({ ...span(nameNode), severity: 'warning', message: t("The variant '{0}' is the name itself", variant) });
  }
  return {
    id: id.trim(),
    name: name.trim(),
    type: type as ActorType,
    aliases,
    variants: variants.filter((v) => surfaceKey(v) !== nameKey),
    ...(description ? { description: description.trim() } : {}),
    links,
    entrySpan: span(node),
    nameSpan: valueSpan(nameNode),
  };
}

/**
 * Drops duplicate ids and reports spellings claimed by two actors (a name or alias of one that is
 * the name, an alias or a variant of another): a mention must belong to one actor.
 */
function withoutClashes(actors: Actor[], text: string, problems: RegistryProblem[], t: Translate): Actor[] {
  const ids = new Map<string, Actor>();
  const claims = new Map<string, Actor>();
  const kept: Actor[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
  for (const actor of actors) {
    const previous = ids.get(actor.id);
    if (previous) {
      problems.push({ ...actor.entrySpan, severity: 'error', message: t("Duplicate id '{0}' (first used on line {1})", actor.id, lineOf(previous.entrySpan.offset)) });
      continue;
    }
    ids.set(actor.id, actor);
    kept.push(actor);
    for (const spelling of [actor.name, ...actor.aliases, ...actor.variants]) {
      const key = nameKey(spelling);
      const owner = claims.get(key);
      if (owner && owner !== actor) {
        problems.push({ ...actor.entrySpan, severity: 'error', message: t("'{0}' is claimed by '{1}' (line {2}) and '{3}'", spelling, owner.id, lineOf(owner.entrySpan.offset), actor.id) });
      } else {
        claims.set(key, actor);
      }
    }
  }
  return kept;
}

/** The key under which two registry spellings are the same name: folded, compounds joined. */
export function nameKey(spelling: string): string {
  return foldKey(spelling).replace(/(^|\s)(عبد|ابو)\s+/g, '$1$2').replace(/\s+/g, ' ').trim();
}

function scalarText(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (!isScalar(node) || node.value === null) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : undefined;
}

function stringList(map: YAMLMap, key: string, problems: RegistryProblem[], t: Translate): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (isScalar(node) && typeof node.value === 'string') return [node.value.trim()].filter(Boolean);
  if (!isSeq(node)) {
    problems.push({ ...span(node), severity: 'error', message: t("'{0}' must be a list of spellings", key) });
    return [];
  }
  const values: string[] = [];
  for (const item of node.items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) values.push(item.value.trim());
    else problems.push({ ...span(item as Node), severity: 'error', message: t("'{0}' entries must be spellings (text)", key) });
  }
  return values;
}

/** `links` is a list of ids and URLs, or a mapping such as { wikidata: Q123, url: https://… }. */
function linkList(map: YAMLMap, problems: RegistryProblem[], t: Translate): string[] {
  const node = map.get('links', true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  const items = isSeq(node) ? node.items : isMap(node) ? node.items.map((pair) => pair.value) : [node];
  const links: string[] = [];
  for (const item of items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) links.push(String(item.value).trim());
    else problems.push({ ...span(item as Node), severity: 'error', message: t("'links' holds Wikidata ids and URLs") });
  }
  return links;
}

function span(node: Node | null | undefined): Span {
  const range = node?.range;
  if (!range) return { offset: 0, length: 0 };
  return { offset: range[0], length: Math.max(1, range[1] - range[0]) };
}

/** A scalar's value without its quotes. */
function valueSpan(node: Node | undefined): Span {
  const whole = span(node);
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && whole.length >= 2) {
    return { offset: whole.offset + 1, length: whole.length - 2 };
  }
  return whole;
}
