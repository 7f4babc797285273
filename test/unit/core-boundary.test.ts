// The core is protocol-free and I/O-free: it may not import vscode*, fs, path or process,
// nor use the `process` global.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const CORE = path.resolve(__dirname, '../../server/src/core');
const FORBIDDEN_MODULE = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|(node:)?(fs|fs\/promises|path|process|child_process|os|net|http|https))$/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('core boundary', () => {
  const files = sourceFiles(CORE);

  it('finds the core sources', () => {
    assert.ok(files.length >= 10, `only ${files.length} files under ${CORE}`);
  });

  for (const file of files) {
    it(`${path.relative(CORE, file)} imports nothing protocol- or I/O-bound`, () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
      const bad = imports.filter((name) => FORBIDDEN_MODULE.test(name));
      assert.deepEqual(bad, []);
      assert.doesNotMatch(text.replace(/\/\/.*$/gm, ''), /\bprocess\.(env|argv|cwd|exit|stdout|stderr)\b/);
    });
  }

  it('detects a forbidden import (the check itself can fail)', () => {
    const sample = "import { readFileSync } from 'node:fs';\nimport type { Connection } from 'vscode-languageserver';";
    const names = [...sample.matchAll(IMPORT)].map((m) => m[1]);
    assert.deepEqual(names.filter((n) => FORBIDDEN_MODULE.test(n)), ['node:fs', 'vscode-languageserver']);
  });
});
