#!/usr/bin/env bash
# cargo for the server build inside cargo-leptos: without build-std, which only
# the wasm client needs (see with_wasm_std in toolchain.sh).
exec env -u CARGO_UNSTABLE_BUILD_STD cargo "$@"
