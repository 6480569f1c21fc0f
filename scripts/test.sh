#!/usr/bin/env bash
# The project's whole test command (README, .ci/run): formatting, lints, then every test in a
# release build.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --release --all-targets -- -D warnings
cargo test --release
