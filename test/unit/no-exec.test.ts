// Nothing executes from the corpus or the configuration, and Nassaq opens no network connection:
// the sources of the server, the CLI and the client import no process, network or code-loading
// module and call no eval, Function constructor or fetch. There is no allow list: a use of any
// of these is a design change to discuss, not an exception to add. Two such changes were made:
// `nassaq check --jobs` runs on worker threads (cli/parallel.ts), and the language server indexes
// a large corpus on worker threads (node/index-threads.ts); each worker runs the bundle that
// started it, never code given as a string or a path from elsewhere. bench/ and test/ are out of scope.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const SCOPES = ['server/src', 'client/src'];
/** The modules that may use worker_threads (see above). */
const WORKER_MODULES = [path.join('server', 'src', 'cli', 'parallel.ts'), path.join('server', 'src', 'node', 'index-threads.ts')];
const FORBIDDEN_MODULE = /^(node:)?(child_process|cluster|worker_threads|vm|http|https|http2|net|dgram|tls|dns|inspector)(\/.*)?$/;
const MODULE_REFERENCE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const FORBIDDEN_CALLS: ReadonlyArray<[RegExp, string]> = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/\bFunction\s*\(\s*['"`]/, 'Function("…")'],
  [/\bfetch\s*\(/, 'fetch('],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bchild_process\b/, 'child_process'],
  [/\bprocess\.binding\s*\(/, 'process.binding('],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The text without comments, so a comment may name what the code must not do. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('no execution, no network', () => {
  const files = SCOPES.flatMap((scope) => sourceFiles(path.join(ROOT, scope)));

  it('finds the sources of the server, the CLI and the client', () => {
    assert.ok(files.some((f) => f.includes(`${path.sep}client${path.sep}`)) && files.length >= 50, `only ${files.length} files`);
  });

  it('sees a forbidden import and call when there is one (the checks are live)', () => {
    const sample = "import { exec } from 'node:child_process';\nconst x = eval('1');\nimport * as h from 'https';\nawait fetch(url);\n";
    assert.deepEqual(forbiddenIn(sample), ["module 'node:child_process'", "module 'https'", 'eval(', 'fetch(', 'child_process']);
  });

  for (const file of files) {
    it(`${path.relative(ROOT, file)} imports no process, network or code-loading module and calls no eval`, () => {
      const allowed = WORKER_MODULES.includes(path.relative(ROOT, file)) ? ["module 'node:worker_threads'"] : [];
      assert.deepEqual(forbiddenIn(readFileSync(file, 'utf8')).filter((what) => !allowed.includes(what)), []);
    });
  }

  for (const module of WORKER_MODULES) {
    it(`${module} starts workers on its own bundle only, never on code in a string`, () => {
      const body = code(readFileSync(path.join(ROOT, module), 'utf8'));
      const starts = [...body.matchAll(/new\s+Worker\(([^,)]*)/g)].map((m) => m[1].trim());
      assert.deepEqual(starts, ['__filename']);
      assert.doesNotMatch(body, /\beval\s*:/);
    });
  }
});

function forbiddenIn(text: string): string[] {
  const body = code(text);
  const modules = [...body.matchAll(MODULE_REFERENCE)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]).filter((name) => FORBIDDEN_MODULE.test(name));
  return [...modules.map((name) => `module '${name}'`), ...FORBIDDEN_CALLS.filter(([pattern]) => pattern.test(body)).map(([, what]) => what)];
}
