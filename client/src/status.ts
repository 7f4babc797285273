// The status bar item: the server's state at a glance, and a click away from the output channel.
//   $(sync~spin) Nassaq: indexing 1,240/9,800   while the server reads the corpus
//   $(check) Nassaq: 3 problems                 then: diagnostics with source 'nassaq' in the workspace
//   $(error) Nassaq                             when the client stopped (crashed or failed to start)
//   $(shield) …                                 in an untrusted workspace: restricted mode (diagnostics only)
// Indexing progress comes from the server's notifications (server/src/lsp/workspace-index.ts):
// `nassaq/indexing` {done, total} at the start of a scan, at most ten times a second, `nassaq/indexed`
// {files} at its end.
import { Disposable, l10n, languages, StatusBarAlignment, ThemeColor, window, type Diagnostic } from 'vscode';
import { NotificationType, State, type LanguageClient } from 'vscode-languageclient/node';
import { plural } from './l10n';

const IndexingNotification = new NotificationType<{ done: number; total: number }>('nassaq/indexing');
const IndexedNotification = new NotificationType<{ files: number }>('nassaq/indexed');
/** Source of the server's diagnostics (server/src/lsp/diagnostics.ts). */
const SOURCE = 'nassaq';
/** Diagnostics change in bursts (a workspace pull, a corpus re-check); count once they settle. */
const COUNT_DELAY_MS = 300;

const count = (n: number): string => n.toLocaleString('en');

export class StatusItem implements Disposable {
  private readonly item = window.createStatusBarItem('nassaq.status', StatusBarAlignment.Left, 0);
  private readonly disposables: Disposable[] = [this.item];
  private state: State = State.Starting;
  private indexing: { done: number; total: number } | undefined;
  private problems = 0;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    client: LanguageClient,
    /** An untrusted workspace: the server reports problems and changes no file. */
    private restricted = false,
  ) {
    this.item.name = l10n.t('Nassaq');
    this.item.command = 'nassaq.showOutput';
    this.disposables.push(
      client.onDidChangeState(({ newState }) => {
        this.state = newState;
        if (newState !== State.Running) this.indexing = undefined;
        this.render();
      }),
      client.onNotification(IndexingNotification, ({ done, total }) => {
        if (typeof done === 'number' && typeof total === 'number') this.indexing = { done, total };
        this.render();
      }),
      client.onNotification(IndexedNotification, () => {
        this.indexing = undefined;
        this.render();
      }),
      languages.onDidChangeDiagnostics(() => this.scheduleCount()),
      new Disposable(() => clearTimeout(this.countTimer)),
    );
    this.problems = countProblems();
    this.render();
    this.item.show();
  }

  private scheduleCount(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      this.problems = countProblems();
      this.render();
    }, COUNT_DELAY_MS);
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.render();
  }

  private render(): void {
    this.renderState();
    if (this.restricted) {
      this.item.text = `$(shield) ${this.item.text}`;
      this.item.tooltip = `${l10n.t('Restricted mode: this workspace is not trusted, so Nassaq reports problems but offers no fixes, renames or other changes to files.')}\n\n${String(this.item.tooltip ?? '')}`;
    }
  }

  private renderState(): void {
    const item = this.item;
    item.backgroundColor = undefined;
    if (this.state === State.Stopped) {
      item.text = `$(error) ${l10n.t('Nassaq')}`;
      item.tooltip = l10n.t('The Nassaq language server is not running. Click to show its output; Nassaq: Restart language server starts it again.');
      item.backgroundColor = new ThemeColor('statusBarItem.errorBackground');
    } else if (this.state === State.Starting) {
      item.text = `$(sync~spin) ${l10n.t('Nassaq')}`;
      item.tooltip = l10n.t('The Nassaq language server is starting. Click to show its output.');
    } else if (this.indexing) {
      item.text = `$(sync~spin) ${l10n.t('Nassaq: indexing {0}/{1}', count(this.indexing.done), count(this.indexing.total))}`;
      item.tooltip = l10n.t('Nassaq is reading the articles of the workspace; it answers meanwhile from what it has read. Click to show the output.');
    } else {
      item.text = `$(check) ${plural(this.problems, 'Nassaq: {0} problem', 'Nassaq: {0} problems')}`;
      item.tooltip = l10n.t(
        'Nassaq problems in the Problems panel: those of open articles, or of every article when nassaq.diagnostics.scope is "workspace". Click to show the output.',
      );
    }
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** Diagnostics reported by the Nassaq server, across every file VS Code holds diagnostics for. */
function countProblems(): number {
  let total = 0;
  for (const [, diagnostics] of languages.getDiagnostics()) total += diagnostics.filter(isNassaq).length;
  return total;
}

function isNassaq(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SOURCE;
}
