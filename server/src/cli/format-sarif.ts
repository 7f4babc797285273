// SARIF 2.1.0 output, for code-scanning services. Columns are UTF-16 code units of the decoded
// text (`columnKind: utf16CodeUnits`), lines and columns 1-based. Skipped files become tool
// execution notifications. Results are streamed like the JSON format.
import { displayMessage } from '../core/engine';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { preferredFix } from '../core/engine';
import { english, type Translate } from '../core/l10n';
import { RULES } from '../core/rules';
import type { Finding, Severity } from '../core/rules/rule';
import type { FileNote, FileReport, Reporter } from './check';
import type { Terminal } from './progress';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/nassaq/nassaq';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function helpUri(ruleId: string): string {
  return `${INFORMATION_URI}#${ruleId}`;
}

/** The package version, read from the package.json next to the bundle or the sources. */
export function nassaqVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'nassaq' && pkg.version) return pkg.version;
    } catch {
      // not here; look one folder up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export function sarifDriver(t: Translate): object {
  return {
    name: 'nassaq',
    version: nassaqVersion(),
    informationUri: INFORMATION_URI,
    rules: RULES.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.describe(t) },
      helpUri: helpUri(rule.id),
      defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
      properties: { fixable: rule.fixable },
    })),
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function relativeUri(posixPath: string): string {
  return posixPath.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

export function sarifReporter(terminal: Terminal, cwd: string, t: Translate = english): Reporter {
  let started = false;
  let first = true;
  const notifications: object[] = [];
  const begin = async (): Promise<void> => {
    if (started) return;
    started = true;
    const head = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{ tool: { driver: sarifDriver(t) }, originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } }, columnKind: 'utf16CodeUnits' }],
    };
    // Leave the run object open to stream its results into it.
    const text = JSON.stringify(head, null, 2);
    await terminal.out(`${text.slice(0, text.lastIndexOf('}', text.lastIndexOf(']'))).trimEnd()},\n      "results": [`);
  };
  const notify = async (note: FileNote, prefix: string): Promise<void> => {
    notifications.push({
      level: 'warning',
      message: { text: `${note.path}: ${prefix}${note.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(note.path), uriBaseId: SRCROOT } } }],
    });
  };
  return {
    async file(report: FileReport) {
      await begin();
      let chunk = '';
      for (const finding of report.findings) {
        chunk += `${first ? '\n' : ',\n'}        ${JSON.stringify(sarifResult(report, finding, t))}`;
        first = false;
      }
      if (chunk) await terminal.out(chunk);
    },
    skipped: (note) => notify(note, t('skipped: ')),
    notFixed: (note) => notify(note, ''),
    async end() {
      await begin();
      const invocations = JSON.stringify([{ executionSuccessful: true, toolExecutionNotifications: notifications }]);
      await terminal.out(`${first ? '' : '\n      '}],\n      "invocations": ${invocations}\n    }\n  ]\n}\n`);
    },
  };
}

/** `message.text` is in the run's language (`--locale`); rule ids, levels and locations are not translated. */
export function sarifResult(report: FileReport, finding: Finding, t: Translate = english): object {
  const { start, end } = report.lines.rangeAt(finding.offset, finding.length);
  const uri = relativeUri(report.path);
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex: RULES.findIndex((rule) => rule.id === finding.ruleId),
    level: sarifLevel(finding.severity),
    message: { text: displayMessage(finding, t) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: SRCROOT },
          region: {
            startLine: start.line + 1,
            startColumn: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
            charOffset: finding.offset,
            charLength: finding.length,
            snippet: { text: report.text.slice(finding.offset, finding.offset + finding.length) },
          },
        },
      },
    ],
  };
  const fix = preferredFix(finding);
  if (fix) {
    result.fixes = [
      {
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation: { uri, uriBaseId: SRCROOT },
            replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.offset, charLength: e.length }, insertedContent: { text: e.newText } })),
          },
        ],
      },
    ];
  }
  return result;
}
