// Restricted mode, for workspaces the user has not trusted (VS Code's Workspace Trust). The
// client says so in `initializationOptions: { trusted: false }`; the server then reports
// diagnostics and answers read-only requests (hover, definition, references, symbols…) but
// offers and applies nothing that writes a file: no code actions (quick fixes, fix all, accept
// word, "Add to actors.yaml", convert to UTF-8, fix all spellings), no rename, and the write
// commands of workspace/executeCommand are refused with an error. When the user grants trust
// the client restarts the server with `trusted: true`. A client that sends no `trusted` (other
// editors) gets full mode: those editors have no workspace trust to pass on.
import { ResponseError } from 'vscode-languageserver';
import { ADD_ACTOR_COMMAND } from './actor-protocol';
import { CONVERT_TO_UTF8_COMMAND } from './file-problems';
import { t } from './l10n';
import { FIX_SPELLINGS_COMMAND } from './workspace-spelling';

/** Commands that write files (through the editor or directly): refused in restricted mode. */
export const WRITE_COMMANDS: readonly string[] = [FIX_SPELLINGS_COMMAND, ADD_ACTOR_COMMAND, CONVERT_TO_UTF8_COMMAND];

/** `initializationOptions.trusted === false`: anything else (absent, true) is full mode. */
export function isRestricted(initializationOptions: unknown): boolean {
  return typeof initializationOptions === 'object' && initializationOptions !== null && (initializationOptions as { trusted?: unknown }).trusted === false;
}

/** LSP's RequestFailed: the request was valid, the server declines it. */
const REQUEST_FAILED = -32803;

/** The error a write request gets in restricted mode; `what` names the refused operation. */
export function restrictedError(what: string): ResponseError<void> {
  return new ResponseError(REQUEST_FAILED, t('{0} is not available: this workspace is not trusted, so Nassaq only reports problems and changes no file. Trust the workspace to enable it.', what));
}
