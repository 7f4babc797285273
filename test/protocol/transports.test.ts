// The server starts on both transports: stdio (any LSP editor) and Node IPC (the VS Code client).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LspTestClient } from '../support/lsp-client';

const TATWEEL = '\u0640';

for (const transport of ['stdio', 'ipc'] as const) {
  describe(`transport ${transport}`, () => {
    it('initializes and publishes diagnostics for an open article', async () => {
      const root = mkdtempSync(path.join(tmpdir(), `nassaq-${transport}-`));
      const client = new LspTestClient(transport);
      try {
        const result = await client.initialize(root);
        assert.equal(result.serverInfo?.name, 'nassaq');
        const uri = client.open(path.join(root, 'a.txt'), `ال${TATWEEL}رئيس`);
        const diagnostics = await client.diagnostics(uri);
        assert.deepEqual(diagnostics.map((d) => d.code), ['tatweel']);
      } finally {
        await client.stop();
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
}
