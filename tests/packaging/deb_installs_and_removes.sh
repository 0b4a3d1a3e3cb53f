#!/usr/bin/env bash
# tst_deb_installs_and_removes: builds the DEB with cpack, installs it with dpkg, runs both programs from their
# installed paths, removes the package and checks nothing it installed is left behind.
# Mutates the machine (dpkg): needs root; exits 77 (skipped) otherwise. Usage: deb_installs_and_removes.sh BUILD_DIR
set -euo pipefail
build=${1:?build dir}
pkg=upstream-workstation
fail() { echo "FAIL: $*" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  echo "SKIP: installing a package needs root" >&2
  exit 77
fi

work=$(mktemp -d)
cleanup() {
  # Never leave the test's package installed, whatever failed.
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    dpkg -r "$pkg" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A copy left by an earlier run (or installed by hand) would hide what this package installs: remove it first.
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
  echo "removing a previously installed $pkg"
  dpkg -r "$pkg" >/dev/null
fi

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; }
deb=$(ls "$work"/${pkg}_*.deb 2>/dev/null | head -n1)
[[ -n $deb ]] || fail "cpack produced no .deb in $work"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# Every declared dependency must be installable here; they are all in scripts/setup.sh.
depends=$(dpkg-deb -f "$deb" Depends)
for required in libqt6sql6-psql libqt6sql6-sqlite libqt6keychain1 libsecret-1-0 libpq5 libsodium23 libqt6charts6 \
  libqt6svg6 libssl3; do
  grep -qw -- "$required" <<<"$depends" || fail "Depends does not declare $required: $depends"
done
missing=()
IFS=',' read -ra deps <<<"$depends"
for d in "${deps[@]}"; do
  name=$(sed -E 's/^[[:space:]]*([^[:space:](]+).*/\1/' <<<"$d")
  dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" || missing+=("$name")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  fail "declared dependencies not installed on this machine: ${missing[*]} (run scripts/setup.sh or apt-get install them)"
fi

files=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' | grep -v '/$')
dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1 || { cat "$work/dpkg-i.log" >&2; fail "dpkg -i"; }
dpkg-query -W -f='${Status}' "$pkg" | grep -q "install ok installed" || fail "dpkg does not report $pkg installed"

# Run from the installed paths, not the build tree; --version needs no display.
version=$(dpkg-deb -f "$deb" Version)
out=$(/usr/bin/upstream --version) || fail "/usr/bin/upstream --version exited $?"
grep -q "$version" <<<"$out" || fail "upstream --version printed '$out', expected version $version"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/upstream-workstation --version) ||
  fail "/usr/bin/upstream-workstation --version exited $?"
[[ $out == "upstream-workstation $version" ]] || fail "upstream-workstation --version printed '$out'"
for f in /usr/share/applications/com.upstream.Workstation.desktop \
  /usr/share/metainfo/com.upstream.Workstation.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/com.upstream.Workstation.svg; do
  [[ -f $f ]] || fail "$f not installed"
done
# The installed binaries resolve every shared library, and each library they link directly comes from a package
# the DEB declares (libraries' own dependencies are their packages' business).
resolved=$(ldd /usr/bin/upstream-workstation /usr/bin/upstream)
if grep -q "not found" <<<"$resolved"; then
  fail "unresolved libraries: $(grep 'not found' <<<"$resolved")"
fi
declared=" $(sed -E 's/\([^)]*\)//g; s/,/ /g' <<<"$depends") "
for bin in /usr/bin/upstream /usr/bin/upstream-workstation; do
  while read -r soname path; do
    # dpkg knows a file by the path its package ships, which merged-/usr systems reach through symlinks.
    real=$(readlink -f "$path")
    owner=
    for candidate in "$path" "$real" "${real#/usr}"; do
      owner=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) || true
      [[ -n $owner ]] && break
    done
    [[ -n $owner ]] || fail "$bin links $soname ($path), which no package owns"
    [[ $declared == *" $owner "* ]] || fail "$bin links $soname from package $owner, which Depends does not declare"
  done < <(readelf -d "$bin" | sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p' | while read -r so; do
    ldd "$bin" | awk -v so="$so" '$1 == so { print $1, $3 }'
  done)
done

dpkg -r "$pkg" >"$work/dpkg-r.log" 2>&1 || { cat "$work/dpkg-r.log" >&2; fail "dpkg -r"; }
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
  fail "$pkg still installed after dpkg -r"
fi
left=()
while read -r f; do
  [[ -e $f ]] && left+=("$f")
done <<<"$files"
[[ ${#left[@]} -eq 0 ]] || fail "files left after removal: ${left[*]}"
echo "PASS: installed $(wc -l <<<"$files") files, ran both programs ($version), removed cleanly"
