# The O(k) Fisher-scoring REML of ../shared/bench/bench_w2.R (case okfs) applied to any W2 file,
# timed as there (median of repetitions, compute only, after fread): the "vectorised O(k) REML in
# plain R" reference for the engine's compute time.
# Usage: Rscript bench/okfs_reml.R FILE [reps]
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1])
reps <- if (length(args) >= 2) as.integer(args[2]) else 20L
okfs <- function(y, v, threshold = 1e-5, maxiter = 100L) {
  k <- length(y)
  rss <- sum((y - mean(y))^2); trPV <- sum(v) - sum(v) / k
  tau2 <- max(0, (rss - trPV) / (k - 1)); iter <- 0L; change <- threshold + 1
  while (change > threshold) {
    iter <- iter + 1L; old <- tau2
    w <- 1 / (v + tau2); sw <- sum(w); mu <- sum(w * y) / sw
    Py <- w * (y - mu); sw2 <- sum(w^2)
    trP <- sw - sw2 / sw; trPP <- sw2 - 2 * sum(w^3) / sw + (sw2 / sw)^2
    adj <- (sum(Py^2) - trP) / trPP
    while (tau2 + adj < 0) adj <- adj / 2
    tau2 <- tau2 + adj; change <- abs(old - tau2)
    if (iter > maxiter) stop("no convergence")
  }
  w <- 1 / (v + tau2); list(est = sum(w * y) / sum(w), se = sqrt(1 / sum(w)), tau2 = tau2, iter = iter)
}
times <- numeric(reps)
for (r in seq_len(reps)) { invisible(gc()); t0 <- proc.time()[["elapsed"]]; f <- okfs(d$yi, d$vi); times[r] <- proc.time()[["elapsed"]] - t0 }
cat(sprintf("okfs REML k=%d: median %.4f s (min %.4f) iter=%d est=%.10f se=%.10f tau2=%.10f\n",
            nrow(d), median(times), min(times), f$iter, f$est, f$se, f$tau2))
