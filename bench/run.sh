#!/usr/bin/env bash
# Times strokemeta, whole process (JVM start, CSV reading, analysis, output), on the reference
# workloads of ../shared/bench, and optionally R on the same files.
#
#   bench/run.sh                 data in ./bench-data (made with R if missing), strokemeta only
#   bench/run.sh --with-r        also run the R reference scripts (minutes)
#
# Needs R for the data (apt-get install r-base-core r-cran-data.table, plus r-cran-metafor for --with-r)
# and GNU time (apt-get install time).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${SHARED:-$here/../shared/bench}"
data="${BENCH_DATA:-$here/bench-data}"
results="${BENCH_RESULTS:-$here/bench-results}"
reps="${REPS:-5}"
with_r=0
[ "${1:-}" = "--with-r" ] && with_r=1
mkdir -p "$data" "$results"

if [ ! -f "$data/w1_many_ma.csv" ]; then Rscript "$shared/gen_data.R" "$data"; fi
if [ ! -f "$data/w2_k1000000.csv" ]; then Rscript "$here/bench/gen_w2_big.R" "$data"; fi

"$here/strokemeta" --version >/dev/null            # builds the jar if needed
"$here/strokemeta" meta --example bcg >/dev/null   # records the class-data-sharing archive

# median wall time and peak memory of REPS runs of a command
timeit() {
  local label="$1"; shift
  local ts=() mem=0
  for _ in $(seq "$reps"); do
    local out tf
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f "%e %M" "$@" >/dev/null 2>/dev/null || true
    out=$(tail -1 "$tf"); rm -f "$tf"
    ts+=("${out% *}")
    local m="${out#* }"; [ "$m" -gt "$mem" ] && mem="$m"
  done
  local med
  med=$(printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  printf '%-58s median %6.3f s  (runs: %s)  peak RSS %6.1f MB\n' "$label" "$med" "${ts[*]}" "$(echo "$mem/1024" | bc -l)" | tee -a "$results/strokemeta.txt"
}

date -u +"== %Y-%m-%d %H:%M UTC, $(nproc) cores ==" | tee -a "$results/strokemeta.txt"
timeit "W1 10,000 MAs k=10, OR, REML (meta --by, text)" "$here/strokemeta" meta --input "$data/w1_many_ma.csv" --by ma_id --measure OR --tau2 REML
timeit "W1 10,000 MAs k=10, OR, DL (meta --by, text)" "$here/strokemeta" meta --input "$data/w1_many_ma.csv" --by ma_id --measure OR --tau2 DL
timeit "W1 10,000 MAs k=10, OR, REML (meta --by, csv)" "$here/strokemeta" meta --input "$data/w1_many_ma.csv" --by ma_id --measure OR --format csv
for k in 1000 10000 100000 1000000; do
  timeit "W2 one MA k=$k, REML" "$here/strokemeta" meta --input "$data/w2_k$k.csv" --measure GEN --tau2 REML
done
timeit "W2 one MA k=1000000, REML, no tau2 CI" "$here/strokemeta" meta --input "$data/w2_k1000000.csv" --measure GEN --tau2 REML --no-tau2-ci
ipd_one=(--binary "" --no-po-test --no-unadjusted)
for n in 10000 100000 1000000; do
  timeit "W3 stratified PO (clm nominal=~study), N=$n" "$here/strokemeta" ipd --input "$data/w3_ipd_n$n.csv" --covariates age,nihss,sex "${ipd_one[@]}"
done
timeit "W3 common cut-points (clm without trial terms), N=1000000" "$here/strokemeta" ipd --input "$data/w3_ipd_n1000000.csv" --covariates age,nihss,sex --model common "${ipd_one[@]}"
timeit "W4 clmm (1|study), Laplace, N=10000" "$here/strokemeta" ipd --input "$data/w3_ipd_n10000.csv" --covariates age,nihss --model mixed "${ipd_one[@]}"
timeit "W4 clmm (1+treatment|study), Laplace, N=10000" "$here/strokemeta" ipd --input "$data/w3_ipd_n10000.csv" --covariates age,nihss --model mixed --random-effects correlated "${ipd_one[@]}"
timeit "W4 glmer mRS 0-2 (1|study), Laplace, N=100000" "$here/strokemeta" ipd --input "$data/w3_ipd_n100000.csv" --covariates age,nihss --binary 0-2 --binary-model random --binary-only
timeit "ipd full default analysis (adjusted, unadjusted, 3 binary, PO test), N=100000" "$here/strokemeta" ipd --input "$data/w3_ipd_n100000.csv" --covariates age,nihss,sex

if [ "$with_r" = 1 ]; then
  export BENCH_DATA="$data" BENCH_RESULTS="$results"
  Rscript "$shared/bench_w1.R" 1 | tee -a "$results/r.txt"
  Rscript "$shared/bench_w2.R" rma_reml_1000 3 | tee -a "$results/r.txt"
  for k in 100000 1000000; do Rscript "$here/bench/okfs_reml.R" "$data/w2_k$k.csv" 5 | tee -a "$results/r.txt"; done
  Rscript "$shared/bench_w3.R" 1000000 clm_strat 1 | tee -a "$results/r.txt"
  Rscript "$shared/bench_w3.R" 1000000 polr_fixed 1 | tee -a "$results/r.txt"
  Rscript "$shared/bench_w4.R" 10000 clmm_ri 3 | tee -a "$results/r.txt"
  Rscript "$shared/bench_w4.R" 10000 clmm_rs 1 | tee -a "$results/r.txt"
  Rscript "$shared/bench_w4.R" 100000 glmer_ri 3 | tee -a "$results/r.txt"
fi
