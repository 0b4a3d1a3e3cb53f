#!/usr/bin/env bash
# Quick start command (2): install what is needed, build with warnings as errors, run the whole test suite.
#   bash scripts/test.sh            the `ci` preset (all labels: unit, integration, gui, lint, packaging)
#   bash scripts/test.sh --asan     additionally the `asan` preset (AddressSanitizer + UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
cmake --preset ci
cmake --build --preset ci -j"$jobs"
ctest --preset ci -j"$jobs"
if [[ ${1:-} == --asan ]]; then
  cmake --preset asan
  cmake --build --preset asan -j"$jobs"
  ctest --preset asan -j"$jobs"
fi
