// The actor registry (`actors.yaml`): people, organizations and places that editors curate, with
// their canonical spelling, aliases and known wrong spellings. Parsing never throws: it returns
// the actors it could read and the problems it found, each at an offset in the YAML text.
import { english, type Translate } from '../l10n';
import { flowTooDeep, MAX_FLOW_DEPTH } from '../config/yaml-limits';
import { foldKey, surfaceKey } from '../text/normalize';
import { readFastTree } from './registry-fast';
import { readYamlTree, type ReadTree, type TreeMap, type TreeNode } from './registry-tree';

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

const ENTRY_KEYS = ['id', 'name', 'type', 'aliases', 'variants', 'description', 'links'] as const;
/** Where readEntry keeps each known key's value. */
const [ID, NAME, TYPE, ALIASES, VARIANTS, DESCRIPTION, LINKS] = (['id', 'name', 'type', 'aliases', 'variants', 'description', 'links'] as const).map((key) => ENTRY_KEYS.indexOf(key));
const MAX_REGISTRY_LENGTH = 20_000_000;

/** Problems are worded by `t` (English by default); YAML syntax errors keep the parser's English. */
export function parseRegistry(text: string, t: Translate = english): ParsedRegistry {
  return readRegistry(text, t, readFastTree);
}

/** The `yaml` library alone, without the fast path: the reference the fast path is tested against. */
export function parseRegistryWithYaml(text: string, t: Translate = english): ParsedRegistry {
  return readRegistry(text, t, () => undefined);
}

function readRegistry(text: string, t: Translate, fast: (text: string) => ReadTree | undefined): ParsedRegistry {
  if (text.length > MAX_REGISTRY_LENGTH) {
    return { actors: [], usable: false, problems: [{ offset: 0, length: 0, severity: 'error', message: t('actors.yaml is larger than {0} characters', MAX_REGISTRY_LENGTH) }] };
  }
  const deep = flowTooDeep(text);
  if (deep !== undefined) {
    return { actors: [], usable: false, problems: [{ offset: deep, length: 1, severity: 'error', message: t('Brackets nested more than {0} levels deep', MAX_FLOW_DEPTH) }] };
  }
  const read = fast(text) ?? readYamlTree(text);
  if ('errors' in read) {
    const problems = read.errors.map(({ offset, length, message }): RegistryProblem => ({ offset, length, severity: 'error', message }));
    return { actors: [], problems, usable: false };
  }
  const problems: RegistryProblem[] = [];
  const root = read.root;
  if (root === null || (root.kind === 'scalar' && root.value === null)) return { actors: [], problems, usable: true };
  const list = root.kind === 'map' ? get(root, 'actors') : undefined;
  if (root.kind !== 'map' || list?.kind !== 'seq') {
    const where = root.kind === 'map' && list !== undefined ? list : root;
    problems.push({ ...span(where), severity: 'error', message: t("actors.yaml must be a mapping whose key 'actors' holds a list of actors") });
    return { actors: [], problems, usable: false };
  }
  for (const pair of root.pairs) {
    const key = keyText(pair.key);
    if (key !== 'actors') problems.push({ ...span(pair.key), severity: 'warning', message: t("Unknown key '{0}'; actors.yaml has one key, 'actors'", key) });
  }
  const actors: Actor[] = [];
  for (const item of list.items) {
    const actor = readEntry(item, problems, t);
    if (actor) actors.push(actor);
  }
  return { actors: withoutClashes(actors, text, problems, t), problems, usable: true };
}

function readEntry(node: TreeNode | null, problems: RegistryProblem[], t: Translate): Actor | undefined {
  if (node?.kind !== 'map') {
    problems.push({ ...span(node), severity: 'error', message: t('An actor is a mapping with id, name, type and optional aliases, variants, description, links') });
    return undefined;
  }
  // Each known key's value, from its first pair as YAMLMap.get(key, true) finds it (one pass: this runs per actor).
  const fields: Array<TreeNode | undefined> = [];
  let taken = 0;
  for (const pair of node.pairs) {
    const key = keyText(pair.key);
    const index = (ENTRY_KEYS as readonly string[]).indexOf(key);
    if (index < 0) problems.push({ ...span(pair.key), severity: 'warning', message: t("Unknown key '{0}'; an actor has {1}", key, ENTRY_KEYS.join(', ')) });
    else if (!(taken & (1 << index))) {
      taken |= 1 << index;
      fields[index] = pair.value ?? undefined;
    }
  }
  const idNode = fields[ID];
  const nameNode = fields[NAME];
  const typeNode = fields[TYPE];
  const descriptionNode = fields[DESCRIPTION];
  const id = scalarText(idNode);
  const name = scalarText(nameNode);
  const type = scalarText(typeNode);
  const hasId = hasText(id, 'id', idNode ?? node, problems, t);
  const hasName = hasText(name, 'name', nameNode ?? node, problems, t);
  const hasType = hasText(type, 'type', typeNode ?? node, problems, t);
  const knownType = type === undefined || type === '' || (ACTOR_TYPES as readonly string[]).includes(type);
  if (!knownType) problems.push({ ...span(typeNode ?? node), severity: 'error', message: t("'type' must be one of: {0}", ACTOR_TYPES.join(', ')) });
  const aliases = stringList(fields[ALIASES], 'aliases', problems, t);
  const variants = stringList(fields[VARIANTS], 'variants', problems, t);
  const links = linkList(fields[LINKS], problems, t);
  const description = scalarText(descriptionNode);
  if (descriptionNode !== undefined && description === undefined) problems.push({ ...span(descriptionNode), severity: 'error', message: t("'description' must be a line of text") });
  if (!hasId || !hasName || !hasType || !knownType || id === undefined || name === undefined || type === undefined) return undefined;
  // The name's key only matters against variants (most actors have none).
  const nameKey = variants.length > 0 ? surfaceKey(name.trim()) : '';
  for (const variant of variants) {
    if (surfaceKey(variant) === nameKey) problems.push({ ...span(nameNode), severity: 'warning', message: t("The variant '{0}' is the name itself", variant) });
  }
  return {
    id: id.trim(),
    name: name.trim(),
    type: type as ActorType,
    aliases,
    variants: variants.length === 0 ? variants : variants.filter((v) => surfaceKey(v) !== nameKey),
    ...(description ? { description: description.trim() } : {}),
    links,
    entrySpan: span(node),
    nameSpan: valueSpan(nameNode),
  };
}

