// LSP handlers for actors: definition, references, hover, rename, highlights, symbols, semantic
// tokens, completion, "Add to actors.yaml", and the requests behind the client's Actors view.
import {
  CodeActionKind,
  CompletionItemKind,
  DocumentHighlightKind,
  ResponseError,
  SemanticTokensBuilder,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Range,
  type SemanticTokensLegend,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ACTOR_TYPES, type ActorType } from '../core/actors/registry';
import { isArabicLetter, isArabicMark } from '../core/text/chars';
import { foldKey, surfaceKey } from '../core/text/normalize';
import { ACTORS_CHANGED_NOTIFICATION, ACTORS_REQUEST, ACTOR_REFERENCES_REQUEST, ACTOR_TOKEN_MODIFIERS, ACTOR_TOKEN_TYPES, type ActorItem, type AddActorArgs } from './actor-protocol';
import { markedCard, registeredCard } from './actor-hover';
import type { ActorService, ActorTarget } from './actors';
import { t } from './l10n';
import { showWarning } from './messages';
import { restrictedError } from './trust';
import { uriToPath } from './uri';

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...ACTOR_TOKEN_TYPES], tokenModifiers: [...ACTOR_TOKEN_MODIFIERS] };
const TOKEN_TYPE: Record<ActorType, number> = { person: 0, organization: 1, place: 2, other: 3 };
const SYMBOL_KIND: Record<ActorType, SymbolKind> = { person: SymbolKind.Object, organization: SymbolKind.Class, place: SymbolKind.Namespace, other: SymbolKind.Constant };
const COMPLETION_KIND: Record<ActorType, CompletionItemKind> = { person: CompletionItemKind.Value, organization: CompletionItemKind.Class, place: CompletionItemKind.Module, other: CompletionItemKind.Constant };
const GROUP_NAMES: Record<ActorType, () => string> = { person: () => t('People'), organization: () => t('Organizations'), place: () => t('Places'), other: () => t('Other') };
const MAX_COMPLETIONS = 50;

