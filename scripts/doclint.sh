#!/usr/bin/env bash
# Lists the Javadoc problems of strokemeta-core's API, grouped by file: what the build's doclint
# check (maven-javadoc-plugin, doclint all, warnings fail `mvn verify`) would stop on, in a form
# for quick fixes. Runs the javadoc tool with -Xdoclint:all over the exported packages
# (org.strokemeta.internal is not part of the API and is left out).
#
#   scripts/doclint.sh            every problem, by file, then the counts by kind
#   scripts/doclint.sh pool data  only the files of these packages
#
# Extra Maven options (for example -o to work offline) can be given in MVN_ARGS.
# Exits with 0 when there is no problem, 1 otherwise (2 when the class path cannot be made).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
core="$here/strokemeta-core"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$core"
# shellcheck disable=SC2086
if ! mvn -q -B -Dstyle.color=never ${MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile="$work/cp" \
    > "$work/mvn.log" 2>&1; then
  cat "$work/mvn.log" >&2
  exit 2
fi
# The exported packages' sources, read on the class path (module-info.java left out); the internal
# package enters as sources too, so that references to it resolve, but its problems are not reported.
find src/main/java -name '*.java' -not -name module-info.java -not -path '*/org/strokemeta/internal/*' | sort > "$work/srcs"
find src/main/java/org/strokemeta/internal -name '*.java' > "$work/internal"
javadoc -Xdoclint:all -Xmaxwarns 100000 -Xmaxerrs 100000 -quiet -d "$work/out" \
    -cp "$(cat "$work/cp")" @"$work/srcs" @"$work/internal" > "$work/log" 2>&1 || true
grep -v -E '^src/main/java/org/strokemeta/internal/' "$work/log" > "$work/log.api" || true
mv "$work/log.api" "$work/log"

# One line per problem: file, line and message (javadoc prints the source line and a caret after each).
grep -E '^src/main/java/.*\.java:[0-9]+: (warning|error):' "$work/log" > "$work/problems" || true
if [ $# -gt 0 ]; then
  pattern="$(printf '|org/strokemeta/%s/' "$@")"
  grep -E "${pattern:1}" "$work/problems" > "$work/selected" || true
  mv "$work/selected" "$work/problems"
fi
# Anything else javadoc said (a crash, a bad option) is shown as it is.
grep -vE '^src/main/java/.*\.java:[0-9]+: (warning|error):|^[0-9]+ (warning|error)s?$|^\s|^\s*\^' "$work/log" \
    | grep -vE '^(Loading|Constructing|Generating|Building|Standard Doclet)' || true

if [ ! -s "$work/problems" ]; then
  echo "doclint: no problem"
  exit 0
fi
awk -F': ' '{
  split($1, loc, ":"); file = loc[1]; sub(/^src\/main\/java\//, "", file)
  msg = $0; sub(/^[^:]*:[0-9]+: /, "", msg)
  if (file != last) { printf "\n%s\n", file; last = file }
  printf "  %5d  %s\n", loc[2], msg
}' "$work/problems"
echo
n="$(wc -l < "$work/problems")"
echo "doclint: $n problem$([ "$n" = 1 ] || echo s)"
sed -E 's/^[^:]*:[0-9]+: (warning|error): //; s/no @param for .*/no @param/; s/no @throws for .*/no @throws/' "$work/problems" \
    | sort | uniq -c | sort -rn
exit 1
