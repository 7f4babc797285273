// The suite's side of the code-server shim's UI bridge (NASSAQ_E2E_UI): screenshots of the
// workbench and the text of its elements. Only the code-server route has it; on a desktop VS Code
// the UI smoke test is skipped.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const uiBridge = process.env.NASSAQ_E2E_UI;
export const screenshotsDir = process.env.NASSAQ_E2E_SCREENSHOTS ?? path.resolve(__dirname, '../../../test/e2e/screenshots');

async function call<T>(route: string, body: unknown): Promise<T> {
  if (!uiBridge) throw new Error('no UI bridge (NASSAQ_E2E_UI is not set)');
  const response = await fetch(`${uiBridge}${route}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`UI bridge ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The innerText of every workbench element matching the CSS selector. */
export const texts = (selector: string): Promise<string[]> => call<string[]>('/texts', { selector });

/** Saves a screenshot of the workbench as <screenshots>/<name>.png and returns its path. */
export async function screenshot(name: string): Promise<string> {
  return (await call<{ path: string }>('/screenshot', { path: path.join(screenshotsDir, `${name}.png`) })).path;
}

/** Error notifications on screen or in the notification centre (the last test asks). */
export async function errorNotifications(): Promise<string[]> {
  await vscode.commands.executeCommand('notifications.showList');
  try {
    return await texts('.notification-list-item:has(.codicon-error)');
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}