export function registerActorHandlers(connection: Connection, documents: TextDocuments<TextDocument>, actors: ActorService, options: { restricted?: () => boolean } = {}): void {
  const target = (uri: string, position: { line: number; character: number }): ActorTarget | undefined => {
    const document = documents.get(uri);
    return document ? actors.targetAt(document, position) : undefined;
  };

  connection.onDefinition(async ({ textDocument, position }, token) => {
    const found = target(textDocument.uri, position);
    return found ? ((await actors.definition(found, token)) ?? null) : null;
  });

  connection.onReferences(async ({ textDocument, position, context }, token) => {
    const found = target(textDocument.uri, position);
    if (!found) return null;
    const references = await actors.references(found, token);
    const declaration = context.includeDeclaration && found.kind === 'registered' ? actors.registryLocation(found.actor) : undefined;
    return declaration ? [declaration, ...references] : references;
  });

  connection.onHover(({ textDocument, position }) => {
    const found = target(textDocument.uri, position);
    if (!found) return null;
    const value = found.kind === 'registered' ? registeredCard(actors.summaryOf(found.actor)) : markedCard(found.name);
    return { contents: { kind: 'markdown', value }, range: found.range };
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    if (options.restricted?.()) throw restrictedError(t('Rename'));
    const found = target(textDocument.uri, position);
    const refusal = actors.renameRefusal(found);
    if (refusal || !found || found.kind !== 'registered') throw new ResponseError(0, refusal ?? t('Not an actor'));
    return { range: found.range, placeholder: found.actor.name };
  });

  connection.onRenameRequest(async ({ textDocument, position, newName }, token) => {
    if (options.restricted?.()) throw restrictedError(t('Rename'));
    const found = target(textDocument.uri, position);
    const refusal = actors.renameRefusal(found);
    if (refusal || !found || found.kind !== 'registered') throw new ResponseError(0, refusal ?? t('Not an actor'));
    const result = await actors.renameEdit(found.actor, newName, token);
    if ('error' in result) throw new ResponseError(0, result.error);
    if (result.skipped.length > 0) {
      showWarning(connection, t('Rename: {0} changed on disk since they were indexed and were left alone: {1}', t.plural(result.skipped.length, '{0} file', '{0} files'), result.skipped.join(', ')));
    }
    return result.edit;
  });

  connection.onDocumentHighlight(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const found = document && actors.targetAt(document, position);
    if (!document || !found) return null;
    if (found.kind === 'registered' && actors.isRegistryDocument(document)) return [{ range: found.range, kind: DocumentHighlightKind.Write }];
    return actors
      .mentionsOf(document)
      .filter((m) => (found.kind === 'registered' ? m.registered?.actor === found.actor.ordinal : m.marked === found.name))
      .map((m) => ({ range: { start: document.positionAt(m.offset), end: document.positionAt(m.offset + m.length) }, kind: DocumentHighlightKind.Text }));
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    if (actors.isRegistryDocument(document)) return actors.registrySymbols(document);
    return articleSymbols(document, actors);
  });

  connection.onWorkspaceSymbol(({ query }) => {
    const symbols: SymbolInformation[] = [];
    for (const item of actors.list(query)) {
      if (!item.actor) continue; // marked names have no location until searched; the Actors view lists them
      const location = actors.registryLocation(item.actor);
      if (location) symbols.push({ name: item.name, kind: SYMBOL_KIND[item.type], location, containerName: `${typeName(item.type)} · ${t.plural(item.mentions, '{0} mention', '{0} mentions')}` });
    }
    return symbols;
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const builder = new SemanticTokensBuilder();
    if (!document) return builder.build();
    for (const mention of actors.mentionsOf(document)) {
      const type = mention.registered ? actors.actorType(mention.registered.actor) : mention.marked!.type;
      const variant = mention.registered && (mention.registered.form === 'variant' || mention.registered.form === 'spelling');
      const modifiers = (mention.marked ? 1 : 0) | (variant ? 2 : 0);
      const start = document.positionAt(mention.offset);
      builder.push(start.line, start.character, mention.length, TOKEN_TYPE[type], modifiers);
    }
    return builder.build();
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document || actors.isRegistryDocument(document)) return null;
    return completions(document, document.offsetAt(position), actors);
  });

  connection.onRequest(ACTORS_REQUEST, ({ query }: { query?: string }): { actors: ActorItem[] } => ({
    actors: actors.list(query).map((item) => {
      const location = item.actor && actors.registryLocation(item.actor);
      return {
        key: item.key,
        ...(item.actor ? { id: item.actor.id } : {}),
        name: item.name,
        type: item.type,
        registered: item.actor !== undefined,
        mentions: item.mentions,
        files: item.files,
        ...(location ? { registry: { uri: location.uri, range: location.range } } : {}),
      };
    }),
  }));

  connection.onRequest(ACTOR_REFERENCES_REQUEST, async ({ key }: { key: string }, token) => {
    const found = actors.byKey(key);
    return found ? actors.references(found, token) : [];
  });

  let notify: NodeJS.Timeout | undefined;
  actors.onDidChange(() => {
    clearTimeout(notify);
    notify = setTimeout(() => void connection.sendNotification(ACTORS_CHANGED_NOTIFICATION), 300);
  });
}

/** The outline of an article: the actors it mentions, grouped by type, each at its first mention. */
function articleSymbols(document: TextDocument, actors: ActorService): DocumentSymbol[] {
  const byActor = new Map<string, { name: string; type: ActorType; ranges: Range[] }>();
  for (const mention of actors.mentionsOf(document)) {
    const key = mention.registered ? String(mention.registered.actor) : `marked:${mention.marked!.surface}`;
    const name = mention.registered ? actors.actorName(mention.registered.actor) : mention.marked!.surface;
    const type = mention.registered ? actors.actorType(mention.registered.actor) : mention.marked!.type;
    const entry = byActor.get(key) ?? { name, type, ranges: [] };
    entry.ranges.push({ start: document.positionAt(mention.offset), end: document.positionAt(mention.offset + mention.length) });
    byActor.set(key, entry);
  }
  const groups: DocumentSymbol[] = [];
  for (const type of ACTOR_TYPES) {
    const members = [...byActor.values()].filter((a) => a.type === type);
    if (!members.length) continue;
    const children = members.map((a) => ({ name: a.name, detail: t.plural(a.ranges.length, '{0} mention', '{0} mentions'), kind: SYMBOL_KIND[type], range: a.ranges[0], selectionRange: a.ranges[0] }));
    groups.push({ name: GROUP_NAMES[type](), kind: SymbolKind.Namespace, range: spanning(children.map((c) => c.range)), selectionRange: children[0].range, children });
  }
  return groups;
}

