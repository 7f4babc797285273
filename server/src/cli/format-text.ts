// Human-readable output: `file:line:col  severity  rule  message`, one line per finding, and a
// summary. Skipped and unfixed files are named on stderr.
import { displayMessage } from '../core/engine';
import type { Finding } from '../core/rules/rule';
import type { LineIndex } from '../core/text/lines';
import type { FileNote, FileReport, Reporter, Summary } from './check';
import type { Terminal } from './progress';

export function textReporter(terminal: Terminal, fixing: boolean): Reporter {
  return {
    async file(report: FileReport) {
      if (report.findings.length === 0) return;
      let chunk = '';
      for (const finding of report.findings) chunk += `${findingLine(report.nativePath, report.lines, finding)}\n`;
      await terminal.out(chunk);
    },
    async skipped(note: FileNote) {
      terminal.err(`${note.nativePath}: skipped: ${note.reason}`);
    },
    async notFixed(note: FileNote) {
      terminal.err(`${note.nativePath}: ${note.reason}`);
    },
    async end(summary: Summary) {
      await terminal.out(summaryLines(summary, fixing).map((line) => `${line}\n`).join(''));
    },
  };
}

export function findingLine(file: string, lines: LineIndex, finding: Finding): string {
  const { line, character } = lines.positionAt(finding.offset);
  return `${file}:${line + 1}:${character + 1}  ${finding.severity}  ${finding.ruleId}  ${oneLine(displayMessage(finding))}`;
}

export function summaryLines(summary: Summary, fixing: boolean): string[] {
  const lines: string[] = [];
  if (summary.fix) lines.push(fixLine(summary.fix));
  lines.push(problemsLine(summary));
  if (!fixing && summary.fixable > 0) {
    lines.push(`  ${plural(summary.fixable, 'problem')} can be fixed automatically with --fix`);
  }
  return lines;
}

function problemsLine(summary: Summary): string {
  const { counts } = summary;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const skipped = summary.skipped > 0 ? ` (${summary.skipped} skipped)` : '';
  if (total === 0) return `✔ No problems in ${plural(summary.files, 'file')}${skipped}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${summary.filesWithProblems} of ${plural(summary.files, 'file')}${skipped}`;
}

function fixLine(fix: NonNullable<Summary['fix']>): string {
  const notFixed = fix.notFixed > 0 ? `; ${plural(fix.notFixed, 'file')} not fixed (see above)` : '';
  if (fix.applied === 0) return `No fixes applied${notFixed}`;
  return `Applied ${plural(fix.applied, 'fix', 'fixes')} in ${plural(fix.files, 'file')}${notFixed}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Keeps one finding on one output line. */
function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
