// Fuzzes the real server (`dist/server.js --stdio`) with a seeded random sequence of document
// notifications (open, incremental and full changes, save, close), files created, changed and
// deleted on disk with watcher events, and requests at random positions (past the end of lines
// and of the text, inside surrogate pairs) on a temporary workspace with an actors.yaml.
// Bounded by time: NASSAQ_FUZZ_MS (5 s by default); NASSAQ_FUZZ_SEED replays a run.
//
// Asserts: the process never exits; every request is answered (a result, or a ResponseError that
// is a refusal, never an internal error) within a per-request timeout; and once the server has
// settled, the diagnostics it published for each open document are those `lintText` gives for
// the final text. The comparison is exact, corpus rules included: the expected corpus is built
// from the final workspace the server sees (open buffers over files on disk) with the same
// default configuration, dictionary and registry, so a stale corpus entry would show up here.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ErrorCodes, ResponseError, type Diagnostic, type Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ActorIndex } from '../../server/src/core/actors/actor-index';
import { parseRegistry } from '../../server/src/core/actors/registry';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { buildCorpus, viewOf } from '../../server/src/core/corpus/lint-corpus';
import { displayMessage, lintText } from '../../server/src/core/engine';
import { english } from '../../server/src/core/l10n';
import { loadArabicDictionary } from '../../server/src/node/lexicon';
import { mulberry32 } from '../eval/generate';
import { articleText, BOM } from '../support/arabic-arbitraries';
import { LspTestClient, uri } from '../support/lsp-client';

const FUZZ_MS = Number(process.env.NASSAQ_FUZZ_MS ?? 5000);
const SEED = Number(process.env.NASSAQ_FUZZ_SEED ?? Date.now() % 2 ** 31);
const REQUEST_TIMEOUT_MS = 15_000;
const SETTLE_MS = 15_000;

const REGISTRY = `actors:
  - id: abdullah
    name: محمد عبد الله
    type: person
    aliases: [عبد الله]
    variants: [محمد عبدالله]
  - id: cairo
    name: القاهرة
    type: place
  - id: usa
    name: الولايات المتحدة
    type: place
    variants: [الولاياتالمتحدة]
`;
const ACTOR_PHRASES = ['محمد عبد الله', 'محمد عبدالله', 'ومحمد عبد الله', 'القاهرة', 'بالقاهرة', 'الولايات المتحدة', 'الولاياتالمتحدة', 'الدكتور سالم', 'الدكتور سالم', 'السيد سالم'];


// ---- positions, computed independently of the server's TextDocument ----

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) starts.push(++i + 1);
    else if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

