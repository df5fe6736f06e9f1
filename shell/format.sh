#!/usr/bin/env bash
# Formats our C++ with the committed .clang-format (clang-format 14, pinned: versions format
# differently). `shell/format.sh` rewrites the files; `shell/format.sh --check` lists the files that
# differ and fails if any does (shell/test.sh runs the check).
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
FORMAT=${CLANG_FORMAT:-clang-format-14}
command -v "$FORMAT" >/dev/null || { echo "$FORMAT is missing (shell/setup.sh installs it)" >&2; exit 1; }
mapfile -t files < <(git ls-files 'src/*.h' 'src/*.cpp' 'tests/*.h' 'tests/*.cpp' | grep -v '^tests/layering_fixture/')
if [ "${1:-}" = --check ]; then
  bad=()
  for f in "${files[@]}"; do
    "$FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if [ ${#bad[@]} -gt 0 ]; then
    say "${#bad[@]} of ${#files[@]} files are not formatted (run shell/format.sh): ${bad[*]}"
    exit 1
  fi
  say "all ${#files[@]} C++ files formatted as .clang-format says"
else
  "$FORMAT" -i "${files[@]}"
  say "formatted ${#files[@]} files"
fi
