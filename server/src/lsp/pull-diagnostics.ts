// Pull diagnostics (LSP 3.17): per document for open articles, and per workspace so the
// Problems panel can list the problems of articles that are not open
// (`nassaq.diagnostics.scope: workspace`).
import type { Connection, TextDocuments, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../core/engine';
import { readArticle } from '../node/article-file';
import { throwIfCancelled } from './cancellation';
import type { ConfigStore } from './configs';
import type { CorpusViews } from './corpus-views';
import { toDiagnostic } from './diagnostics';
import { serverLocale } from './l10n';
import type { Linter } from './linter';
import type { SettingsCache } from './settings';
import { pathToUri } from './uri';
import type { WorkspaceIndex } from './workspace-index';

export interface PullContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: Linter;
  index: WorkspaceIndex;
  configs: ConfigStore;
  settings: SettingsCache;
  views: CorpusViews;
  roots(): readonly string[];
}

const YIELD_EVERY = 50;

export function registerPullDiagnostics(context: PullContext): void {
  const { connection, documents, linter } = context;
  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const findings = document ? await linter.analyse(document) : undefined;
    const elsewhere = document && findings ? await linter.relatedElsewhere(document.uri, findings) : new Map();
    return { kind: 'full', items: document && findings ? findings.map((f) => toDiagnostic(document, f, elsewhere.get(f))) : [] };
  });
  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const root = context.roots()[0];
    const scope = root ? (await context.settings.get(pathToUri(root))).diagnosticsScope : 'open';
    if (scope !== 'workspace') return { items: [] };
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let count = 0;
    for (const file of [...context.index.corpus.fileIds()]) {
      throwIfCancelled(token);
      const uri = pathToUri(file);
      if (documents.get(uri)) continue; // open articles are reported by document pulls
      const resultId = `${context.index.corpus.entry(file)?.hash}:${context.views.generation}`;
      if (previous.get(uri) === resultId) {
        items.push({ kind: 'unchanged', uri, version: null, resultId });
        continue;
      }
      const report = await fileReport(context, file, uri, resultId);
      if (report) items.push(report);
      if (++count % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return { items };
  });
}

async function fileReport(context: PullContext, file: string, uri: string, resultId: string): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
  const { config } = context.configs.forFile(file);
  const roots = context.roots();
  const read = await readArticle(file, { maxBytes: config.maxFileSize, ...(roots.length ? { within: roots } : {}) });
  if (!read.ok) return undefined;
  const document = TextDocument.create(uri, 'plaintext', 0, read.text);
  const findings = lintText(read.text, config, { corpus: context.views.view(config, file), locale: serverLocale() });
  const elsewhere = await context.linter.relatedElsewhere(uri, findings);
  return { kind: 'full', uri, version: null, resultId, items: findings.map((f) => toDiagnostic(document, f, elsewhere.get(f))) };
}
