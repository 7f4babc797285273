// Runs the end-to-end suite (test/e2e/suite) in a real VS Code with @vscode/test-electron:
//   - a downloaded desktop VS Code when it can be had (and, on Linux, a display is there);
//   - otherwise, or with NASSAQ_E2E=code-server, code-server from npm shown in Debian's Chromium,
//     behind test/e2e/code-server-shim.js passed as the "VS Code executable" (scripts/e2e-setup.sh
//     installs what that needs, cached).
// NASSAQ_E2E=desktop insists on the desktop route. Each run works on a fresh copy of
// test/e2e/fixture; screenshots go to test/e2e/screenshots/. Expects `npm run build` to have run.
//
//   node --import tsx test/e2e/run.ts        (npm run test:e2e)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Installs (or finds, cached) code-server and Chromium; returns code-server's binary. */
function setUpCodeServer(): string {
  const printed = execFileSync('bash', [path.join(root, 'scripts/e2e-setup.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = printed.trim().split('\n').pop() ?? '';
  if (!existsSync(bin)) throw new Error(`scripts/e2e-setup.sh did not give code-server's path (printed: ${printed})`);
  return bin;
}

async function main(): Promise<number> {
  const started = Date.now();
  for (const built of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  const extensionTestsPath = await compileSuite();
  const route = process.env.NASSAQ_E2E ?? 'auto';
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
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${extensions}`],
      extensionTestsEnv: env,
    });
    log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
