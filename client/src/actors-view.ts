// The Actors view in the Explorer: the actors the server knows (registered in actors.yaml or
// discovered in the corpus), grouped by type, with their mention counts. The server does the
// work (`nassaq/actors`, filtered by `query`); the view only asks, groups and draws, and asks
// again when the server says counts changed (`nassaq/actorsChanged`), at most every 300 ms.
import {
  commands,
  Disposable,
  EventEmitter,
  l10n,
  MarkdownString,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  window,
  type Event,
  type LogOutputChannel,
  type TreeDataProvider,
  type TreeView,
} from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { plural } from './l10n';
import { actorItems, ActorsChangedNotification, ActorsRequest, type ActorItem, type ActorType } from './protocol';

export const ACTORS_VIEW_ID = 'nassaq.actors';
export const SHOW_ACTOR_MENTIONS_COMMAND = 'nassaq.showActorMentions';
/** Context keys used by `when` clauses in package.json. */
export const SERVER_READY_CONTEXT = 'nassaq.serverReady';
export const FILTERED_CONTEXT = 'nassaq.actors.filtered';

const REFRESH_DELAY_MS = 300;

const GROUPS: readonly { type: ActorType; icon: string }[] = [
  { type: 'person', icon: 'person' },
  { type: 'organization', icon: 'organization' },
  { type: 'place', icon: 'location' },
  { type: 'other', icon: 'symbol-misc' },
];

/** The label of a group of the view (asked when drawn: vscode.l10n is ready by then). */
function groupLabel(type: ActorType): string {
  switch (type) {
    case 'person':
      return l10n.t('People');
    case 'organization':
      return l10n.t('Organizations');
    case 'place':
      return l10n.t('Places');
    default:
      return l10n.t({ message: 'Other', comment: 'the group of other actors' });
  }
}

/** The name of one actor's type, in its tooltip. */
function typeName(type: ActorType): string {
  switch (type) {
    case 'person':
      return l10n.t('Person');
    case 'organization':
      return l10n.t('Organization');
    case 'place':
      return l10n.t('Place');
    default:
      return l10n.t({ message: 'Other', comment: 'a kind of actor' });
  }
}

function mentions(actor: ActorItem): string {
  return plural(actor.mentions, '{0} mention', '{0} mentions');
}

export interface GroupNode {
  kind: 'group';
  type: ActorType;
  actors: ActorItem[];
}

export interface ActorNode {
  kind: 'actor';
  item: ActorItem;
}

export type ActorsViewNode = GroupNode | ActorNode;

export function isActorNode(value: unknown): value is ActorNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'actor' && 'item' in value;
}

export class ActorsView implements TreeDataProvider<ActorsViewNode>, Disposable {
  private readonly changed = new EventEmitter<ActorsViewNode | undefined>();
  readonly onDidChangeTreeData: Event<ActorsViewNode | undefined> = this.changed.event;
  private readonly view: TreeView<ActorsViewNode>;
  private readonly disposables: Disposable[] = [];
  private filter = '';
  private actors: ActorItem[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastError = '';

  constructor(
    private readonly client: LanguageClient,
    private readonly log: LogOutputChannel,
  ) {
    this.view = window.createTreeView(ACTORS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      client.onNotification(ActorsChangedNotification, () => this.scheduleRefresh()),
      client.onDidChangeState(({ newState }) => {
        void commands.executeCommand('setContext', SERVER_READY_CONTEXT, newState === State.Running);
        this.refresh();
      }),
      commands.registerCommand('nassaq.actors.refresh', () => this.refresh()),
      commands.registerCommand('nassaq.actors.filter', () => this.askFilter()),
      commands.registerCommand('nassaq.actors.clearFilter', () => this.setFilter('')),
    );
    void commands.executeCommand('setContext', FILTERED_CONTEXT, false);
    void commands.executeCommand('setContext', SERVER_READY_CONTEXT, client.isRunning());
  }

  /** The actor with this key in the last answer, if the view has it. */
  find(key: string): ActorItem | undefined {
    return this.actors.find((actor) => actor.key === key);
  }

  /** Asks the server again at once. */
  refresh(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.fire(undefined);
  }

  /** Asks the server again once notifications have settled. */
  scheduleRefresh(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  private async askFilter(): Promise<void> {
    const value = await window.showInputBox({
      title: l10n.t('Filter actors'),
      prompt: l10n.t('Show the actors whose name, alias, known variant or id contains this text (empty: all).'),
      placeHolder: l10n.t('e.g. {0}', 'السراج'),
      value: this.filter,
    });
    if (value !== undefined) this.setFilter(value);
  }

  private setFilter(value: string): void {
    this.filter = value.trim();
    this.view.description = this.filter ? l10n.t('Filter: {0}', this.filter) : undefined;
    void commands.executeCommand('setContext', FILTERED_CONTEXT, this.filter !== '');
    this.refresh();
  }

  async getChildren(node?: ActorsViewNode): Promise<ActorsViewNode[]> {
    if (node?.kind === 'actor') return [];
    if (node?.kind === 'group') return node.actors.map((item) => ({ kind: 'actor', item }));
    this.actors = await this.loadActors();
    const groups: GroupNode[] = [];
    for (const { type } of GROUPS) {
      const actors = this.actors
        .filter((actor) => actor.type === type)
        .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'ar'));
      if (actors.length > 0) groups.push({ kind: 'group', type, actors });
    }
    return groups;
  }

