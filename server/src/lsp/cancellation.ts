// Long requests (references and rename over the corpus, workspace diagnostics, workspace-wide
// spelling fixes) check the client's cancellation token between files and give up with the
// RequestCancelled error the protocol expects, instead of finishing work nobody will read.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Throws the RequestCancelled error if the client cancelled the request. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelledError();
}
