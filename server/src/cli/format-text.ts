// Human-readable output: `file:line:col  severity  rule  message`, one line per finding, and a
// summary. Skipped and unfixed files are named on stderr.
import { displayMessage } from '../core/engine';
import { english, type Translate } from '../core/l10n';
import type { Finding } from '../core/rules/rule';
import type { LineIndex } from '../core/text/lines';
import type { FileNote, FileReport, Reporter, Summary } from './check';
import type { Terminal } from './progress';

export function textReporter(terminal: Terminal, fixing: boolean, t: Translate = english): Reporter {
  return {
    async file(report: FileReport) {
      if (report.findings.length === 0) return;
      let chunk = '';
      for (const finding of report.findings) chunk += `${findingLine(report.nativePath, report.lines, finding, t)}\n`;
      await terminal.out(chunk);
    },
    async skipped(note: FileNote) {
      terminal.err(`${note.nativePath}: ${t('skipped: ')}${note.reason}`);
    },
    async notFixed(note: FileNote) {
      terminal.err(`${note.nativePath}: ${note.reason}`);
    },
    async end(summary: Summary) {
      await terminal.out(summaryLines(summary, fixing, t).map((line) => `${line}\n`).join(''));
    },
  };
}

export function findingLine(file: string, lines: LineIndex, finding: Finding, t: Translate = english): string {
  const { line, character } = lines.positionAt(finding.offset);
  return `${file}:${line + 1}:${character + 1}  ${finding.severity}  ${finding.ruleId}  ${oneLine(displayMessage(finding, t))}`;
}

export function summaryLines(summary: Summary, fixing: boolean, t: Translate = english): string[] {
  const lines: string[] = [];
  if (summary.fix) lines.push(fixLine(summary.fix, t));
  lines.push(problemsLine(summary, t));
  if (!fixing && summary.fixable > 0) {
    lines.push(`  ${t.plural(summary.fixable, '{0} problem can be fixed automatically with --fix', '{0} problems can be fixed automatically with --fix')}`);
  }
  return lines;
}

function problemsLine(summary: Summary, t: Translate): string {
  const { counts } = summary;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const skipped = summary.skipped > 0 ? t(' ({0} skipped)', summary.skipped) : '';
  const files = t.plural(summary.files, '{0} file', '{0} files');
  if (total === 0) return `✔ ${t('No problems in {0}', files)}${skipped}`;
  const parts = [t.plural(counts.error, '{0} error', '{0} errors'), t.plural(counts.warning, '{0} warning', '{0} warnings'), t('{0} info', counts.info)];
  if (counts.hint > 0) parts.push(t.plural(counts.hint, '{0} hint', '{0} hints'));
  return `✖ ${t('{0} ({1}) in {2} of {3}', t.plural(total, '{0} problem', '{0} problems'), parts.join(t(', ')), summary.filesWithProblems, files)}${skipped}`;
}

function fixLine(fix: NonNullable<Summary['fix']>, t: Translate): string {
  const notFixed = fix.notFixed > 0 ? t.plural(fix.notFixed, '; {0} file not fixed (see above)', '; {0} files not fixed (see above)') : '';
  if (fix.applied === 0) return `${t('No fixes applied')}${notFixed}`;
  return `${t('Applied {0} in {1}', t.plural(fix.applied, '{0} fix', '{0} fixes'), t.plural(fix.files, '{0} file', '{0} files'))}${notFixed}`;
}

/** Keeps one finding on one output line. */
function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