function positionOf(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Offsets an editor could put a cursor at: not inside a surrogate pair, not between \r and \n. */
function isCursorOffset(text: string, offset: number): boolean {
  if (offset === 0 || offset === text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return false;
  return !(before === 0x0d && at === 0x0a);
}

describe('fuzzing the language server', () => {
  let root: string;
  let client: LspTestClient;
  const dictionary = loadArabicDictionary();

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nassaq-fuzz-'));
    writeFileSync(path.join(root, 'actors.yaml'), REGISTRY);
    client = new LspTestClient();
    await client.initialize(root);
  });

  after(async () => {
    if (client.exited === undefined) await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it(`survives random edits, file events and requests, and ends with the diagnostics lintText gives (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const int = (n: number) => Math.floor(random() * n);
    const chance = (p: number) => random() < p;
    const choose = <T>(items: readonly T[]): T => items[int(items.length)];
    const generatedText = (): string => {
      const [text] = fc.sample(articleText, { seed: int(2 ** 31), numRuns: 1 });
      if (!chance(0.7)) return text;
      // Mentions of registry actors and marked names, so actor requests find something.
      const words = text.split(' ');
      for (let k = int(4); k >= 0; k--) words.splice(int(words.length + 1), 0, choose(ACTOR_PHRASES));
      return words.join(' ');
    };

    const names = Array.from({ length: 8 }, (_, i) => path.join(root, `article-${i}.txt`));
    const disk = new Map<string, string>();
    const writeDisk = (file: string, text: string) => {
      writeFileSync(file, text);
      disk.set(file, text);
    };
    for (const file of names.slice(0, 4)) writeDisk(file, generatedText());
    await client.indexed(1);

    const open = new Map<string, { version: number; text: string }>();
    const pending: Array<Promise<void>> = [];
    const failures: string[] = [];
    let requests = 0;
    let refusals = 0;
    const counts: Record<string, number> = {};
    const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);

    const request = (method: string, params: unknown) => {
      requests++;
      count(method);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), REQUEST_TIMEOUT_MS)));
      pending.push(
        Promise.race([client.connection.sendRequest(method, params), timeout])
          .then(
            () => undefined,
            (error: unknown) => {
              if (error instanceof ResponseError && error.code !== ErrorCodes.InternalError && error.code !== ErrorCodes.UnknownErrorCode) {
                refusals++;
                return;
              }
              failures.push(`${method} ${JSON.stringify(params)}: ${error instanceof ResponseError ? `${error.code} ${error.message}` : String(error)}`);
            },
          )
          .finally(() => clearTimeout(timer)),
      );
    };

    /** A random position: usually in the text, sometimes past a line's end or the text's, or inside a surrogate pair. */
    const randomPosition = (text: string): Position => {
      const roll = random();
      if (roll < 0.15) {
        const pairs = [...text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)];
        if (pairs.length) return positionOf(text, choose(pairs).index! + 1);
      }
      if (roll < 0.35) {
        const phrase = choose(ACTOR_PHRASES);
        const at = text.indexOf(phrase);
        if (at >= 0) return positionOf(text, at + int(phrase.length + 1));
      }
      if (roll < 0.5) {
        const lines = lineStarts(text).length;
        return { line: int(lines + 3), character: int(200) };
      }
      return positionOf(text, int(text.length + 1));
    };
    const cursorOffset = (text: string): number => {
      for (;;) {
        const offset = int(text.length + 1);
        if (isCursorOffset(text, offset)) return offset;
      }
    };

    const actions: Array<[number, () => void]> = [
      [3, () => {
        const file = choose(names);
        const documentUri = uri(file);
        if (open.has(documentUri)) return;
        const text = disk.get(file) ?? generatedText();
        const version = int(3) + 1;
        open.set(documentUri, { version, text });
        client.open(file, text, version);
        count('didOpen');
      }],
      [8, () => {
        const [documentUri, doc] = choose([...open.entries()]) ?? [];
        if (!documentUri || !doc) return;
        doc.version++;
        if (chance(0.2)) {
          doc.text = generatedText();
          client.change(documentUri, doc.version, doc.text);
          count('didChange (full)');
          return;
        }
        // One or more incremental changes, each on the text as the previous one left it.
        const changes = [];
        for (let k = int(3); k >= 0; k--) {
          const a = cursorOffset(doc.text);
          const b = chance(0.5) ? a : cursorOffset(doc.text);
          const [start, end] = a <= b ? [a, b] : [b, a];
          const inserted = chance(0.3) ? '' : chance(0.5) ? choose([' ', '\n', '\r\n', '\r', '،', '«', '»', '\u0640', '\u064E', '😀', ...ACTOR_PHRASES]) : generatedText().slice(0, 40);
          changes.push({ range: { start: positionOf(doc.text, start), end: positionOf(doc.text, end) }, text: inserted });
          doc.text = doc.text.slice(0, start) + inserted + doc.text.slice(end);
        }
        void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: documentUri, version: doc.version }, contentChanges: changes });
        count('didChange (incremental)');
      }],
      [1, () => {
        const [documentUri, doc] = choose([...open.entries()]) ?? [];
        if (!documentUri || !doc) return;
        const file = names.find((f) => uri(f) === documentUri)!;
        writeDisk(file, doc.text);
        void client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: documentUri } });
        void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: documentUri, type: 2 }] });
        count('didSave');
      }],
      [2, () => {
        const [documentUri] = choose([...open.entries()]) ?? [];
        if (!documentUri) return;
        open.delete(documentUri);
        void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: documentUri } });
        count('didClose');
      }],
      [2, () => {
        const file = choose(names);
        const existed = disk.has(file);
        if (existed && chance(0.4)) {
          unlinkSync(file);
          disk.delete(file);
          void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 3 }] });
          count('file deleted');
        } else {
          writeDisk(file, (chance(0.2) ? BOM : '') + generatedText());
          void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: existed ? 2 : 1 }] });
          count(existed ? 'file changed' : 'file created');
        }
      }],
      [10, () => {
        // Requests also go to documents that are closed or were never opened.
        const file = choose(names);
        const documentUri = uri(file);
        const text = open.get(documentUri)?.text ?? disk.get(file) ?? '';
        const textDocument = { uri: documentUri };
        const position = randomPosition(text);
        const method = choose(['hover', 'definition', 'references', 'rename', 'prepareRename', 'codeAction', 'documentSymbol', 'semanticTokens', 'completion', 'documentHighlight']);
        if (method === 'references') request('textDocument/references', { textDocument, position, context: { includeDeclaration: chance(0.5) } });
        else if (method === 'rename') request('textDocument/rename', { textDocument, position, newName: choose(['محمد عبدالله', 'القاهرة الكبرى', 'x', ' ', 'سطر\nجديد']) });
        else if (method === 'codeAction') {
          const end = randomPosition(text);
          request('textDocument/codeAction', { textDocument, range: { start: position, end }, context: { diagnostics: [], ...(chance(0.3) ? { only: ['source.fixAll.nassaq'] } : {}) } });
        } else if (method === 'documentSymbol') request('textDocument/documentSymbol', { textDocument });
        else if (method === 'semanticTokens') request('textDocument/semanticTokens/full', { textDocument });
        else request(`textDocument/${method}`, { textDocument, position });
      }],
    ];
    const totalWeight = actions.reduce((sum, [w]) => sum + w, 0);

    const deadline = Date.now() + FUZZ_MS;
    let steps = 0;
    while (Date.now() < deadline) {
      let roll = random() * totalWeight;
      const [, act] = actions.find(([w]) => (roll -= w) < 0) ?? actions[0];
      act();
      steps++;
      assert.equal(client.exited, undefined, `the server exited (${client.exited}) at step ${steps}, seed ${SEED}`);
      if (steps % 8 === 0) await new Promise((resolve) => setTimeout(resolve, int(20)));
      if (pending.length > 200) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending.splice(0));
    assert.equal(client.exited, undefined, `the server exited (${client.exited}), seed ${SEED}`);
    assert.deepEqual(failures, [], `requests failed (seed ${SEED})`);

    // Settle: the final version of every open document diagnosed, then the corpus quiet.
    for (const [documentUri, doc] of open) await client.diagnostics(documentUri, (p) => p.version === doc.version);
    const expected = () => expectedDiagnostics(root, open, dictionary);
    const deadlineSettled = Date.now() + SETTLE_MS;
    let mismatch: string | undefined;
    let compared = 0;
    for (;;) {
      const want = expected();
      compared = [...want.values()].reduce((sum, e) => sum + e.diagnostics.length, 0);
      mismatch = compare(want, client);
      if (!mismatch || Date.now() > deadlineSettled) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(mismatch, undefined, `seed ${SEED}`);
    // Still alive and answering.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(names[0]) }, position: { line: 0, character: 0 } });
    assert.equal(client.exited, undefined);
    console.log(`fuzz seed ${SEED}: ${steps} steps, ${requests} requests (${refusals} refused), ${open.size} documents open at the end with ${compared} diagnostics as expected; ${JSON.stringify(counts)}`);
  });

  it('publishes the diagnostics of a reopened document, not of the closed one with the same version (found by the fuzzer)', async () => {
    const file = path.join(root, 'reopened.txt');
    const documentUri = uri(file);
    for (let round = 0; round < 20; round++) {
      client.open(file, `قال ال\u0640\u0640رئيس ${round}\n`, 1);
      void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: documentUri } });
      client.open(file, `قال الرئيس ${round}\n`, 1);
      // The closed document's validation may still be in flight; the reopened one's must win.
      await client.diagnostics(documentUri, (p) => p.version === 1);
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: 0, character: 0 } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(client.lastPublished(documentUri)?.diagnostics.map((d) => d.code), [], `round ${round}`);
      void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: documentUri } });
    }
  });
});

interface Expected {
  version: number;
  diagnostics: Array<Pick<Diagnostic, 'range' | 'severity' | 'code' | 'message'>>;
}

/** What a fresh analysis of the final workspace gives for each open document. */
function expectedDiagnostics(root: string, open: ReadonlyMap<string, { version: number; text: string }>, dictionary: ReturnType<typeof loadArabicDictionary>): Map<string, Expected> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(root)) {
    if (!name.endsWith('.txt')) continue;
    const file = path.join(root, name);
    const buffer = open.get(uri(file));
    texts.set(file, buffer ? buffer.text : readDisk(file));
  }
  // Open buffers of files not (or no longer) on disk are in the corpus too.
  for (const [documentUri, { text }] of open) texts.set(URI.parse(documentUri).fsPath, text);
  const registryFile = path.join(root, 'actors.yaml');
  const actors = new ActorIndex();
  actors.setRegistries([{ file: registryFile, actors: parseRegistry(REGISTRY, english).actors }]);
  const corpus = viewOf(buildCorpus([...texts].map(([id, text]) => ({ id, text }))), dictionary, DEFAULT_CONFIG, actors.registryView(registryFile));
  const result = new Map<string, Expected>();
  for (const [documentUri, { version, text }] of open) {
    const document = TextDocument.create(documentUri, 'plaintext', version, text);
    const findings = lintText(text, DEFAULT_CONFIG, { corpus });
    result.set(documentUri, {
      version,
      diagnostics: findings.map((f) => ({
        range: { start: document.positionAt(f.offset), end: document.positionAt(f.offset + f.length) },
        severity: ({ error: 1, warning: 2, info: 3, hint: 4 } as const)[f.severity],
        code: f.ruleId,
        message: displayMessage(f),
      })),
    });
  }
  return result;
}

/** The text the server reads from disk: UTF-8 without a leading BOM. */
function readDisk(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function compare(expected: Map<string, Expected>, client: LspTestClient): string | undefined {
  for (const [documentUri, want] of expected) {
    const got = client.lastPublished(documentUri);
    const actual = { version: got?.version, diagnostics: (got?.diagnostics ?? []).map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message })) };
    try {
      assert.deepEqual(actual, want);
    } catch (error) {
      return `${documentUri}: ${(error as Error).message}`;
    }
  }
  return undefined;
}
