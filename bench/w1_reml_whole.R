# W1 as a user runs it in R, for the whole-process comparison: start R, load metafor, read the file,
# split it into the 10,000 meta-analyses, fit each (escalc + rma, REML, z tests) and write one row of
# results per analysis (kept in preallocated vectors, as bench_w1.R does). Time the whole process:
#   /usr/bin/time -f "%e s" Rscript bench/w1_reml_whole.R bench-data/w1_many_ma.csv /tmp/w1_r.csv
# (../shared/bench/bench_w1.R times the loop alone, inside R.)
suppressMessages({
  library(metafor)
  library(data.table)
})
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1])
lst <- split(as.data.frame(d), d$ma_id)
n <- length(lst)
est <- se <- lb <- ub <- p <- tau2 <- i2 <- q <- rep(NA_real_, n)
for (i in seq_len(n)) {
  x <- lst[[i]]
  es <- escalc(measure = "OR", ai = events_treat, n1i = total_treat,
               ci = events_ctrl, n2i = total_ctrl, data = x)
  fit <- tryCatch(rma(yi, vi, data = es, method = "REML", test = "z"), error = function(e) NULL)
  if (!is.null(fit)) {
    est[i] <- fit$beta[1]; se[i] <- fit$se; lb[i] <- fit$ci.lb; ub[i] <- fit$ci.ub
    p[i] <- fit$pval; tau2[i] <- fit$tau2; i2[i] <- fit$I2; q[i] <- fit$QE
  }
}
fwrite(data.table(group = names(lst), estimate = est, se = se, ci_lower = lb, ci_upper = ub, p = p,
                  tau2 = tau2, i2 = i2, q = q), args[2])