  private async loadActors(): Promise<ActorItem[]> {
    // Before the server runs (or after it stopped) the tree is empty and viewsWelcome explains.
    if (!this.client.isRunning()) return [];
    try {
      const result = await this.client.sendRequest(ActorsRequest, this.filter ? { query: this.filter } : {});
      this.lastError = '';
      return actorItems(result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) this.log.warn(`Actors view: nassaq/actors failed: ${message}`);
      this.lastError = message;
      return [];
    }
  }

  getTreeItem(node: ActorsViewNode): TreeItem {
    if (node.kind === 'group') {
      const group = GROUPS.find((g) => g.type === node.type) ?? GROUPS[GROUPS.length - 1];
      const item = new TreeItem(groupLabel(group.type), TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.type}`;
      item.description = node.actors.length.toLocaleString('en');
      item.iconPath = new ThemeIcon(group.icon);
      item.contextValue = 'actorGroup';
      return item;
    }
    const actor = node.item;
    const item = new TreeItem(actor.name, TreeItemCollapsibleState.None);
    item.id = `actor:${actor.key}`;
    const counts = `${mentions(actor)} · ${plural(actor.files, '{0} article', '{0} articles')}`;
    // An isolate (FSI … PDI): the count that starts it must not join the Arabic name before it.
    item.description = isolate(actor.registered ? counts : `${counts} · ${l10n.t('not in actors.yaml')}`);
    item.iconPath = new ThemeIcon(GROUPS.find((g) => g.type === actor.type)?.icon ?? 'symbol-misc');
    item.tooltip = tooltip(actor);
    item.contextValue = actor.registered ? 'actor.registered' : 'actor.unregistered';
    item.command = { command: SHOW_ACTOR_MENTIONS_COMMAND, title: l10n.t('Show actor mentions'), arguments: [actor.key] };
    return item;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function tooltip(actor: ActorItem): MarkdownString {
  const markdown = new MarkdownString();
  markdown.appendMarkdown('**');
  markdown.appendText(actor.name);
  markdown.appendMarkdown(`** — ${typeName(actor.type)}\n\n`);
  if (actor.id !== undefined) {
    markdown.appendMarkdown('id: ');
    markdown.appendText(actor.id);
    markdown.appendMarkdown('\n\n');
  }
  markdown.appendText(plural(actor.files, '{1} in {0} article', '{1} in {0} articles', mentions(actor)));
  markdown.appendMarkdown('\n\n');
  markdown.appendMarkdown(
    actor.registered
      ? l10n.t('_Registered in actors.yaml._ Click to list its mentions; right-click to open its entry.')
      : l10n.t('_Not in actors.yaml._ Select it in an article and run **Nassaq: Add selection to actors.yaml** to register it.'),
  );
  return markdown;
}

/** Wraps text in a first-strong isolate, so its direction is its own. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
