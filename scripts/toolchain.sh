#!/usr/bin/env bash
# Makes sure everything Wijkplein needs to build and test is on this machine.
# Sourced by scripts/dev.sh and scripts/test.sh; safe to run again (it only
# installs what is missing). See ../shared/TOOLCHAIN.md for the background.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# wasm-bindgen CLI must match the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION="$(grep -E '^wasm-bindgen = "=' "$ROOT/Cargo.toml" | sed -E 's/.*"=([0-9.]+)".*/\1/')"
CARGO_LEPTOS_VERSION="0.3.11"
BINARYEN_VERSION="132"

log() { printf '\033[1;32m[toolchain]\033[0m %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# 1. The wasm32 target: rustup's when it is there, otherwise Debian's rustc-web
#    with the std sources, built with -Zbuild-std (see .cargo/config.toml).
if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  log "using rustup's wasm32-unknown-unknown target"
  export WIJKPLEIN_BUILD_STD=0
else
  apt_install rustc-web rust-web-src lld-22 rust-web-clippy
  # One compiler (Debian's 1.96) for everything, and its rustdoc and clippy,
  # which must match the compiler that built the dependencies.
  export RUSTC=/usr/bin/rustc
  export RUSTDOC=/usr/bin/rustdoc
  export RUSTC_BOOTSTRAP=1
  export WIJKPLEIN_BUILD_STD=1
fi

# 2. cargo-leptos and wasm-bindgen-cli, built from crates.io (their own
#    binary downloads do not work on this network).
export PATH="$HOME/.cargo/bin:$PATH"
if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (takes a while, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a webpki-roots release the registry lacks.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 3. wasm-opt from npm's binaryen 132 (Debian's 108 breaks hydration).
TOOLS_NODE="$ROOT/.tools/node"
if [ ! -x "$TOOLS_NODE/node_modules/.bin/wasm-opt" ]; then
  log "npm install binaryen@$BINARYEN_VERSION"
  mkdir -p "$TOOLS_NODE"
  (cd "$TOOLS_NODE" && npm install --silent --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null)
fi
export PATH="$TOOLS_NODE/node_modules/.bin:$PATH"

# Runs a command that builds the wasm client. Where rustup lacks the target,
# std is built from source; set only for these commands, because cargo would
# otherwise rebuild the host's std for plain server builds and tests as well.
with_wasm_std() {
  if [ "$WIJKPLEIN_BUILD_STD" = "1" ]; then
    # No panic locations or Debug formatting in the wasm: both only cost bytes
    # in the browser (about 7 KB brotli, measured). A panic in the browser
    # aborts at once: its message would only be formatted for nobody.
    CARGO_UNSTABLE_BUILD_STD="std,panic_abort" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="rust-lld" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort" \
      LEPTOS_BIN_CARGO_COMMAND="$ROOT/scripts/cargo-host.sh" "$@"
  else
    "$@"
  fi
}
# clippy from the same compiler as the build (see above).
run_clippy() {
  if [ "$WIJKPLEIN_BUILD_STD" = "1" ]; then
    /usr/bin/cargo-clippy clippy "$@"
  else
    cargo clippy "$@"
  fi
}
log "toolchain ready"
