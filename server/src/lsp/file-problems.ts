// Problems of an open article as a whole, which stop it from being linted: its file on disk is
// not UTF-8 (the editor's buffer is then a mis-decoded copy, never linted), is binary, or the
// buffer is larger than `max-file-size`. Each is one diagnostic at the start of the file, with
// the code `encoding`, `binary` or `max-file-size`; `encoding` comes with a "Convert to UTF-8"
// code action running the `nassaq.convertToUtf8` command, which converts the file on disk
// atomically (the editor then reloads it).
import { promises as fs } from 'node:fs';
import { CodeActionKind, MessageType, ShowMessageNotification, type CodeAction, type CodeActionParams, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE } from '../core/config/size';
import type { Finding } from '../core/rules/rule';
import { readArticle } from '../node/article-file';
import { convertToUtf8 } from '../node/convert';
import { decodeAs, detectEncoding, ENCODING_NAMES } from '../node/encoding';
import { SOURCE } from './diagnostics';
import { t } from './l10n';
import { pathToUri, uriToPath } from './uri';

export const CONVERT_TO_UTF8_COMMAND = 'nassaq.convertToUtf8';
export const FILE_PROBLEM_CODES = ['encoding', 'binary', 'max-file-size'] as const;

export interface ConvertArgs {
  uri: string;
}

export type ConvertResult = { converted: true; from: string } | { error: string };

interface DiskState {
  mtimeMs: number;
  size: number;
  problem?: Finding;
}

export class FileProblems {
  private readonly disk = new Map<string, DiskState>();
  /** The last problem found per open file, for code actions (which must not fix mis-decoded text). */
  private readonly last = new Map<string, Finding>();

  /** The problem that stops `document` from being linted, or undefined. One stat per call when nothing changed. */
  async check(document: TextDocument, file: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Finding | undefined> {
    const problem = (await this.diskProblem(file)) ?? bufferTooLarge(document, maxFileSize);
    if (problem) this.last.set(file, problem);
    else this.last.delete(file);
    return problem;
  }

  /** The problem last found for an open file. */
  known(file: string): Finding | undefined {
    return this.last.get(file);
  }

  forget(file: string): void {
    this.last.delete(file);
    this.disk.delete(file);
  }

  private async diskProblem(file: string): Promise<Finding | undefined> {
    const info = await fs.stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined; // not saved yet, or gone: the buffer is all there is
    const known = this.disk.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.problem;
    // Read whatever the size: a file in another encoding must never be linted. Size is judged on the buffer.
    const read = await readArticle(file, { maxBytes: Number.MAX_SAFE_INTEGER, t });
    const problem = !read.ok && (read.kind === 'encoding' || read.kind === 'binary') ? fileFinding(read.kind, read.reason, read.encoding !== undefined) : undefined;
    this.disk.set(file, { mtimeMs: info.mtimeMs, size: info.size, problem });
    return problem;
  }
}

function bufferTooLarge(document: TextDocument, maxFileSize: number): Finding | undefined {
  const text = document.getText();
  // A UTF-16 code unit is 1 to 3 bytes in UTF-8: count bytes only near the limit.
  if (text.length * 3 <= maxFileSize) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxFileSize) return undefined;
  return fileFinding('max-file-size', t('too large to lint ({0} bytes; the limit is {1}, see max-file-size in nassaq.yaml)', bytes, maxFileSize), false);
}

/** Findings whose file Nassaq can convert to UTF-8. */
const convertibleFindings = new WeakSet<Finding>();

export function isConvertible(problem: Finding | undefined): boolean {
  return problem !== undefined && convertibleFindings.has(problem);
}

function fileFinding(code: string, message: string, convertible: boolean): Finding {
  const finding: Finding = {
    ruleId: code,
    severity: convertible ? 'error' : 'warning',
    offset: 0,
    length: 0,
    message: convertible ? t("{0}: not linted. Convert it to UTF-8 (quick fix, or 'nassaq convert')", message) : t('{0}: not linted', message),
    fixes: [],
  };
  if (convertible) convertibleFindings.add(finding);
  return finding;
}

/** "Convert to UTF-8" for the `encoding` diagnostics among those of the request. */
export function convertActions(params: CodeActionParams, problem: Finding | undefined): CodeAction[] {
  if (!isConvertible(problem)) return [];
  const diagnostics = params.context.diagnostics.filter((d) => d.source === SOURCE && d.code === 'encoding');
  if (diagnostics.length === 0) return [];
  if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const args: ConvertArgs = { uri: params.textDocument.uri };
  const title = t('Convert to UTF-8');
  return [{ title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, command: { title, command: CONVERT_TO_UTF8_COMMAND, arguments: [args] } }];
}

/**
 * Runs `nassaq.convertToUtf8`: converts the file on disk, refusing when its editor buffer has
 * changes that are not saved (they would be lost on reload). Without arguments, converts the one
 * open article that is not UTF-8, if there is exactly one. Messages are also shown to the user.
 */
export async function runConvertCommand(connection: Connection, documents: TextDocuments<TextDocument>, problems: FileProblems, args: ConvertArgs | undefined): Promise<ConvertResult> {
  let uri = args?.uri;
  if (uri === undefined) {
    const candidates = documents.all().filter((d) => {
      const file = uriToPath(d.uri);
      return file !== undefined && isConvertible(problems.known(file));
    });
    if (candidates.length !== 1) return refuse(connection, candidates.length === 0 ? t('No open article needs converting to UTF-8.') : t('Several open articles are not UTF-8: use the quick fix on the one to convert.'));
    uri = candidates[0].uri;
  }
  const file = uriToPath(uri);
  if (!file) return refuse(connection, t('Cannot convert {0}: not a file on disk.', uri));
  const document = documents.get(uri) ?? documents.get(pathToUri(file));
  if (document && (await hasUnsavedChanges(document, file))) {
    return refuse(connection, t('{0} has unsaved changes: save or revert it, then convert it to UTF-8.', shortName(file)));
  }
  const outcome = await convertToUtf8(file, { t });
  if (outcome.kind === 'converted') {
    problems.forget(file);
    return { converted: true, from: ENCODING_NAMES[outcome.from] };
  }
  if (outcome.kind === 'unchanged') return refuse(connection, t('{0} is already UTF-8.', shortName(file)));
  return refuse(connection, `${shortName(file)}: ${outcome.reason}`);
}

/** Whether the buffer differs from the file as the editor would have read it (as UTF-8, or in its encoding). */
async function hasUnsavedChanges(document: TextDocument, file: string): Promise<boolean> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (!bytes) return true;
  const text = document.getText();
  const asUtf8 = new TextDecoder('utf-8').decode(bytes); // U+FFFD for what does not decode; strips a BOM
  if (text === asUtf8) return false;
  const { encoding } = detectEncoding(bytes);
  return !(encoding && text === decodeAs(bytes, encoding));
}

function refuse(connection: Connection, message: string): ConvertResult {
  // A notification: the user is told without the server waiting for an answer.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  return { error: message };
}

function shortName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
