// Maps core findings to LSP diagnostics. Fix candidates travel in `data`, tagged with the document
// version they were computed for, so quick fixes need no re-analysis and are never applied stale.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem } from '../core/config/parse';
import { displayMessage } from '../core/engine';
import { ruleDocsUrl } from '../core/rules/docs';
import type { Finding, Severity, SpellingFix, TextEdit } from '../core/rules/rule';
import { LineIndex } from '../core/text/lines';
import { t } from './l10n';

export const SOURCE = 'nassaq';

export interface FixData {
  title: string;
  edits: LspTextEdit[];
}

export interface DiagnosticData {
  version: number;
  fixes: FixData[];
  /** True when the first fix may be applied without review (preferred, fix-all). */
  safe: boolean;
  word?: string;
  /** A fix over every file of the corpus (see workspace-spelling.ts). */
  corpusFix?: SpellingFix;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspEdit(document: TextDocument, e: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, newText: e.newText };
}

/** `elsewhere`: related information in other files (see related-locations.ts). */
export function toDiagnostic(document: TextDocument, finding: Finding, elsewhere: readonly DiagnosticRelatedInformation[] = []): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => toLspEdit(document, e)) })),
    safe: finding.unsafeFixReason === undefined,
    word: finding.word,
    corpusFix: finding.corpusFix,
  };
  return {
    range: { start: document.positionAt(finding.offset), end: document.positionAt(finding.offset + finding.length) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: displayMessage(finding, t),
    relatedInformation: related(document, finding, elsewhere),
    data,
  };
}

function related(document: TextDocument, finding: Finding, elsewhere: readonly DiagnosticRelatedInformation[]): DiagnosticRelatedInformation[] | undefined {
  const here = (finding.related ?? []).map((r) => ({
    location: { uri: document.uri, range: { start: document.positionAt(r.offset), end: document.positionAt(r.offset + r.length) } },
    message: r.message,
  }));
  return here.length || elsewhere.length ? [...here, ...elsewhere] : undefined;
}

export function configProblemToDiagnostic(text: string, problem: ConfigProblem): Diagnostic {
  const lines = new LineIndex(text);
  return {
    range: lines.rangeAt(problem.offset, problem.length),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: problem.message,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const data = value as Partial<DiagnosticData> | undefined;
  return typeof data?.version === 'number' && Array.isArray(data.fixes);
}
