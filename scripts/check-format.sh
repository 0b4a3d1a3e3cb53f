#!/usr/bin/env bash
# Fails (and lists the files) when a C++ source of the repository — tracked, or new and not ignored (so --fix reaches
# a file before its first commit) — differs from .clang-format. Used by CTest (label lint).
# Fix with: scripts/check-format.sh --fix
set -euo pipefail
cf=${1:-clang-format}
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h' 2>/dev/null || find app models views widgets tests -name '*.cpp' -o -name '*.h')
if [[ ${1:-} == --fix || ${2:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  [[ -f $f ]] || continue
  if ! "$cf" --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "Not formatted with .clang-format (run scripts/check-format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} files formatted"
