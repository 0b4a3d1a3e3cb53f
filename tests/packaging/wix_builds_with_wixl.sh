#!/usr/bin/env bash
# tst_wix_builds_with_wixl: structural check of the Windows installer on Linux. Stages the install tree, generates
# one component per staged file, builds an MSI with wixl from installer/wix (the product skeleton plus the
# policy include that the CPack WiX template uses too), then reads the MSI tables back with msiinfo:
# the fixed UpgradeCode, per-machine scope, the public policy properties, their HKLM registry values where Qt's
# SystemScope QSettings reads them, a Start menu shortcut and no desktop shortcut, no custom action that launches
# the application.
# Usage: wix_builds_with_wixl.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$(cd "${1:?source dir}" && pwd)
build=$(cd "${2:?build dir}" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v wixl >/dev/null || fail "wixl not found (Debian package wixl, listed in scripts/setup.sh)"
command -v msiinfo >/dev/null || fail "msiinfo not found (Debian package msitools)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/stage" --strip >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "cmake --install"; }
xmllint --noout "$src/installer/wix/policy.wxi" "$build/installer/wixl-check.wxs" 2>/dev/null ||
  { command -v xmllint >/dev/null && fail "the WiX sources are not well-formed XML"; }

# Generated: a component per staged file, in directories mirroring the stage (bin\, share\...).
files=$work/files.wxi
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<Include xmlns="http://schemas.microsoft.com/wix/2006/wi">'
  echo '  <DirectoryRef Id="INSTALL_ROOT">'
  n=0
  emit_dir() { # $1 = directory relative to the stage ("" for the root), $2 = indent
    local rel=$1 indent=$2 d f
    for f in "$work/stage/$rel"*; do
      [[ -f $f ]] || continue
      n=$((n + 1))
      echo "$indent<Component Id=\"c$n\" Guid=\"*\" Win64=\"yes\"><File Id=\"f$n\" Source=\"${f#"$work/stage/"}\" KeyPath=\"yes\"/></Component>"
      echo "c$n" >>"$work/components.txt"
    done
    for d in "$work/stage/$rel"*/; do
      [[ -d $d ]] || continue
      local name
      name=$(basename "$d")
      n=$((n + 1))
      echo "$indent<Directory Id=\"d$n\" Name=\"$name\">"
      emit_dir "$rel$name/" "$indent  "
      echo "$indent</Directory>"
    done
  }
  emit_dir "" "    "
  echo '  </DirectoryRef>'
  echo '</Include>'
} >"$files"
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<Include xmlns="http://schemas.microsoft.com/wix/2006/wi">'
  sed 's/.*/  <ComponentRef Id="&"\/>/' "$work/components.txt"
  echo '</Include>'
} >"$work/files-refs.wxi"
grep -q 'upstream-workstation"' "$files" || fail "the staged tree has no upstream-workstation executable"

# wixl cannot compile component conditions (Windows Installer and WiX do): check them in the source, then give
# wixl a copy without them. Each policy value must be written only when its property is set, or an empty value
# would lock the setting to empty.
for c in PolicyServerHost PolicyServerPort PolicyServerDatabase PolicySslMode PolicySslRootCert PolicyIdleLock; do
  cond=$(xmllint --xpath "string(//*[local-name()='Component'][@Id='$c']/*[local-name()='Condition'])" \
    "$src/installer/wix/policy.wxi")
  [[ -n $cond ]] || fail "component $c has no condition"
done
grep -v '<Condition>' "$src/installer/wix/policy.wxi" >"$work/policy.wxi"
cp "$src/installer/wix/policy-refs.wxi" "$work/"

msi=$work/upstream-workstation.msi
# File sources are relative to the stage: wixl resolves them from its working directory (no absolute paths).
(cd "$work/stage" && wixl -a x64 -I "$work" -o "$msi" "$build/installer/wixl-check.wxs") >"$work/wixl.log" 2>&1 ||
  { cat "$work/wixl.log" >&2; fail "wixl could not build the MSI"; }
[[ -s $msi ]] || fail "wixl produced no MSI"
echo "built MSI: $(stat -c %s "$msi") bytes"

# Tables are read into variables first: `msiinfo … | grep -q` would fail at random under pipefail when grep exits
# early and msiinfo gets SIGPIPE.
table() { msiinfo export "$msi" "$1"; }
props=$(table Property)
upgrade=$(grep -P '^UpgradeCode\t' <<<"$props" | grep -o '[0-9A-Fa-f-]\{36\}' || true)
expected=$(grep -o 'UPSTREAM_WIX_UPGRADE_GUID "[^"]*"' "$src/installer/CMakeLists.txt" | cut -d'"' -f2)
[[ -n $expected && ${upgrade^^} == "${expected^^}" ]] || fail "UpgradeCode is '$upgrade', expected '$expected'"
grep -qP '^ALLUSERS\t1' <<<"$props" || fail "not a per-machine package (ALLUSERS is not 1)"
# Public properties passed to a managed silent install reach the execute sequence only when Secure (wixl ignores
# the attribute, so check the source shared with the CPack template).
for p in SERVER_HOST SERVER_PORT SERVER_DB SSLMODE SSLROOTCERT IDLE_LOCK_MINUTES; do
  [[ $(xmllint --xpath "string(//*[local-name()='Property'][@Id='$p']/@Secure)" "$src/installer/wix/policy.wxi") == yes ]] ||
    fail "$p is not declared Secure=\"yes\" in installer/wix/policy.wxi"
done
# Launch conditions (not compilable by wixl): the CPack template includes them and they bound the idle lock.
xmllint --noout "$src/installer/wix/policy-conditions.wxi" || fail "policy-conditions.wxi is not well-formed"
grep -q 'IDLE_LOCK_MINUTES <= 30' "$src/installer/wix/policy-conditions.wxi" ||
  fail "no launch condition keeps IDLE_LOCK_MINUTES at 30 or less"
grep -q 'policy-conditions.wxi' "$build/installer/WIX.template.in" || fail "the CPack template omits the launch conditions"
reg=$(table Registry)
check_reg() { # key name property
  grep -P "\t2\tSoftware\\\\Upstream\\\\Workstation\\\\$1\t$2\t.*\[$3\]" <<<"$reg" >/dev/null ||
    fail "no HKLM registry value Software\\Upstream\\Workstation\\$1\\$2 = [$3]"
}
check_reg server host SERVER_HOST
check_reg server port SERVER_PORT
check_reg server database SERVER_DB
check_reg server sslmode SSLMODE
check_reg security idle_lock_minutes IDLE_LOCK_MINUTES
shortcuts=$(table Shortcut || true)
grep -q ProgramMenuFolder <<<"$shortcuts" || fail "no Start menu shortcut"
grep -q DesktopFolder <<<"$shortcuts" && fail "a desktop shortcut is installed"
tables=$(msiinfo tables "$msi")
if grep -qx CustomAction <<<"$tables"; then
  actions=$(table CustomAction)
  grep -qi 'upstream-workstation' <<<"$actions" && fail "a custom action launches the application"
fi
echo "PASS"
