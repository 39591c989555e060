# Reference cases of analysis `permci`: permutation-based confidence intervals as metafor 3.8.1's
# permutest(exact = TRUE, permci = TRUE) defines them: the bounds of coefficient j are the values b at which
# the exact permutation test of the model fitted to yi - b * x_j has two-sided p equal to 1 - level. The p-value
# is a step function of b; metafor finds a point near its jump with uniroot() at its default tolerance
# (about 1e-4). Here the jump is located by bisection with permutest()'s own p-values to 1e-11 of the
# interval's scale (the end of the values not rejected), and each bound is checked against permci's own to 1e-3.
# Models without moderators only: for meta-regression coefficients the permutation p-value is not monotone
# in the shift with few permutations, so the equation has several roots and permci's answer depends on its
# search path.
# Usage: Rscript validation/r/make_permci_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

bound <- function(pfun, b, wald, alpha, side) {
  width <- abs(wald - b); out <- b + side * 2 * width; moves <- 0
  while (!(pfun(out) < alpha)) { moves <- moves + 1; if (moves > 30) return(NA); out <- out + side * width }
  inn <- b; tol <- 1e-11 * max(abs(b), width)
  while (abs(out - inn) > tol) { mid <- (inn + out) / 2; if (pfun(mid) < alpha) out <- mid else inn <- mid }
  inn
}
permci_case <- function(id, title, data, es, measure, mods = NULL, method = "REML") {
  tight <- list(threshold = 1e-12)
  fitf <- function(y) if (is.null(mods)) rma(y, es$vi, method = method, control = tight) else rma(y, es$vi, mods = as.formula(paste("~", paste(mods, collapse = "+"))), data = es, method = method, control = tight)
  res <- fitf(es$yi)
  X <- model.matrix(res)
  alpha <- 0.05
  lo <- hi <- numeric(ncol(X))
  for (j in seq_len(ncol(X))) {
    pfun <- function(val) permutest(fitf(es$yi - val * X[, j]), exact = TRUE, progbar = FALSE)$pval[j]
    lo[j] <- bound(pfun, res$beta[j], res$ci.lb[j], alpha, -1)
    hi[j] <- bound(pfun, res$beta[j], res$ci.ub[j], alpha, +1)
  }
  own <- permutest(res, exact = TRUE, permci = TRUE, progbar = FALSE)
  if (!identical(is.na(c(lo, hi)), is.na(c(own$ci.lb, own$ci.ub)))) stop(sprintf("%s: a bound is found by one computation only", id))
  d <- max(abs(c(own$ci.lb - lo, own$ci.ub - hi)) / (1 + abs(c(lo, hi))), na.rm = TRUE)
  if (d > 1e-3) stop(sprintf("%s: the bisection differs from permci by %g", id, d))
  o <- list(model = "random", tau2_method = method, ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE))
  if (!is.null(measure)) o$measure <- measure
  if (!is.null(mods)) o$moderators <- mods
  write_case_file(id, title, sprintf("permutest(%s, exact=TRUE, permci=TRUE), bounds located by bisection to 1e-11 (agree with permci to %.1g)",
                                     if (is.null(mods)) sprintf("rma(yi, vi, method='%s')", method) else sprintf("rma(yi, vi, mods=~%s, method='%s')", paste(mods, collapse = "+"), method), d),
                  "permci", data, o, list(estimate = I(c(res$beta)), ci_lower = I(lo), ci_upper = I(hi)), na = "null")
}
nm <- dat.normand1999
nd <- data.frame(study = nm$source, mean_treat = nm$m1i, sd_treat = nm$sd1i, n_treat = nm$n1i, mean_ctrl = nm$m2i, sd_ctrl = nm$sd2i, n_ctrl = nm$n2i)
nes <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
permci_case("pci_normand_md_reml", "Stroke-unit length of stay, MD, REML: permutation-based interval of the average effect", nd, nes, "MD")
permci_case("pci_normand_md_dl", "Stroke-unit length of stay, MD, DL: permutation-based interval of the average effect", nd, nes, "MD", method = "DL")
