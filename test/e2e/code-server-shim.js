#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on machines
// that cannot download VS Code. It takes the arguments runTests gives VS Code
// (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, a folder)
// and instead:
//   1. starts code-server (VS Code's own server and workbench, from npm) on 127.0.0.1;
//   2. opens the workbench in headless Chromium (Debian's, driven by playwright-core) with the folder
//      and a payload asking the workbench to load the extension under development and run the tests
//      in code-server's Node extension host, as the desktop does;
//   3. exits with the code the workbench reports when the test module's run() settles.
// It also serves a small "UI bridge" on 127.0.0.1 whose address reaches the tests as NASSAQ_E2E_UI:
// the suite asks it for screenshots and for the text of workbench elements (see suite/ui.ts).
//
// Environment: CODE_SERVER_BIN (required: scripts/e2e-setup.sh prints it), CHROMIUM (default
// /usr/bin/chromium), NASSAQ_E2E_TIMEOUT_MS (default 600000), NASSAQ_E2E_KEEP=1 keeps the
// temporary folder with code-server's log.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const log = (...args) => console.log('[code-server-shim]', ...args);

function parseArgs(argv) {
  const opts = { dev: [], tests: undefined, userData: undefined, extensionsDir: undefined, folder: undefined };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (m) {
      if (m[1] === 'extensionDevelopmentPath') opts.dev.push(path.resolve(m[2]));
      else if (m[1] === 'extensionTestsPath') opts.tests = path.resolve(m[2]);
      else if (m[1] === 'user-data-dir') opts.userData = path.resolve(m[2]);
      else if (m[1] === 'extensions-dir') opts.extensionsDir = path.resolve(m[2]);
      // other --flag=value options are desktop-only: ignored
    } else if (!arg.startsWith('-') && opts.folder === undefined) {
      opts.folder = path.resolve(arg);
    }
    // bare flags (--no-sandbox, --disable-extensions, --skip-welcome…) are desktop-only: ignored
  }
  return opts;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for code-server's health endpoint; fails early if the process exits. */
async function waitHealthy(port, child, logFile) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer within 60 s; see ${logFile}`);
    await sleep(100);
  }
}

/** The bridge the tests call: POST /screenshot {path}, POST /texts {selector} → string[]. */
function startBridge(getPage) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const page = getPage();
        if (!page) throw new Error('the workbench page is not open');
        const input = body ? JSON.parse(body) : {};
        let result;
        if (req.url === '/screenshot') {
          fs.mkdirSync(path.dirname(input.path), { recursive: true });
          await page.screenshot({ path: input.path });
          result = { path: input.path };
        } else if (req.url === '/texts') {
          result = await page.$$eval(input.selector, (elements) => elements.map((e) => e.innerText));
        } else {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error && error.message ? error.message : error));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--version')) {
    console.log('code-server shim');
    return 0;
  }
  const opts = parseArgs(argv);
  const bin = process.env.CODE_SERVER_BIN;
  if (!bin || !fs.existsSync(bin)) throw new Error(`CODE_SERVER_BIN is not set or missing (${bin}); run scripts/e2e-setup.sh`);
  const { chromium } = require('playwright-core');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nassaq-code-server-'));
  const userData = opts.userData ?? path.join(tmp, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });

  let page;
  const bridge = await startBridge(() => page);
  const bridgeUrl = `http://127.0.0.1:${bridge.address().port}`;

  const port = await freePort();
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(tmp, 'code-server.log');
  const started = Date.now();
  // Keep code-server's state out of $HOME; the extension host inherits this environment.
  const child = spawn(
    bin,
    ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NASSAQ_E2E_UI: bridgeUrl,
        XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
        XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
        XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
      },
    },
  );
  const logStream = fs.createWriteStream(logFile);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  // Only our own process group: code-server and what it started.
  const stopServer = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);

  let context;
  let code = 'no result';
  try {
    await waitHealthy(port, child, logFile);
    log(`code-server ${port} up after ${Date.now() - started} ms`);
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ...opts.dev.map((d) => ['extensionDevelopmentPath', remote(d)]),
      ...(opts.tests ? [['extensionTestsPath', remote(opts.tests)]] : []),
    ];
    const where = opts.folder ? `folder=${encodeURIComponent(opts.folder)}` : 'ew=true';
    const url = `http://127.0.0.1:${port}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 860 },
      // Without the networking flags Chromium tries hosts this machine cannot reach.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    page.on('pageerror', (error) => log('page error:', String(error).slice(0, 300)));
    // The workbench forwards the extension host's console (mocha's report) and the exit code here.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(args ?? []));
      // Noise of a workbench without internet: the marketplace (open-vsx) is unreachable.
      if (!/socket|connection token|Service Worker|ChatSession|builtin extensions|ENOTFOUND open-vsx|\[Extension Host\]$/.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => finish(exitCode));
    // VS Code honours ?payload=extensionDevelopmentPath/extensionTestsPath only when the web
    // configuration enables the smoke-test driver, and code-server has no flag for it: patch the
    // configuration the page carries before the workbench reads it.
    await page.addInitScript(() => {
      new MutationObserver((_mutations, observer) => {
        const element = document.getElementById('vscode-workbench-web-configuration');
        const settings = element && element.getAttribute('data-settings');
        if (!settings) return;
        const configuration = JSON.parse(settings);
        configuration.developmentOptions = { ...(configuration.developmentOptions || {}), enableSmokeTestDriver: true };
        element.setAttribute('data-settings', JSON.stringify(configuration));
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const timeoutMs = Number(process.env.NASSAQ_E2E_TIMEOUT_MS || 600_000);
    const timer = setTimeout(() => finish(`timeout after ${timeoutMs} ms`), timeoutMs);
    await page.goto(url);
    code = await finished;
    clearTimeout(timer);
    log(`tests finished with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error('[code-server-shim] error:', error && error.message ? error.message : error);
  } finally {
    page = undefined;
    if (context) await context.close().catch(() => {});
    bridge.close();
    stopServer();
    logStream.end();
    if (code !== 0) log(`code-server's log: ${logFile}`);
    if (code === 0 && !process.env.NASSAQ_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else fs.rmSync(path.join(tmp, 'chromium'), { recursive: true, force: true });
  }
  return code === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[code-server-shim]', error && error.stack ? error.stack : error);
    process.exit(1);
  },
);
