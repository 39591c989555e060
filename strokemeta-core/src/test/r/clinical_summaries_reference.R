# Reference values for ClinicalSummariesTest and the ipd/meta command tests: the net benefit
# P(better) - P(worse), its NNT and the utility-weighted mRS difference computed within each trial
# and combined with Mantel-Haenszel weights n_T n_C / (n_T + n_C) (Greenland & Robins 1985), against
# the crude values from arms added across trials.
# Data: trial "Good" (mild strokes, 1:1), trial "Poor" (severe strokes, randomised 4:1 to treatment),
# trial "Registry" (all patients treated: no comparison, cannot contribute within trials).
# Usage: Rscript strokemeta-core/src/test/r/clinical_summaries_reference.R   (base R only)
counts <- list(
  Good     = list(t = c(30, 25, 15, 10, 8, 7, 5),   c = c(18, 20, 17, 15, 12, 10, 8)),
  Poor     = list(t = c(4, 12, 24, 40, 50, 34, 36), c = c(0, 1, 3, 7, 14, 11, 14)),
  Registry = list(t = c(2, 3, 4, 5, 6, 5, 5),       c = rep(0, 7)))
uw <- c(1, 0.91, 0.76, 0.65, 0.33, 0, 0)
q <- qnorm(0.975)

# net benefit of one trial: the difference from wilcox.test's W (an independent count of pairs),
# the delta-method variance of Agresti (Biometrics 1980) from its formula
benefit <- function(t, c) {
  yt <- rep(0:6, t); yc <- rep(0:6, c)
  nt <- length(yt); nc <- length(yc)
  # W counts pairs with the treated value above the control value (worse, 0 best), ties as 1/2
  w <- suppressWarnings(wilcox.test(yt, yc, exact = FALSE)$statistic)
  ties <- sum(outer(yt, yc, "=="))
  worse <- (w - ties / 2) / (nt * nc); better <- 1 - worse - ties / (nt * nc)
  stopifnot(abs(better - mean(outer(yt, yc, "<"))) < 1e-12)
  pt <- t / nt; pc <- c / nc
  cb <- c(0, cumsum(pc)[-7]); ca <- 1 - cumsum(pc)
  tb <- c(0, cumsum(pt)[-7]); ta <- 1 - cumsum(pt)
  d <- unname(better - worse)
  v <- (sum(pt * (ca - cb)^2) - d^2) / nt + (sum(pc * (tb - ta)^2) - d^2) / nc
  c(better = unname(better), worse = unname(worse), d = d, se = sqrt(v), nt = nt, nc = nc)
}
utility <- function(t, c) {
  ut <- rep(uw, t); uc <- rep(uw, c)
  tt <- t.test(ut, uc, var.equal = FALSE)
  c(mt = mean(ut), mc = mean(uc), d = mean(ut) - mean(uc), se = unname(tt$stderr), nt = length(ut), nc = length(uc))
}
both <- Filter(function(x) sum(x$t) > 0 && sum(x$c) > 0, counts)
b <- sapply(both, function(x) benefit(x$t, x$c))
u <- sapply(both, function(x) utility(x$t, x$c))
w <- b["nt", ] * b["nc", ] / (b["nt", ] + b["nc", ]); w <- w / sum(w)
d <- sum(w * b["d", ]); se <- sqrt(sum(w^2 * b["se", ]^2))
ud <- sum(w * u["d", ]); use <- sqrt(sum(w^2 * u["se", ]^2))
crude_t <- Reduce(`+`, lapply(counts, `[[`, "t")); crude_c <- Reduce(`+`, lapply(counts, `[[`, "c"))
cb <- benefit(crude_t, crude_c); cu <- utility(crude_t, crude_c)
out <- function(name, x) cat(sprintf("%-26s %.15g\n", name, x))
for (s in colnames(b)) {
  out(paste0(s, " weight"), w[s]); out(paste0(s, " difference"), b["d", s]); out(paste0(s, " se"), b["se", s])
  out(paste0(s, " uw difference"), u["d", s]); out(paste0(s, " uw se"), u["se", s])
}
out("p_better", sum(w * b["better", ])); out("p_worse", sum(w * b["worse", ]))
out("difference", d); out("se", se); out("ci_lower", d - q * se); out("ci_upper", d + q * se); out("nnt", 1 / d)
out("nnt_limit_a", 1 / (d + q * se)); out("nnt_limit_b", 1 / (d - q * se))
out("uw mean_treatment", sum(w * u["mt", ])); out("uw mean_control", sum(w * u["mc", ]))
out("uw difference", ud); out("uw se", use); out("uw ci_lower", ud - q * use); out("uw ci_upper", ud + q * use)
out("crude difference", cb["d"]); out("crude nnt", 1 / cb["d"]); out("crude uw difference", cu["d"])
