#!/usr/bin/env bash
# Installs every Debian 12 package Upstream Workstation needs to build, run and test.
# Idempotent: when everything is present it only checks and returns in about a second.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates openssl
  clang-format clang-tidy clang
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-psql libqt6sql6-sqlite libqt6svg6
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus dbus-x11
  libpq-dev postgresql-15 postgresql-client-15
  libspdlog-dev libfmt-dev libsodium-dev zlib1g-dev libssl-dev
  xvfb xauth fonts-dejavu-core openbox xdotool x11-utils
  desktop-file-utils appstream msitools wixl dpkg-dev file
)
BACKPORTS=(libsqlcipher-dev sqlcipher)

if [[ $(id -u) -ne 0 ]]; then
  echo "setup.sh: run as root (it installs Debian packages)" >&2
  exit 2
fi

missing=()
for p in "${PACKAGES[@]}" "${BACKPORTS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# SQLCipher must be version 4 (bookworm-backports), not 3.x from bookworm main.
if dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null | grep -qv '^4\.'; then
  missing+=(libsqlcipher-dev)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup.sh: all packages present"
  exit 0
fi
echo "setup.sh: installing: ${missing[*]}"

# Enable bookworm-backports by extending the Suites line of the machine's existing Debian entry:
# the mirror stays whatever this machine already uses.
SRC=/etc/apt/sources.list.d/debian.sources
if [[ -f $SRC ]]; then
  sed -i -E '/^Suites:.*\bbookworm-updates\b/{/\bbookworm-backports\b/!s/[[:space:]]*$/ bookworm-backports/}' "$SRC"
elif [[ -f /etc/apt/sources.list ]] && ! grep -q bookworm-backports /etc/apt/sources.list; then
  # one-line format: reuse the URI of the existing bookworm main line
  line=$(grep -E '^deb\s+\S+\s+bookworm\s' /etc/apt/sources.list | head -n1 || true)
  if [[ -n $line ]]; then
    echo "${line/ bookworm / bookworm-backports }" >>/etc/apt/sources.list
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# libpq-dev first: it may upgrade the PostgreSQL server packages, which must happen before any cluster starts.
apt-get install -y -qq --no-install-recommends libpq-dev >/dev/null
apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
apt-get install -y -qq --no-install-recommends -t bookworm-backports "${BACKPORTS[@]}" >/dev/null
echo "setup.sh: done"
