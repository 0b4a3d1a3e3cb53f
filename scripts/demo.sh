#!/usr/bin/env bash
# Quick start command (1): install what is needed, build, and open the workstation on the local demo workspace.
# Without a display (a server or a container), it renders the DriftWatch page to build/demo-driftwatch.png instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
bin=build/dev/app/upstream-workstation
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  out=$PWD/build/demo-driftwatch.png
  "$bin" --demo --screenshot "$out" --page driftwatch
  echo "No display found: rendered the demo workspace to $out"
  exit 0
fi
exec "$bin" --demo "$@"
