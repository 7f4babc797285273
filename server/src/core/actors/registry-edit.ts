// Text edits to actors.yaml that keep the editors' comments and layout: appending an actor,
// writing a new canonical name. Pure: the server turns them into workspace edits.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { english, type Translate } from '../l10n';
import type { TextEdit } from '../rules/rule';
import { spellingKey, type ActorMention } from './actor-index';
import { parseRegistry, type Actor, type ActorType } from './registry';

export interface NewActor {
  name: string;
  type: ActorType;
}

/** An id for a new actor: its name's words joined by '-', made unique. */
export function newActorId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = spellingKey(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'actor';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Appends an actor to the registry text (a new registry when `text` is empty). Returns the edit and
 * the id, or an error when the registry cannot be edited safely (YAML errors, no `actors` list)
 * or already has the name.
 */
export function appendActor(text: string, actor: NewActor, t: Translate = english): { edit: TextEdit; id: string } | { error: string } {
  const name = actor.name.trim().replace(/\s+/g, ' ');
  if (!name) return { error: t('The name is empty') };
  if (text.trim() === '') {
    const id = newActorId(name, []);
    return { id, edit: { offset: 0, length: text.length, newText: `actors:\n${entryText(id, name, actor.type, '  ')}` } };
  }
  const parsed = parseRegistry(text);
  if (!parsed.usable) return { error: t('actors.yaml has errors; fix them before adding an actor') };
  const key = spellingKey(name);
  const owner = parsed.actors.find((a) => [a.name, ...a.aliases, ...a.variants].some((s) => spellingKey(s) === key));
  if (owner) return { error: t('"{0}" is already in actors.yaml (actor \'{1}\')', name, owner.id) };
  const doc = parseDocument(text);
  const list = isMap(doc.contents) ? doc.contents.get('actors', true) : undefined;
  if (!isSeq(list)) return { error: t("actors.yaml has no 'actors' list") };
  const id = newActorId(name, parsed.actors.map((a) => a.id));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const last = list.items[list.items.length - 1];
  if (list.flow || !last || !(isMap(last) || isScalar(last))) {
    // `actors: []` or an empty list: rewrite the list as a block with the one entry.
    const range = list.range ?? [text.length, text.length];
    const keyStart = text.lastIndexOf('actors', range[0]);
    return { id, edit: { offset: keyStart, length: range[1] - keyStart, newText: `actors:${eol}${entryText(id, name, actor.type, '  ', eol).trimEnd()}` } };
  }
  const lineStart = text.lastIndexOf('\n', (last.range ?? [0])[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const end = text.length;
  const prefix = text.endsWith('\n') ? '' : eol;
  return { id, edit: { offset: end, length: 0, newText: prefix + entryText(id, name, actor.type, indent, eol) } };
}

function entryText(id: string, name: string, type: ActorType, indent: string, eol = '\n'): string {
  const inner = `${indent}  `;
  return `${indent}- id: ${yamlScalar(id)}${eol}${inner}name: ${yamlScalar(name)}${eol}${inner}type: ${type}${eol}`;
}

/** The edit that writes a new canonical name for the actor (its `name` value, quotes included). */
export function renameActorEdit(registryText: string, actor: Actor, newName: string): TextEdit {
  let { offset, length } = actor.nameSpan;
  const before = registryText[offset - 1];
  if ((before === '"' || before === "'") && registryText[offset + length] === before) {
    offset--;
    length += 2;
  }
  return { offset, length, newText: yamlScalar(newName) };
}

/** A YAML scalar for a value: plain when that reads back the same, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/u.test(value) && !/\s$/.test(value) && !/^(true|false|null|yes|no|~|[-+]?\d[\d._]*)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * What a mention becomes when `name` is written over it, proclitics kept: ل + الاسم is written
 * للاسم (للأمم → للمنظمة), so a name with the article loses its alef after a ل. With a
 * lamArticle mention the ل in the range is the old name's article, so a name without one simply
 * replaces it.
 */
export function rewrittenMention(mention: Pick<ActorMention, 'lamArticle' | 'lamClitic'>, name: string): string {
  return (mention.lamArticle || mention.lamClitic) && name.startsWith('ال') ? name.slice(1) : name;
}

/** The edit that writes `name` over a mention; undefined when the mention already reads `name`. */
export function mentionRewrite(text: string, mention: Pick<ActorMention, 'offset' | 'length' | 'lamArticle' | 'lamClitic'>, name: string): TextEdit | undefined {
  const newText = rewrittenMention(mention, name);
  if (text.slice(mention.offset, mention.offset + mention.length) === newText) return undefined;
  return { offset: mention.offset, length: mention.length, newText };
}