function spanning(ranges: Range[]): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  let { start, end } = ranges[0];
  for (const r of ranges) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

/** Actor names completing the Arabic word before the cursor, compared on fold keys, proclitics kept. */
function completions(document: TextDocument, offset: number, actors: ActorService): CompletionItem[] {
  const text = document.getText();
  let start = offset;
  while (start > 0 && (isArabicLetter(text.charCodeAt(start - 1)) || isArabicMark(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x640)) start--;
  const typed = surfaceKey(text.slice(start, offset));
  if (typed.length < 2) return [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  // The typed word, then readings without a proclitic (والسر → السر، سر).
  for (const clitic of [0, 1, 2]) {
    const stem = foldKey(typed.slice(clitic));
    if (stem.length < 2 || (clitic > 0 && !'وفبلك'.includes(typed[clitic - 1]))) continue;
    const replaceFrom = start + prefixUnits(text.slice(start, offset), clitic);
    const range = { start: document.positionAt(replaceFrom), end: document.positionAt(offset) };
    for (const item of actors.list()) {
      const spellings = item.actor ? [item.actor.name, ...item.actor.aliases] : [item.name];
      for (const spelling of spellings) {
        if (seen.has(spelling) || !foldKey(surfaceKey(spelling)).startsWith(stem)) continue;
        seen.add(spelling);
        items.push({
          label: spelling,
          kind: COMPLETION_KIND[item.type],
          detail: item.actor ? `${typeName(item.type)}${item.actor.description ? ` · ${item.actor.description}` : ''}` : `${typeName(item.type)} · ${t('not in actors.yaml')}`,
          sortText: `${item.actor ? 0 : 1}${String(1e9 - item.mentions).padStart(10, '0')}`,
          filterText: text.slice(replaceFrom, offset),
          textEdit: { range, newText: spelling },
        });
        if (items.length >= MAX_COMPLETIONS) return items;
      }
    }
  }
  return items;
}

/** An actor type as users read it (the registry's `type` values in English). */
function typeName(type: ActorType): string {
  return TYPE_NAMES[type]();
}

const TYPE_NAMES: Record<ActorType, () => string> = { person: () => t('person'), organization: () => t('organization'), place: () => t('place'), other: () => t('other') };

/** Code units of the first `letters` letters of a word (marks after them included). */
function prefixUnits(word: string, letters: number): number {
  let i = 0;
  for (let seen = 0; i < word.length && seen < letters; i++) if (isArabicLetter(word.charCodeAt(i))) seen++;
  while (i < word.length && isArabicMark(word.charCodeAt(i))) i++;
  return i;
}

/** "Add <name> to actors.yaml" for a marked name under the cursor or a selected run of Arabic words. */
export function addActorActions(document: TextDocument, range: Range, actors: ActorService): CodeAction[] {
  const file = uriToPath(document.uri);
  if (!file || actors.isRegistryDocument(document)) return [];
  const found = actors.targetAt(document, range.start);
  let name: string | undefined;
  let type: ActorType = 'person';
  if (found?.kind === 'marked') {
    name = found.name.surface;
    type = found.name.type;
  } else if (!found) {
    const selected = surfaceKey(document.getText(range).trim());
    if (selected && /^[\u0600-\u06ff]+(?: [\u0600-\u06ff]+){0,4}$/.test(selected)) name = selected;
  }
  if (!name) return [];
  const result = actors.addActorEdit(file, name, type);
  if ('error' in result) return [];
  return [{ title: t('Add "{0}" to actors.yaml', name), kind: CodeActionKind.QuickFix, edit: result.edit }];
}

export function addActorCommand(args: AddActorArgs | undefined, documents: TextDocuments<TextDocument>): { name: string; file: string; type: ActorType } | { error: string } {
  const document = args && documents.get(args.uri);
  const file = document && uriToPath(document.uri);
  if (!args || !document || !file) return { error: t('Open an article and select a name first') };
  const name = surfaceKey(document.getText(args.range).trim()).replace(/\s+/g, ' ');
  if (!/^[\u0600-\u06ff]+(?: [\u0600-\u06ff]+){0,5}$/.test(name)) return { error: t('Select the Arabic words of a name (up to six words)') };
  return { name, file, type: args.type ?? 'person' };
}
