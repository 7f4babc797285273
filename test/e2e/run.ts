// Runs the end-to-end suite (test/e2e/suite) in a real VS Code with @vscode/test-electron:
//   - a downloaded desktop VS Code when it can be had (and, on Linux, a display is there);
//   - otherwise, or with NASSAQ_E2E=code-server, code-server from npm shown in Debian's Chromium,
//     behind test/e2e/code-server-shim.js passed as the "VS Code executable" (scripts/e2e-setup.sh
//     installs what that needs, cached).
// NASSAQ_E2E=desktop insists on the desktop route. Each run works on a fresh copy of
// test/e2e/fixture; screenshots go to test/e2e/screenshots/. Expects `npm run build` to have run.
//
// NASSAQ_E2E_VSIX=1 (npm run test:e2e:vsix) runs the same suite against the packaged extension:
// `npm run package` in a temporary copy of the working tree (so dist/ stays as built), the .vsix
// installed with code-server's own `--install-extension` into a temporary extensions folder, and that
// installed folder loaded as the extension under test. The route defaults to code-server there.
//
//   node --import tsx test/e2e/run.ts        (npm run test:e2e)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

/** The VS Code that code-server 4.100.3 carries; the desktop route uses the same one. */
const VSCODE_VERSION = '1.100.3';
const root = path.resolve(__dirname, '../..');
const here = path.join(root, 'test/e2e');
const out = path.join(root, 'out/e2e');
const log = (message: string) => console.log(`[e2e] ${message}`);

async function compileSuite(): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  const suite = path.join(here, 'suite');
  await esbuild.build({
    entryPoints: readdirSync(suite).filter((f) => f.endsWith('.ts')).map((f) => path.join(suite, f)),
    outdir: path.join(out, 'suite'),
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(out, 'suite', 'index.js');
}

/** A fresh workspace (a copy of the fixture) and a user profile with quiet settings. */
function prepare(): { tmp: string; workspace: string; userData: string; extensions: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nassaq-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(here, 'fixture'), workspace, { recursive: true });
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'git.enabled': false,
    'editor.hover.delay': 100,
    'files.autoSave': 'off',
  };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return { tmp, workspace, userData, extensions };
}

/** The desktop VS Code's executable, or why the run goes through code-server. */
async function desktopVSCode(): Promise<{ executable?: string; why?: string }> {
  let executable: string;
  try {
    executable = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, timeout: 20_000 }); // cached in .vscode-test/
  } catch (error) {
    return { why: `VS Code ${VSCODE_VERSION} could not be downloaded (${error instanceof Error ? error.message : String(error)})` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { why: 'no display for the desktop VS Code (run under xvfb-run to use it)' };
  }
  return { executable };
}

/** Files of the working tree that packaging needs: all but these (node_modules is linked, dist/ rebuilt). */
const NOT_COPIED = new Set(['.git', 'node_modules', 'dist', 'out', '.cache', '.vscode-test', 'test', 'bench']);

/**
 * `npm run package` (vsce, whose vscode:prepublish builds minified bundles) in a temporary copy of the
 * working tree, so the repository's dist/ keeps its development build. dist/lexicon is copied with its
 * times, so the copy does not compile the dictionary again. Returns the .vsix, put in out/e2e/.
 */
