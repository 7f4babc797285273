// The module @vscode/test-electron's extensionTestsPath points at: VS Code (desktop, or code-server
// through test/e2e/code-server-shim.js) loads it in the extension host and awaits run().
import * as path from 'node:path';
import Mocha from 'mocha';

/** In this order: read-only checks first, the UI smoke test, then the tests that edit the corpus. */
const FILES = ['lint.test.js', 'actors.test.js', 'ui.test.js', 'edits.test.js'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.NASSAQ_E2E_GREP });
  for (const file of FILES) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
