// The one place where document URIs become file paths and back.
import { URI } from 'vscode-uri';

export function uriToPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function pathToUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}
