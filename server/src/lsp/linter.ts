// Lints open articles against the corpus. In push mode it publishes diagnostics: at once on
// open, debounced while typing, on save when asked, and again when the corpus changes. In pull
// mode the server's diagnostic handlers ask `analyse`. A result is only used for the document
// version, configuration and corpus generation it was computed on.
import type { Connection, DiagnosticRelatedInformation, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NassaqConfig } from '../core/config/config';
import type { CorpusView } from '../core/corpus/corpus-view';
import { lintText } from '../core/engine';
import type { Finding } from '../core/rules/rule';
import type { ConfigStore } from './configs';
import { toDiagnostic } from './diagnostics';
import { FileProblems } from './file-problems';
import { serverLocale } from './l10n';
import type { SettingsCache } from './settings';
import { uriToPath } from './uri';

const TYPING_DEBOUNCE_MS = 150;

export interface CorpusSource {
  view(config: NassaqConfig, file?: string): CorpusView;
  readonly generation: number;
}

interface LintResult {
  /** The document object: a closed and reopened document may come back with the same version number. */
  document: TextDocument;
  version: number;
  config: NassaqConfig;
  generation: number;
  findings: Finding[];
}

export class Linter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LintResult>();
  private readonly published = new Map<string, LintResult>();
  /** False when the client pulls diagnostics itself. */
  pushDiagnostics = true;
  /** Files whose diagnostics another part of the server publishes (actors.yaml): never cleared here. */
  publishedElsewhere: (file: string) => boolean = () => false;
  /** Whole-file problems (not UTF-8, binary, too large) that stop an article from being linted. */
  readonly fileProblems = new FileProblems();
  /** Validations under way, and who waits for there to be none (see whenIdle). */
  private validating = 0;
  private idleWaiters: Array<() => void> = [];
  /** Related information in other files for some findings (see related-locations.ts). */
  relatedElsewhere: (uri: string, findings: readonly Finding[]) => Promise<Map<Finding, DiagnosticRelatedInformation[]>> = async () => new Map();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ConfigStore,
    private readonly settings: SettingsCache,
    private readonly corpus: CorpusSource,
  ) {}

  /**
   * Resolves once no validation is under way (at once if none is). Indexing waits for this before
   * its long synchronous steps, so an article opened at startup shows its diagnostics first.
   */
  whenIdle(): Promise<void> {
    return this.validating === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

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
    this.published.delete(document.uri);
    this.settings.forget(document.uri);
    const file = uriToPath(document.uri);
    if (file) this.fileProblems.forget(file);
    if (this.pushDiagnostics) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  revalidateAll(): void {
    if (this.pushDiagnostics) for (const document of this.documents.all()) this.validateNow(document);
    else void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** Findings for the document as it is now, or undefined when it is not linted (not an article, disabled). */
  async analyse(document: TextDocument): Promise<Finding[] | undefined> {
    const file = uriToPath(document.uri);
    if (!file || this.configs.isConfigFile(file)) return undefined;
    const settings = await this.settings.get(document.uri);
    const resolved = this.configs.forFile(file);
    if (!settings.enable || !resolved.isArticle(file)) return undefined;
    const problem = await this.fileProblems.check(document, file, resolved.config.maxFileSize);
    if (problem) {
      this.results.delete(document.uri); // so that the findings are published again once it is solved
      return [problem];
    }
    return this.findingsFor(document, resolved.config);
  }

  /** Findings of the document's current version under `config`, computed now if the last result is stale. */
  findingsFor(document: TextDocument, config: NassaqConfig): Finding[] {
    const last = this.results.get(document.uri);
    if (last && this.isCurrent(last, document, config)) return last.findings;
    const findings = lintText(document.getText(), config, { corpus: this.corpus.view(config, uriToPath(document.uri)), locale: serverLocale() });
    this.results.set(document.uri, { document, version: document.version, config, generation: this.corpus.generation, findings });
    return findings;
  }

  private isCurrent(result: LintResult, document: TextDocument, config: NassaqConfig): boolean {
    return result.document === document && result.version === document.version && result.config === config && result.generation === this.corpus.generation;
  }

  private async validate(document: TextDocument): Promise<void> {
    if (!this.pushDiagnostics) return;
    const file = uriToPath(document.uri);
    if (file && (this.configs.isConfigFile(file) || this.publishedElsewhere(file))) return;
    // Documents are updated in place, and a reopened one may reuse a version number: a validation
    // holds on to the object and the version it started on, and gives up if either moved on.
    const version = document.version;
    const stale = () => this.documents.get(document.uri) !== document || document.version !== version;
    this.validating++;
    try {
      const findings = await this.analyse(document);
      if (stale()) return; // a newer version (or a reopened document) will be validated
      const result = this.results.get(document.uri);
      if (findings && result && this.published.get(document.uri) === result) return; // nothing new to say
      const elsewhere = findings ? await this.relatedElsewhere(document.uri, findings) : new Map();
      if (stale()) return;
      if (result) this.published.set(document.uri, result);
      const diagnostics = (findings ?? []).map((f) => toDiagnostic(document, f, elsewhere.get(f)));
      await this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(`Linting ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      if (--this.validating === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
