// Quick fixes, "fix all of a rule", "accept word" and source.fixAll.nassaq for one article.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NassaqConfig } from '../core/config/config';
import type { CorpusView } from '../core/corpus/corpus-view';
import { fixAll, preferredFix } from '../core/engine';
import type { Finding } from '../core/rules/rule';
import { minimalEdit } from '../core/text/diff';
import { isDiagnosticData, SOURCE, toLspEdit } from './diagnostics';
import { t } from './l10n';
import { FIX_SPELLINGS_COMMAND } from './workspace-spelling';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export interface CodeActionInput {
  document: TextDocument;
  params: CodeActionParams;
  config: NassaqConfig;
  /** The corpus the document belongs to. */
  corpus: CorpusView;
  /** Findings for the document's current version. */
  findings: readonly Finding[];
  /** Builds the edit that adds a word to the corpus's accept list. */
  acceptWord(word: string): WorkspaceEdit | undefined;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const only = input.params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const ours = input.params.context.diagnostics.filter((d) => d.source === SOURCE);
    for (const diagnostic of ours) actions.push(...quickFixes(input, diagnostic));
    for (const ruleId of new Set(ours.map((d) => String(d.code)))) {
      const all = fixAllOfRule(input, ruleId);
      if (all) actions.push(all);
    }
    for (const diagnostic of ours) {
      const fix = isDiagnosticData(diagnostic.data) ? diagnostic.data.corpusFix : undefined;
      if (fix) actions.push({ title: t('Fix all spellings of "{0}" in the workspace', fix.name), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: t('Fix all spellings'), command: FIX_SPELLINGS_COMMAND, arguments: [fix] } });
    }
    for (const word of new Set(ours.map((d) => (isDiagnosticData(d.data) ? d.data.word : undefined)))) {
      if (word === undefined) continue;
      const edit = input.acceptWord(word);
      if (edit) actions.push({ title: t("Accept '{0}' in this corpus", word), kind: CodeActionKind.QuickFix, edit, diagnostics: ours.filter((d) => isDiagnosticData(d.data) && d.data.word === word) });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edit = wholeFileFix(input, undefined);
    if (edit) actions.push({ title: t('Fix all Nassaq problems in this file'), kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

function quickFixes(input: CodeActionInput, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data;
  // A diagnostic from an older version of the document would edit the wrong text: offer nothing.
  if (!isDiagnosticData(data) || data.version !== input.document.version) return [];
  return data.fixes.map((fix, index) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: index === 0 && data.safe,
    edit: versionedEdit(input.document, fix.edits),
  }));
}

function fixAllOfRule(input: CodeActionInput, ruleId: string): CodeAction | undefined {
  const fixable = input.findings.filter((f) => f.ruleId === ruleId && preferredFix(f));
  if (fixable.length < 2) return undefined;
  const edit = wholeFileFix(input, [ruleId]);
  return edit && { title: t('Fix all {0} problems in this file ({1})', ruleId, fixable.length), kind: CodeActionKind.QuickFix, edit };
}

function wholeFileFix(input: CodeActionInput, only: readonly string[] | undefined): WorkspaceEdit | undefined {
  const before = input.document.getText();
  const change = minimalEdit(before, fixAll(before, input.config, { only, corpus: input.corpus, locale: t.locale }).text);
  return change && versionedEdit(input.document, [toLspEdit(input.document, change)]);
}

function versionedEdit(document: TextDocument, edits: TextDocumentEdit['edits']): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
}
