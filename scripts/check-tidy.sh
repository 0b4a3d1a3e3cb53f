#!/usr/bin/env bash
# Runs clang-tidy with the repository's .clang-tidy over the product sources (app/, models/, views/, widgets/ .cpp
# files, as listed in a build's compile_commands.json) and fails on any finding: the config makes every kept check an
# error, and a file clang cannot parse fails too. Used by CTest (label lint): tst_clang_tidy_clean runs it over the
# product, tst_clang_tidy_catches_planted_finding over tests/lint/ with --expect to prove the same run reports.
# Not run per compile: the whole product costs several minutes of one core (numbers in .clang-tidy).
#
# usage: scripts/check-tidy.sh [-j N] [--expect REGEX]... BUILD_DIR [FILE...]
#   FILE...        check these files (they must be in the compilation database) instead of the product sources
#   --expect RE    invert: succeed only if clang-tidy reports findings and every RE matches one of the finding lines
#   --forbid RE    with --expect: and no finding line matches RE
# Exit 77 (CTest SKIP_RETURN_CODE) when no clang-tidy is installed: scripts/setup.sh installs it, so CI always runs.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

jobs=2
expect=()
forbid=()
while [[ $# -gt 0 ]]; do
  case $1 in
    -j) jobs=$2; shift 2 ;;
    --expect) expect+=("$2"); shift 2 ;;
    --forbid) forbid+=("$2"); shift 2 ;;
    *) break ;;
  esac
done
build=${1:?usage: check-tidy.sh [-j N] [--expect REGEX]... BUILD_DIR [FILE...]}
shift

tidy=${CLANG_TIDY:-}
if [[ -z $tidy ]]; then
  for candidate in clang-tidy clang-tidy-{19..14}; do
    if command -v "$candidate" >/dev/null; then tidy=$(command -v "$candidate"); break; fi
  done
fi
if [[ -z $tidy ]]; then
  echo "SKIPPED: clang-tidy is not installed (Debian package clang-tidy; scripts/setup.sh installs it)"
  exit 77
fi
if [[ ! -f $build/compile_commands.json ]]; then
  echo "no $build/compile_commands.json: configure the build first (CMAKE_EXPORT_COMPILE_COMMANDS is on)" >&2
  exit 2
fi

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  # CMake writes one `"file": "<absolute path>"` line per entry; a file compiled by several targets appears once.
  mapfile -t files < <(grep -o '"file": "[^"]*"' "$build/compile_commands.json" | sed 's/^"file": "//; s/"$//' |
    grep -E "^$root/(app|models|views|widgets)/.*\.cpp$" | sort -u)
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "no product sources found in $build/compile_commands.json" >&2
  exit 2
fi

# -Wno-unknown-warning-option: the database holds GCC's flags, and clang does not know -Wshadow=local.
# -Wno-error: compiler warnings are GCC's business (-Werror in the ci preset); only the .clang-tidy checks count here,
# and a real compile error still fails.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run_one() {
  "$tidy" -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-error "$2" >"$out/$1.log" 2>&1
  echo $? >"$out/$1.rc"
}
start=$SECONDS
for i in "${!files[@]}"; do
  while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n; done
  run_one "$i" "${files[$i]}" &
done
wait
elapsed=$((SECONDS - start))

# A header's finding is reported by every file that includes it: list each once.
findings=$(cat "$out"/*.log | grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' | sed "s|^$root/||" | sort -u)
failed=()
for i in "${!files[@]}"; do
  [[ $(cat "$out/$i.rc") == 0 ]] || failed+=("${files[$i]#"$root/"}")
done
count=0
[[ -n $findings ]] && count=$(wc -l <<<"$findings")

if [[ ${#expect[@]} -gt 0 ]]; then
  # Positive control: the planted findings must be reported, as errors, and the run must fail.
  echo "$findings"
  status=0
  [[ ${#failed[@]} -gt 0 ]] || { echo "FAIL: clang-tidy exited 0 on the planted files" >&2; status=1; }
  for re in "${expect[@]}"; do
    grep -qE -- "$re" <<<"$findings" || { echo "FAIL: no finding matches: $re" >&2; status=1; }
  done
  for re in "${forbid[@]}"; do
    if grep -qE -- "$re" <<<"$findings"; then echo "FAIL: a finding matches (must not): $re" >&2; status=1; fi
  done
  [[ $status == 0 ]] && echo "planted findings reported as errors (${#files[@]} files, ${elapsed}s)"
  exit $status
fi

if [[ $count -gt 0 || ${#failed[@]} -gt 0 ]]; then
  cat "$out"/*.log | grep -vE '^[0-9]+ (warning|error)s? generated\.$' >&2
  echo >&2
  echo "clang-tidy: $count finding(s); ${#failed[@]} of ${#files[@]} files fail: ${failed[*]}" >&2
  if [[ -n $findings ]]; then
    echo "per check:" >&2
    grep -oE '\[[a-z][a-z0-9.,-]*\]$' <<<"$findings" | sed 's/,-warnings-as-errors//' | sort | uniq -c | sort -rn >&2
    echo "findings:" >&2
    echo "$findings" >&2
  fi
  exit 1
fi
echo "clang-tidy: ${#files[@]} files clean (${jobs} jobs, ${elapsed}s, $("$tidy" --version | grep -o 'version [0-9.]*'))"