function hasText(value: string | undefined, key: string, at: TreeNode, problems: RegistryProblem[], t: Translate): boolean {
  if (value !== undefined && value.trim() !== '') return true;
  problems.push({ ...span(at), severity: 'error', message: t("This actor has no '{0}'", key) });
  return false;
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
  const claim = (spelling: string, actor: Actor) => {
    const key = nameKey(spelling);
    const owner = claims.get(key);
    if (owner && owner !== actor) {
      problems.push({ ...actor.entrySpan, severity: 'error', message: t("'{0}' is claimed by '{1}' (line {2}) and '{3}'", spelling, owner.id, lineOf(owner.entrySpan.offset), actor.id) });
    } else {
      claims.set(key, actor);
    }
  };
  for (const actor of actors) {
    const previous = ids.get(actor.id);
    if (previous) {
      problems.push({ ...actor.entrySpan, severity: 'error', message: t("Duplicate id '{0}' (first used on line {1})", actor.id, lineOf(previous.entrySpan.offset)) });
      continue;
    }
    ids.set(actor.id, actor);
    kept.push(actor);
    claim(actor.name, actor);
    for (const alias of actor.aliases) claim(alias, actor);
    for (const variant of actor.variants) claim(variant, actor);
  }
  return kept;
}

const UNUSUAL_SPACING_OR_COMPOUND = /[^\S ]|^ | $| {2}|عبد|ابو/;

/** The key under which two registry spellings are the same name: folded, compounds joined. */
export function nameKey(spelling: string): string {
  const folded = foldKey(spelling);
  // Most names have single spaces between words and no compound: nothing to replace.
  if (!UNUSUAL_SPACING_OR_COMPOUND.test(folded)) return folded;
  return folded.replace(/(^|\s)(عبد|ابو)\s+/g, '$1$2').replace(/\s+/g, ' ').trim();
}

/** The value of the first pair whose key is `key`, as the `yaml` library's YAMLMap.get(key, true). */
function get(map: TreeMap, key: string): TreeNode | undefined {
  for (const pair of map.pairs) if (pair.key?.kind === 'scalar' && pair.key.value === key) return pair.value ?? undefined;
  return undefined;
}

function keyText(key: TreeNode | null): string {
  return key?.kind === 'scalar' ? String(key.value) : '';
}

function scalarText(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : undefined;
}

function stringList(node: TreeNode | undefined, key: string, problems: RegistryProblem[], t: Translate): string[] {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return [];
  if (node.kind === 'scalar' && typeof node.value === 'string') return [node.value.trim()].filter(Boolean);
  if (node.kind !== 'seq') {
    problems.push({ ...span(node), severity: 'error', message: t("'{0}' must be a list of spellings", key) });
    return [];
  }
  const values: string[] = [];
  for (const item of node.items) {
    if (item?.kind === 'scalar' && typeof item.value === 'string' && item.value.trim()) values.push(item.value.trim());
    else problems.push({ ...span(item), severity: 'error', message: t("'{0}' entries must be spellings (text)", key) });
  }
  return values;
}

/** `links` is a list of ids and URLs, or a mapping such as { wikidata: Q123, url: https://… }. */
function linkList(node: TreeNode | undefined, problems: RegistryProblem[], t: Translate): string[] {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return [];
  const items = node.kind === 'seq' ? node.items : node.kind === 'map' ? node.pairs.map((pair) => pair.value) : [node];
  const links: string[] = [];
  for (const item of items) {
    if (item?.kind === 'scalar' && (typeof item.value === 'string' || typeof item.value === 'number')) links.push(String(item.value).trim());
    else problems.push({ ...span(item), severity: 'error', message: t("'links' holds Wikidata ids and URLs") });
  }
  return links;
}

function span(node: TreeNode | null | undefined): Span {
  if (!node) return { offset: 0, length: 0 };
  return { offset: node.start, length: Math.max(1, node.end - node.start) };
}

/** A scalar's value without its quotes. */
function valueSpan(node: TreeNode | null | undefined): Span {
  const whole = span(node);
  if (node?.kind === 'scalar' && node.quoted && whole.length >= 2) {
    return { offset: whole.offset + 1, length: whole.length - 2 };
  }
  return whole;
}