function packageVsix(tmp: string): string {
  const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const stage = path.join(tmp, 'package');
  mkdirSync(stage);
  for (const entry of readdirSync(root)) {
    if (NOT_COPIED.has(entry) || entry.endsWith('.vsix')) continue;
    cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  if (existsSync(path.join(root, 'dist/lexicon'))) {
    cpSync(path.join(root, 'dist/lexicon'), path.join(stage, 'dist/lexicon'), { recursive: true, preserveTimestamps: true });
  }
  const vsix = path.join(out, `${name}-${version}.vsix`);
  execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
  rmSync(stage, { recursive: true, force: true });
  return vsix;
}

/**
 * Installs the .vsix with code-server's CLI into a fresh extensions folder (state kept out of $HOME,
 * as in the shim), checks that the CLI lists it, and returns the installed extension's folder.
 */
function installVsix(codeServer: string, vsix: string, tmp: string): string {
  const { publisher, name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, string>;
  const extensionsDir = path.join(tmp, 'installed');
  const cli = (...args: string[]) =>
    execFileSync(codeServer, [...args, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'cli-user-data')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
    });
  log(cli('--install-extension', vsix).trim().split('\n').pop() ?? '');
  const id = `${publisher}.${name}`;
  const listed = cli('--list-extensions', '--show-versions').trim().split('\n');
  if (!listed.includes(`${id}@${version}`)) throw new Error(`code-server --list-extensions does not list ${id}@${version} (it lists: ${listed.join(', ') || 'nothing'})`);
  const folder = path.join(extensionsDir, `${id}-${version}`);
  if (!existsSync(path.join(folder, 'package.json'))) throw new Error(`${id}@${version} is not installed in ${folder}`);
  return folder;
}

/** Installs (or finds, cached) code-server and Chromium; returns code-server's binary. */
function setUpCodeServer(): string {
  const printed = execFileSync('bash', [path.join(root, 'scripts/e2e-setup.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = printed.trim().split('\n').pop() ?? '';
  if (!existsSync(bin)) throw new Error(`scripts/e2e-setup.sh did not give code-server's path (printed: ${printed})`);
  return bin;
}

async function main(): Promise<number> {
  const started = Date.now();
  const vsixMode = !['', '0', 'false'].includes(process.env.NASSAQ_E2E_VSIX ?? '');
  if (!vsixMode) {
    for (const built of ['dist/extension.js', 'dist/server.js']) {
      if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run npm run build first`);
    }
  }
  const extensionTestsPath = await compileSuite();
  // The .vsix is meant for code-server (issue #5): that route unless NASSAQ_E2E says otherwise.
  const route = process.env.NASSAQ_E2E ?? (vsixMode ? 'code-server' : 'auto');
  if (!['auto', 'desktop', 'code-server'].includes(route)) throw new Error(`NASSAQ_E2E=${route}: use desktop or code-server`);

  let vscodeExecutablePath: string | undefined;
  const env: Record<string, string> = { NASSAQ_E2E_SCREENSHOTS: path.join(here, 'screenshots') };
  if (route !== 'code-server') {
    const desktop = await desktopVSCode();
    if (desktop.executable) {
      vscodeExecutablePath = desktop.executable;
      log(`desktop VS Code ${VSCODE_VERSION}: ${vscodeExecutablePath}`);
    } else if (route === 'desktop') {
      throw new Error(`NASSAQ_E2E=desktop: ${desktop.why}`);
    } else {
      log(`${desktop.why}: using code-server`);
    }
  }
  if (vscodeExecutablePath === undefined) {
    env.CODE_SERVER_BIN = setUpCodeServer();
    vscodeExecutablePath = path.join(here, 'code-server-shim.js');
    log(`code-server: ${env.CODE_SERVER_BIN} (setup took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  const { tmp, workspace, userData, extensions } = prepare();
  rmSync(env.NASSAQ_E2E_SCREENSHOTS, { recursive: true, force: true });
  try {
    let extensionDevelopmentPath = root;
    if (vsixMode) {
      const packaging = Date.now();
      const vsix = packageVsix(tmp);
      log(`packaged ${path.relative(root, vsix)}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB in ${((Date.now() - packaging) / 1000).toFixed(1)} s`);
      // code-server's CLI even when the suite runs in the desktop VS Code (NASSAQ_E2E=desktop).
      extensionDevelopmentPath = installVsix(env.CODE_SERVER_BIN ?? setUpCodeServer(), vsix, tmp);
      log(`installed with code-server --install-extension: ${extensionDevelopmentPath}`);
    }
    const suiteStarted = Date.now();
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${extensions}`],
      extensionTestsEnv: env,
    });
    log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s (the suite ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s)${vsixMode ? ', against the installed .vsix' : ''}`);
    return 0;
  } catch (error) {
    log(`failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (process.env.NASSAQ_E2E_KEEP) log(`workspace kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[e2e]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
