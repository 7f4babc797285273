// Messages to the user. `window/showMessage` is a notification: it needs no answer, so a client
// that does not implement `window/showMessageRequest` (connection.window.showWarningMessage
// sends that request even without actions) cannot turn a warning into an unhandled rejection.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

export function showWarning(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
