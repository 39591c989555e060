# Reference values for the tests of org.strokemeta.bias (small-study effects).
# R 4.2.2, metafor 3.8.1.  Run:  Rscript strokemeta-core/src/test/r/bias_reference.R
# Every value used in src/test/java/org/strokemeta/bias/*Test.java is printed here, under the
# name the test cites.  The per-study yi and vi of each data set are printed first (17 digits);
# the tests hold the same numbers.
suppressMessages(library(metafor))

# Every model is fitted with Fisher scoring converged to 1e-10 (strokemeta's default control, and
# that of the validation corpus). metafor::regtest passes the model's control on; metafor::trimfill
# does not (nor test nor level): its inner fits and the refit use rma.uni's defaults, which the
# Java code reproduces with TrimFillOptions.FitSettings.METAFOR.
ctl <- list(threshold = 1e-10)

out <- function(name, x) {
  cat(name, "=", paste(sprintf("%.17g", x), collapse = ", "), "\n")
}
outs <- function(name, x) cat(name, "=", x, "\n")

tf_out <- function(name, tf) {
  outs(paste0(name, ".side"), tf$side)
  out(paste0(name, ".k0"), tf$k0)
  out(paste0(name, ".se_k0"), tf$se.k0)
  if (!is.na(tf$p.k0)) out(paste0(name, ".p_k0"), tf$p.k0)
  out(paste0(name, ".estimate"), tf$beta)
  out(paste0(name, ".se"), tf$se)
  out(paste0(name, ".ci_lower"), tf$ci.lb)
  out(paste0(name, ".ci_upper"), tf$ci.ub)
  out(paste0(name, ".z"), tf$zval)
  out(paste0(name, ".p"), tf$pval)
  out(paste0(name, ".tau2"), tf$tau2)
  out(paste0(name, ".test_is_knha"), as.numeric(tf$test == "knha"))
  if (tf$k0 > 0) {
    out(paste0(name, ".filled_yi"), tf$yi[tf$fill])
    out(paste0(name, ".filled_vi"), tf$vi[tf$fill])
  }
}

egger_out <- function(name, rt) {
  out(paste0(name, ".statistic"), rt$zval)
  out(paste0(name, ".df"), rt$dfs)
  out(paste0(name, ".p"), rt$pval)
  out(paste0(name, ".est"), rt$est)
  out(paste0(name, ".ci_lower"), rt$ci.lb)
  out(paste0(name, ".ci_upper"), rt$ci.ub)
  if (rt$model == "lm") {
    cf <- coef(summary(rt$fit))
    out(paste0(name, ".slope"), cf[2, 1])
    out(paste0(name, ".slope_se"), cf[2, 2])
    out(paste0(name, ".intercept_se"), cf[1, 2])
  } else {
    out(paste0(name, ".slope"), rt$fit$beta[2])
    out(paste0(name, ".slope_se"), rt$fit$se[2])
    out(paste0(name, ".tau2"), rt$fit$tau2)
  }
}

rank_out <- function(name, rk) {
  out(paste0(name, ".tau"), rk$tau)
  out(paste0(name, ".p"), rk$pval)
}

