#!/usr/bin/env bash
# Quick start command (1): install what is needed, build, and open the workstation on the local demo workspace.
# The demo workspace is encrypted like any other; its password is the documented "upstream-demo-workspace".
# - No desktop session (no D-Bus session bus, e.g. root on a fresh server): a private session bus and an unlocked
#   gnome-keyring are started for this run, with the demo's data under build/demo-home.
# - No display: the DriftWatch page is rendered to build/demo-driftwatch.png instead of opening a window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
bin=$PWD/build/dev/app/upstream-workstation
args=(--demo "$@")
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  out=$PWD/build/demo-driftwatch.png
  args=(--demo --screenshot "$out" --page driftwatch)
  echo "No display found: rendering the demo workspace to $out"
fi
if [[ -z ${DBUS_SESSION_BUS_ADDRESS:-} ]]; then
  demo_home=$PWD/build/demo-home
  mkdir -p "$demo_home/data" "$demo_home/config"
  mkdir -m 700 -p "$demo_home/run"
  export XDG_DATA_HOME=$demo_home/data XDG_CONFIG_HOME=$demo_home/config XDG_RUNTIME_DIR=$demo_home/run
  exec dbus-run-session -- sh -c 'echo -n upstream-demo | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$bin" "${args[@]}"
fi
exec "$bin" "${args[@]}"
