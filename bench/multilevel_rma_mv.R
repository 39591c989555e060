# Multilevel benchmark data and metafor's timing: k effects, 5 per trial (k/5 trials), three-level model
# rma.mv(yi, vi, random = ~ 1 | study/es_id, method = "REML"), a moderator (follow-up in days).
# sigma2 = (0.04 between trials, 0.02 within), vi ~ 4/n + noise, as the W2 generator.
# Usage: Rscript bench/multilevel_rma_mv.R OUTDIR K [dense|sparse|none]
#   writes OUTDIR/ml_kK.csv (seed 20261206 + K) and, unless "none", times one rma.mv fit and prints
#   the estimates (dense: metafor's default, k x k matrices; sparse: sparse = TRUE, the Matrix package).
args <- commandArgs(trailingOnly = TRUE)
outdir <- args[1]; k <- as.integer(args[2]); how <- if (length(args) >= 3) args[3] else "dense"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
set.seed(20261206 + k)
m <- 5L; nt <- k %/% m
study <- rep(sprintf("T%05d", seq_len(nt)), each = m)
es_id <- rep(seq_len(m), times = nt)
followup <- rep(c(30, 90, 180, 365, 730), times = nt)
u <- rep(rnorm(nt, 0, sqrt(0.04)), each = m)
vi <- 4 / round(runif(k, 40, 1000)) + runif(k, 0, 0.02)
yi <- 0.2 + 0.0002 * followup + u + rnorm(k, 0, sqrt(0.02)) + rnorm(k, 0, sqrt(vi))
d <- data.frame(study = study, es_id = es_id, yi = round(yi, 10), vi = round(vi, 10), followup_days = followup)
path <- file.path(outdir, sprintf("ml_k%d.csv", k))
write.csv(d, path, row.names = FALSE, quote = FALSE)
cat(sprintf("%s: %d effects in %d trials\n", path, k, nt))
if (how != "none") {
  suppressMessages(library(metafor))
  t0 <- proc.time()[["elapsed"]]
  f <- rma.mv(yi, vi, mods = ~ followup_days, random = ~ 1 | study/es_id, data = d, method = "REML", sparse = how == "sparse")
  el <- proc.time()[["elapsed"]] - t0
  cat(sprintf("rma.mv %s k=%d: %.2f s; beta = %.10f %.10f; se = %.10f %.10f; sigma2 = %.10f %.10f; logLik = %.8f\n", how, k, el,
              f$beta[1], f$beta[2], f$se[1], f$se[2], f$sigma2[1], f$sigma2[2], logLik(f)))
}