# ---- data sets -----------------------------------------------------------------------------
bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
hack <- dat.hackshaw1998
normand <- escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
hine <- escalc("RD", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.hine1989)
molloy <- escalc("ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
pritz <- escalc("PLO", xi = xi, ni = ni, data = dat.pritz1997)
# Synthetic data without ties, given by formulas that the Java tests reproduce.
synth <- function(n) {
  i <- seq_len(n)
  data.frame(yi = 0.5 * sin(1.3 * i) + 0.002 * i, vi = 0.02 + 0.001 * i + 0.05 * cos(i)^2)
}
s60 <- synth(60)
s200 <- synth(200)

for (d in c("bcg", "hack", "normand", "hine", "molloy", "pritz")) {
  x <- get(d)
  out(paste0(d, ".yi"), x$yi)
  out(paste0(d, ".vi"), x$vi)
}

# ---- BCG (log RR) --------------------------------------------------------------------------
egger_out("bcg.egger_lm", regtest(rma(yi, vi, data = bcg, control = ctl, method = "FE"), model = "lm"))
egger_out("bcg.egger_rma", regtest(rma(yi, vi, data = bcg, control = ctl, method = "REML")))
# Egger with Hartung-Knapp: t test with k - 2 df, the limit estimate's CI at the fit's level (90%).
egger_out("bcg.egger_knha90", regtest(rma(yi, vi, data = bcg, control = ctl, method = "REML", test = "knha", level = 90)))
egger_out("bcg.egger_fe_rma", regtest(rma(yi, vi, data = bcg, control = ctl, method = "FE")))
rank_out("bcg.rank", ranktest(rma(yi, vi, data = bcg, control = ctl)))
# side = "left" forced: k0 = 0, so the result is the original fit.
tf_out("bcg.tf_left", trimfill(rma(yi, vi, data = bcg, control = ctl), side = "left"))
# Fixed-effect trim-and-fill (side chosen automatically: right, k0 = 4).
tf_out("bcg.tf_fe", trimfill(rma(yi, vi, data = bcg, control = ctl, method = "FE")))
# A knha fit at 90%: metafor refits the filled data with its defaults (z, 95%).
tf_out("bcg.tf_knha90", trimfill(rma(yi, vi, data = bcg, control = ctl, method = "REML", test = "knha", level = 90)))
# The same with the analysis' own settings passed on through trimfill's "..." (FitSettings.ANALYSIS).
tf_out("bcg.tf_knha90_analysis", trimfill(rma(yi, vi, data = bcg, control = ctl, method = "REML", test = "knha", level = 90),
                                          test = "knha", level = 90, control = ctl))
# The same knha fit with side = "left": k0 = 0 returns the original knha fit at 90%.
tf_out("bcg.tf_knha90_left", trimfill(rma(yi, vi, data = bcg, control = ctl, method = "REML", test = "knha", level = 90), side = "left"))

# ---- Hackshaw (log OR given) ---------------------------------------------------------------
tf_out("hack.tf", trimfill(rma(yi, vi, data = hack, control = ctl)))
tf_out("hack.tf_fe", trimfill(rma(yi, vi, data = hack, control = ctl, method = "FE")))
tf_out("hack.tf_dl", trimfill(rma(yi, vi, data = hack, control = ctl, method = "DL")))
tf_out("hack.tf_right", trimfill(rma(yi, vi, data = hack, control = ctl), side = "right"))

# ---- Normand (MD): auto side is right with k0 = 0; left forced gives k0 = 1 ----------------
tf_out("normand.tf_auto", trimfill(rma(yi, vi, data = normand, control = ctl)))
tf_out("normand.tf_left", trimfill(rma(yi, vi, data = normand, control = ctl), side = "left"))
tf_out("normand.tf_right_r0", trimfill(rma(yi, vi, data = normand, control = ctl), side = "right", estimator = "R0"))

# ---- Pritz (logit proportion): R0 and L0 differ --------------------------------------------
tf_out("pritz.tf_l0", trimfill(rma(yi, vi, data = pritz, control = ctl)))
tf_out("pritz.tf_r0", trimfill(rma(yi, vi, data = pritz, control = ctl), estimator = "R0"))

# ---- Hine (RD, k = 6): exact Kendall p for small n; Egger with few studies -----------------
rank_out("hine.rank", ranktest(rma(yi, vi, data = hine, control = ctl)))
egger_out("hine.egger_lm", regtest(rma(yi, vi, data = hine, control = ctl, method = "FE"), model = "lm"))

# ---- Molloy (Fisher z): tied variances, so cor.test uses the normal approximation ---------
rank_out("molloy.rank", ranktest(rma(yi, vi, data = molloy, control = ctl)))

# ---- Synthetic, no ties: metafor passes exact = TRUE, so n = 60 still uses the exact law ---
rank_out("s60.rank", ranktest(s60$yi, s60$vi))
# n = 200: metafor's exact p is NaN (n! overflows); the exact law computed on probabilities:
pk <- function(n) { p <- 1; for (i in 2:n) { m <- length(p); q <- numeric(m + i - 1)
  for (j in 0:(i - 1)) q[(1:m) + j] <- q[(1:m) + j] + p; p <- q / i }; p }
wi <- 1 / s200$vi
ystar <- (s200$yi - weighted.mean(s200$yi, wi)) / sqrt(s200$vi - 1 / sum(wi))
r200 <- cor(ystar, s200$vi, method = "kendall")
n <- 200
q <- round((r200 + 1) * n * (n - 1) / 4)
d <- pk(n)
p1 <- if (q > n * (n - 1) / 4) sum(d[(q + 1):length(d)]) else sum(d[1:(q + 1)])
out("s200.rank.tau", r200)
out("s200.rank.p_exact", min(2 * p1, 1))
out("s200.rank.p_metafor", ranktest(s200$yi, s200$vi)$pval)

# ---- Funnel contours: normal quantiles used by funnel(level = c(90, 95, 99)) ---------------
out("funnel.z", qnorm(c(0.10, 0.05, 0.01) / 2, lower.tail = FALSE))
fh <- rma(yi, vi, data = hack, control = ctl)
out("hack.tau2", fh$tau2)
out("hack.estimate", fh$beta)
