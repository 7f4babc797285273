#!/usr/bin/env bash
# Installs, by name, what the end-to-end tests need when no desktop VS Code can be downloaded:
#   - Debian: chromium (the browser that shows code-server's workbench), ripgrep (seeds code-server's
#     ripgrep download), g++ make python3 libkrb5-dev (native modules of code-server);
#   - npm: code-server@4.100.3 (VS Code 1.100.3, the last release that runs on Node 20) into a cache
#     folder outside node_modules: $NASSAQ_E2E_CACHE, default .cache/e2e.
# Idempotent: a second run finds everything in place and returns in about a second.
# Prints the code-server binary's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

CS_VERSION=4.100.3
CACHE=${NASSAQ_E2E_CACHE:-$PWD/.cache/e2e}
CS_DIR=$CACHE/code-server
CS_BIN=$CS_DIR/node_modules/.bin/code-server
mkdir -p "$CACHE"
log() { echo "[e2e-setup] $*" >&2; }

# ---------------------------------------------------------------- Debian packages
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
need=()
have_pkg chromium || need+=(chromium)
if [ ! -x "$CS_BIN" ]; then      # only building code-server needs these
  for p in ripgrep g++ make python3 libkrb5-dev; do have_pkg "$p" || need+=("$p"); done
fi
if [ ${#need[@]} -gt 0 ]; then
  log "apt: installing ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# ---------------------------------------------------------------- code-server from npm
if [ -x "$CS_BIN" ] && [ "$("$CS_BIN" --version 2>/dev/null | head -1 | cut -d' ' -f1)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION already in $CS_DIR"
else
  log "npm: code-server@$CS_VERSION into $CS_DIR (a few minutes: native modules are compiled)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR" "$CACHE/tmp"
  cd "$CS_DIR"
  echo '{ "name": "nassaq-e2e-code-server", "private": true }' > package.json
  # As root, code-server's postinstall (an npm install in lib/vscode) needs unsafe-perm, and
  # node-pty's `npx node-gyp` must not ask.
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false
  # code-server <= 4.10x depends on @vscode/ripgrep, whose postinstall downloads rg from GitHub
  # unless its cache ($TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<tag>-<target>.tar.gz) has it:
  # seed that cache with Debian's rg.
  export TMPDIR=$CACHE/tmp
  npm pack -q "code-server@$CS_VERSION" >/dev/null
  tar xzf "code-server-$CS_VERSION.tgz" package/lib/vscode/npm-shrinkwrap.json
  RG_VER=$(node -p "(require('./package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'] || {}).version || ''")
  if [ -n "$RG_VER" ]; then
    npm pack -q "@vscode/ripgrep@$RG_VER" >/dev/null
    RG_TAG=$(tar xzf "vscode-ripgrep-$RG_VER.tgz" -O package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';/\1/p")
    [ -n "$RG_TAG" ] || { log "could not read the ripgrep tag of @vscode/ripgrep@$RG_VER"; exit 1; }
    mkdir -p rg "$TMPDIR/vscode-ripgrep-cache-$RG_VER"
    cp "$(command -v rg)" rg/rg
    tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_VER/ripgrep-$RG_TAG-$(uname -m)-unknown-linux-musl.tar.gz" -C rg rg
    log "seeded the ripgrep cache of @vscode/ripgrep@$RG_VER ($RG_TAG) with $(command -v rg)"
  fi
  rm -rf package ./*.tgz rg
  if ! npm install "code-server@$CS_VERSION" > "$CACHE/code-server-install.log" 2>&1; then
    tail -40 "$CACHE/code-server-install.log" >&2
    log "npm install code-server@$CS_VERSION failed; full log: $CACHE/code-server-install.log"
    exit 1
  fi
  cd - >/dev/null
  "$CS_BIN" --version | head -1 >&2
fi
command -v chromium >/dev/null || { log "chromium is not installed"; exit 1; }
echo "$CS_BIN"
