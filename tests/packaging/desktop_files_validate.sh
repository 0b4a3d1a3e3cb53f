#!/usr/bin/env bash
# tst_desktop_files_validate: the .desktop entry passes desktop-file-validate, the AppStream metainfo (as
# configured by the build, version filled in) passes `appstreamcli validate --no-net`, both name the same
# application id, and the icon they name is a well-formed SVG.
# Usage: desktop_files_validate.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$(cd "${1:?source dir}" && pwd)
build=$(cd "${2:?build dir}" && pwd)
id=com.upstream.Workstation
desktop=$src/installer/linux/$id.desktop
metainfo=$build/installer/$id.metainfo.xml
fail() { echo "FAIL: $*" >&2; exit 1; }

[[ -f $desktop ]] || fail "missing $desktop"
[[ -f $metainfo ]] || fail "missing $metainfo (configured by installer/CMakeLists.txt)"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejected $desktop"
appstreamcli validate --no-net --no-color "$metainfo" || fail "appstreamcli rejected $metainfo"
grep -qE "@[A-Z_]+@" "$metainfo" && fail "the metainfo has unconfigured @VARIABLES@"

grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's Icon is not $id"
grep -qx "Exec=upstream-workstation" "$desktop" || fail "the desktop entry does not start upstream-workstation"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  fail "the metainfo does not launch $id.desktop"
grep -q "<id>$id</id>" "$metainfo" || fail "the metainfo id is not $id"
# The icon installed as $id.svg is resources/icons/upstream.svg: it must be an SVG document.
grep -q "<svg" "$src/resources/icons/upstream.svg" || fail "resources/icons/upstream.svg is not an SVG"
echo "PASS"
