#!/usr/bin/env bash
# Run cargo-fuzz targets one after another on one core, without a sanitizer (safe Rust; 2-3x the executions), each for SECONDS (default 600), continuing past
# crashes so that one run finds every distinct one (libFuzzer's fork mode with one job); crash inputs land in
# fuzz/artifacts/<target>/. Needs the nightly toolchain and cargo-fuzz (`rustup toolchain install nightly`,
# `cargo install cargo-fuzz`). Not run by CI: the crash inputs found are replayed by tests/fuzz_regressions.rs.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: decode fix align html; default all)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode fix align html)
cargo +nightly fuzz build -s none
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "artifacts/$target"
  started=$(date +%s)
  echo "== $target: ${seconds} s from $(date -u +%H:%M:%S)"
  cargo +nightly fuzz run -s none "$target" "corpus/$target" -- -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
    -ignore_ooms=1 -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 2>&1 | grep -E '^(#|INFO: fuzzed|==|SUMMARY|.*(crash|timeout|oom)-)' | tail -n 40 || true
  echo "== $target: $(($(date +%s) - started)) s, $(find "artifacts/$target" -type f | wc -l) artifact(s), $(find "corpus/$target" -type f | wc -l) corpus inputs"
done
