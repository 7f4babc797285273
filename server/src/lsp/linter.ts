// Lints open articles and publishes their diagnostics: at once on open, debounced while typing,
// on save when the user asks for that. A result is published only for the version it was computed on.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NassaqConfig } from '../core/config/config';
import { lintText } from '../core/engine';
import type { Finding } from '../core/rules/rule';
import type { ConfigStore } from './configs';
import { toDiagnostic } from './diagnostics';
import type { SettingsCache } from './settings';
import { uriToPath } from './uri';

const TYPING_DEBOUNCE_MS = 150;

interface LintResult {
  version: number;
  config: NassaqConfig;
  findings: Finding[];
}

export class Linter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LintResult>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ConfigStore,
    private readonly settings: SettingsCache,
  ) {}

  validateNow(document: TextDocument): void {
    this.cancelTimer(document.uri);
    void this.validate(document);
  }

  async documentChanged(document: TextDocument): Promise<void> {
    if ((await this.settings.get(document.uri)).run !== 'onType') return;
    this.cancelTimer(document.uri);
    this.timers.set(document.uri, setTimeout(() => {
      this.timers.delete(document.uri);
      void this.validate(document);
    }, TYPING_DEBOUNCE_MS));
  }

  async documentSaved(document: TextDocument): Promise<void> {
    if ((await this.settings.get(document.uri)).run === 'onSave') this.validateNow(document);
  }

  documentClosed(document: TextDocument): void {
    this.cancelTimer(document.uri);
    this.results.delete(document.uri);
    this.settings.forget(document.uri);
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) this.validateNow(document);
  }

  /** Findings of the document's current version, computed now if the last result is stale. */
  findingsFor(document: TextDocument, config: NassaqConfig): readonly Finding[] {
    const last = this.results.get(document.uri);
    if (last && last.version === document.version && last.config === config) return last.findings;
    return lintText(document.getText(), config);
  }

  private async validate(document: TextDocument): Promise<void> {
    const file = uriToPath(document.uri);
    if (!file || this.configs.isConfigFile(file)) return;
    try {
      const settings = await this.settings.get(document.uri);
      const current = this.documents.get(document.uri);
      if (!current || current.version !== document.version) return; // a newer version will be validated
      const resolved = this.configs.forFile(file);
      if (!settings.enable || !resolved.isArticle(file)) {
        this.results.delete(document.uri);
        await this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
        return;
      }
      const last = this.results.get(document.uri);
      if (last && last.version === document.version && last.config === resolved.config) return; // already published
      const findings = lintText(document.getText(), resolved.config);
      this.results.set(document.uri, { version: document.version, config: resolved.config, findings });
      await this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findings.map((f) => toDiagnostic(document, f)) });
    } catch (error) {
      this.connection.console.error(`Linting ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
