// Machine-readable output: exactly one JSON document on stdout, streamed one diagnostic per line
// so that a large corpus does not have to be held in memory. Offsets and characters count UTF-16
// code units of the decoded text (without BOM); lines and characters are 0-based, as in LSP.
import type { Finding, Fix } from '../core/rules/rule';
import type { LineIndex } from '../core/text/lines';
import type { FileNote, FileReport, Reporter, Summary } from './check';
import type { Terminal } from './progress';

export const JSON_FORMAT_VERSION = 1;

export interface JsonDiagnostic {
  file: string;
  rule: string;
  severity: string;
  message: string;
  offset: number;
  length: number;
  range: ReturnType<LineIndex['rangeAt']>;
  text: string;
  /** Offered fixes, the preferred one first; [] when there is none. */
  fixes: Fix[];
  /** Present when the fixes need a human look: `--fix` does not apply them. */
  unsafeFixReason?: string;
  related?: Array<{ offset: number; length: number; message: string; range: ReturnType<LineIndex['rangeAt']> }>;
}

export function jsonReporter(terminal: Terminal, fixing: boolean): Reporter {
  let started = false;
  let first = true;
  const skipped: Array<{ file: string; reason: string }> = [];
  const notFixed: Array<{ file: string; reason: string }> = [];
  const begin = async (): Promise<void> => {
    if (started) return;
    started = true;
    await terminal.out(`{"version":${JSON_FORMAT_VERSION},"diagnostics":[`);
  };
  return {
    async file(report: FileReport) {
      await begin();
      if (report.findings.length === 0) return;
      let chunk = '';
      for (const finding of report.findings) {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(jsonDiagnostic(report, finding))}`;
        first = false;
      }
      await terminal.out(chunk);
    },
    async skipped(note: FileNote) {
      skipped.push({ file: note.path, reason: note.reason });
    },
    async notFixed(note: FileNote) {
      notFixed.push({ file: note.path, reason: note.reason });
    },
    async end(summary: Summary) {
      await begin();
      const fix = fixing && summary.fix ? `,"fix":${JSON.stringify({ applied: summary.fix.applied, files: summary.fix.files, notFixed })}` : '';
      await terminal.out(`${first ? '' : '\n'}],"skipped":${JSON.stringify(skipped)},"files":${summary.files}${fix}}\n`);
    },
  };
}

export function jsonDiagnostic(report: FileReport, finding: Finding): JsonDiagnostic {
  const diagnostic: JsonDiagnostic = {
    file: report.path,
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    offset: finding.offset,
    length: finding.length,
    range: report.lines.rangeAt(finding.offset, finding.length),
    text: report.text.slice(finding.offset, finding.offset + finding.length),
    fixes: finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ offset: e.offset, length: e.length, newText: e.newText })) })),
  };
  if (finding.unsafeFixReason !== undefined) diagnostic.unsafeFixReason = finding.unsafeFixReason;
  if (finding.related?.length) {
    diagnostic.related = finding.related.map((r) => ({ ...r, range: report.lines.rangeAt(r.offset, r.length) }));
  }
  return diagnostic;
}
