# W2 at k = 1,000,000: the same generator as ../shared/bench/gen_data.R (gen_w2: log OR scale,
# tau^2 = 0.05, vi ~ 4/n + noise), with its own seed, for the one-big-meta-analysis target.
# Usage: Rscript bench/gen_w2_big.R OUTDIR
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "bench-data"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
gen_w2 <- function(k, seed) {
  set.seed(seed)
  vi <- 4 / round(runif(k, 40, 1000)) + runif(k, 0, 0.02)
  yi <- rnorm(k, 0.2, sqrt(0.05 + vi))
  data.frame(study = seq_len(k), yi = round(yi, 10), vi = round(vi, 10))
}
path <- file.path(outdir, "w2_k1000000.csv")
write.csv(gen_w2(1000000L, 20240204), path, row.names = FALSE, quote = FALSE)
cat(sprintf("%-22s %9d rows  %8.1f MB\n", basename(path), 1000000L, file.size(path) / 2^20))
