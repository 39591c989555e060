#!/usr/bin/env bash
# Copies the shared reference cases (../shared/validation) into the project's qualification suite
# (validation/), and rewrites the index the jar uses to find them. Expected values are never edited here.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-"$here/../shared/validation"}
[ -d "$src/cases" ] || { echo "no cases folder under $src" >&2; exit 1; }
mkdir -p "$here/validation/cases"
cp "$src/FORMAT.md" "$here/validation/FORMAT.md"
cp "$src"/cases/*.json "$here/validation/cases/"
(cd "$here/validation/cases" && ls *.json | LC_ALL=C sort > index.txt)
(cd "$here/validation/extra" && ls *.json | LC_ALL=C sort > index.txt)
echo "validation/: $(wc -l < "$here/validation/cases/index.txt") cases"
