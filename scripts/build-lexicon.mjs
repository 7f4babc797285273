// Compiles @cspell/dict-ar (ar.trie.gz, ~89 million entries, 1.5 s and ~250 MB to load with
// cspell-trie-lib) into dist/lexicon/ar.dawg, a flat DAWG that DawgDictionary reads in place.
// Runs from build.mjs; skipped when the output is newer than its inputs. `node scripts/build-lexicon.mjs --force`.
//
// What is kept (arabicPlainForms in server/src/core/lexicon/dawg-encode.ts): the plain forms only.
// - cspell's `~` branch (~28 M forms with case/accents stripped: for Arabic, hamza dropped, أ → ا)
//   is dropped, so `الامم` stays unknown; so are `:` entries (suggestion data), `!` and `+` (none here).
// - harakat, tatweel and joiners inside entries are removed (`كتاباً` → `كتابا`), as surfaceKey does;
// - entries with any other non-letter (Persian keheh, digits, bidi marks, `.`) are dropped.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'node_modules/@cspell/dict-ar/ar.trie.gz');
const ENCODER = join(ROOT, 'server/src/core/lexicon/dawg-encode.ts');
/** Files whose change makes the output stale. */
const INPUTS = [SOURCE, ENCODER, join(ROOT, 'server/src/core/lexicon/dawg.ts'), join(ROOT, 'server/src/core/text/chars.ts'), fileURLToPath(import.meta.url)];
export const LEXICON_FILE = join(ROOT, 'dist/lexicon/ar.dawg');

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/** Builds dist/lexicon/ar.dawg and its .json sidecar unless they are up to date. Returns true when it compiled. */
export async function buildLexicon({ force = false, log = console.log } = {}) {
  const outputTime = Math.min(mtime(LEXICON_FILE), mtime(`${LEXICON_FILE}.json`));
  if (!force && outputTime > 0 && INPUTS.every((file) => mtime(file) <= outputTime)) return false;
  if (mtime(SOURCE) < 0) {
    log(`build-lexicon: ${SOURCE} is missing; no Arabic dictionary built`);
    return false;
  }

  const started = performance.now();
  const { importTrie } = await import('cspell-trie-lib');
  const { compileTrie, arabicPlainForms } = await loadEncoder();
  const raw = readFileSync(SOURCE);
  const root = importTrie(gunzipSync(raw).toString('utf8'));
  if (root.compoundCharacter !== '+' || root.stripCaseAndAccentsPrefix !== '~' || root.forbiddenWordPrefix !== '!') {
    throw new Error('build-lexicon: unexpected cspell trie prefixes; check what the filter drops');
  }
  const loaded = performance.now();
  const { bytes, stats } = compileTrie(root, arabicPlainForms);

  const dictPackage = JSON.parse(readFileSync(join(ROOT, 'node_modules/@cspell/dict-ar/package.json'), 'utf8'));
  const info = {
    format: 'nassaq-dawg',
    version: new DataView(bytes.buffer).getUint32(4, true),
    source: `${dictPackage.name}@${dictPackage.version}`,
    license: dictPackage.license,
    sourceBytes: raw.length,
    words: stats.words,
    edges: stats.edges,
    alphabet: stats.alphabet,
    bytes: stats.bytes,
    kept: 'plain forms: harakat/tatweel/joiners removed; cspell ~ : ! + entries and entries with non-Arabic letters dropped',
    compileMs: { load: Math.round(loaded - started), compile: Math.round(performance.now() - loaded) },
  };
  mkdirSync(dirname(LEXICON_FILE), { recursive: true });
  // Write-then-rename (per process): a reader or a concurrent build never sees half a file.
  for (const [file, data] of [[LEXICON_FILE, bytes], [`${LEXICON_FILE}.json`, `${JSON.stringify(info, null, 2)}\n`]]) {
    writeFileSync(`${file}.${process.pid}.tmp`, data);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  log(`build-lexicon: ${stats.words.toLocaleString('en')} words, ${stats.edges.toLocaleString('en')} edges, ${(stats.bytes / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - started)} ms`);
  return true;
}

/** The TypeScript encoder, bundled in memory and imported as a data: URL (no temp file). */
async function loadEncoder() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [ENCODER], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  const code = Buffer.from(result.outputFiles[0].contents).toString('base64');
  return import(`data:text/javascript;base64,${code}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildLexicon({ force: process.argv.includes('--force') });
}
