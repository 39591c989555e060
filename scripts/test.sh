#!/usr/bin/env bash
# Runs every test of strokemeta on a fresh machine: installs what the build needs when it is
# missing (scripts/setup.sh), then builds and runs the unit, property and qualification tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
cd "$here"
mvn -q -B -Dstyle.color=never verify
