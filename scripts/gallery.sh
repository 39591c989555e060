#!/usr/bin/env bash
# Draws the figure gallery of docs/gallery.md from bundled data (SVG files in docs/gallery/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/docs/gallery"
mkdir -p "$out"
s="$here/strokemeta"
"$s" plot forest --example bcg --measure RR --out "$out/forest-bcg.svg" >/dev/null
"$s" plot forest --example bcg --measure RR --subgroup alloc --both-models --sort effect --out "$out/forest-bcg-subgroups.svg" >/dev/null
"$s" plot funnel --example bcg --measure RR --trim-fill --out "$out/funnel-bcg-trimfill.svg" >/dev/null
"$s" plot funnel --example hackshaw --contour --out "$out/funnel-hackshaw-contour.svg" >/dev/null
"$s" plot bubble --example bcg --measure RR --moderator ablat --out "$out/bubble-bcg-latitude.svg" >/dev/null
"$s" plot baujat --example bcg --measure RR --out "$out/baujat-bcg.svg" >/dev/null
"$s" plot labbe --example bcg --measure OR --out "$out/labbe-bcg.svg" >/dev/null
"$s" plot radial --example bcg --measure RR --out "$out/radial-bcg.svg" >/dev/null
"$s" plot gosh --example bcg --measure RR --out "$out/gosh-bcg.svg" >/dev/null
# the HERMES trials' published 90-day mRS distributions from the bundled evidence base
evidence="$(mktemp --suffix=.csv)"
"$s" evidence --population lvo-early --format mrs --out "$evidence"
"$s" plot forest --input "$evidence" --out "$out/forest-hermes-trials.svg" >/dev/null
"$s" plot grotta --input "$evidence" --out "$out/grotta-hermes-trials.svg" >/dev/null
"$s" plot grotta --input "$evidence" --merge 5-6 --out "$out/grotta-hermes-trials-merged.svg" >/dev/null
rm -f "$evidence"
# 100 studies with long names (simulated estimates)
tmp="$(mktemp)"
{
  echo "study,yi,vi"
  for i in $(seq 1 100); do
    echo "\"Multicentre randomised trial of endovascular thrombectomy number $i in a long-named network\",$(awk -v i="$i" 'BEGIN{printf "%.4f,%.4f", -0.4 + 0.6*sin(i), 0.02 + 0.3*(i%7)/7}')"
  done
} > "$tmp"
"$s" plot forest --input "$tmp" --sort effect --out "$out/forest-100-long-names.svg" >/dev/null
rm -f "$tmp"
echo "gallery: $(ls "$out" | wc -l) figures in $out"
