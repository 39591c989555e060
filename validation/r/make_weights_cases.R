# Reference cases of analysis `pairwise` (and `regression_tests` for a weighted meta-regression) for
# metafor's remaining rma.uni estimation options: the median-unbiased Paule-Mandel estimator (PMM), the
# generalised Q-statistic estimators with user weights (GENQ and its median-unbiased version GENQM), a
# tau² fixed by the user (tau2=), user weights (weights=) and unweighted estimation (weighted=FALSE),
# with metafor 3.8.1.
#
# GENQM: metafor computes the distribution of the generalised Q statistic with CompQuadForm::farebrother,
# which is not packaged for this system. The reference tau² is computed here in plain R from the
# published formulas instead: Q = Y'PY with P = A - AX(X'AX)^-1X'A is distributed as sum(lambda_j chi2_1)
# over the k - p non-zero eigenvalues of (V + tau2)^1/2 P (V + tau2)^1/2 (Jackson 2013, J Stat Plan
# Inference 143:1174), its distribution function by Imhof's (1961, Biometrika 48:419) integral with
# integrate() over the periods of its oscillation until Imhof's bound on the rest is below 1e-14, checked
# against Ruben's (1962) series to 1e-10, and tau² by uniroot to 1e-14
# (metafor's GENQM solves the same equation, P(Q <= Y'PY) = 0.5). The other outputs are metafor's own for
# that tau² (rma(..., method = "GENQ", tau2 = tau2.genqm): its standard error formula is the one of GENQM).
# Usage: Rscript validation/r/make_weights_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

pooled <- function(res) {
  pr <- predict(res)
  out <- list(estimate = res$beta[1], se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub, p = res$pval, q = res$QE,
              q_df = res$k - res$p, q_p = res$QEp, i2 = res$I2, h2 = res$H2, tau2 = res$tau2, tau = sqrt(res$tau2),
              pi_lower = pr$pi.lb, pi_upper = pr$pi.ub, tau2_se = res$se.tau2, weights = unname(weights(res)))
  if (res$test == "knha") { out$t <- res$zval; out$df <- res$k - res$p } else out$z <- res$zval
  if (res$method == "FE") out[c("pi_lower", "pi_upper", "tau2_se")] <- NULL
  out
}
write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "pairwise", data, options, expected)

imhof_cdf <- function(q, lambda) {
  # Imhof's integral over successive periods of its oscillation (4 pi / q), each by integrate(rel.tol = 1e-10, abs.tol = 1e-14),
  # until Imhof's bound on the rest, 1 / (pi n/2 U^(n/2) prod(lambda)^(1/2)), is below 1e-14
  n <- length(lambda)
  integrand <- function(u) sapply(u, function(x) {
    if (x == 0) return(0.5 * sum(lambda) - 0.5 * q)
    sin(0.5 * sum(atan(lambda * x)) - 0.5 * q * x) / (x * prod((1 + lambda^2 * x^2)^0.25))
  })
  len <- 4 * pi / q; lo <- 0; total <- 0
  repeat {
    total <- total + integrate(integrand, lo, lo + len, rel.tol = 1e-10, abs.tol = 1e-14)$value
    lo <- lo + len
    if (1 / (pi * n / 2 * lo^(n / 2) * prod(sqrt(lambda))) < 1e-14) break
  }
  1 - (0.5 + total / pi)
}
ruben_cdf <- function(q, lambda) {
  beta <- min(lambda); gam <- 1 - beta / lambda; n <- length(lambda)
  cc <- prod(sqrt(beta / lambda)); g <- numeric(0); total <- cc * pchisq(q / beta, n); s <- cc
  for (m in 1:20000) {
    g[m] <- 0.5 * sum(gam^m)
    cm <- sum(g[m:1] * cc[1:m]) / m
    cc <- c(cc, cm); s <- s + cm
    f <- pchisq(q / beta, n + 2 * m)
    total <- total + cm * f
    if ((1 - s) * f < 1e-15) break
  }
  total
}
genqm_tau2 <- function(yi, vi, a, X = cbind(rep(1, length(yi)))) {
  k <- length(yi); p <- ncol(X)
  A <- diag(a); P <- A - A %*% X %*% solve(t(X) %*% A %*% X) %*% t(X) %*% A
  rss <- c(t(yi) %*% P %*% yi)
  lam <- function(t) { S <- diag(sqrt(vi + t)); eigen(S %*% P %*% S, symmetric = TRUE)$values[seq_len(k - p)] }
  f <- function(t) imhof_cdf(rss, lam(t)) - 0.5
  for (t in c(0, 0.1, 1)) {
    d <- abs(imhof_cdf(rss, lam(t)) - ruben_cdf(rss, lam(t)))
    if (d > 1e-10) stop(sprintf("Imhof and Ruben disagree by %g at tau2 = %g", d, t))
  }
  if (f(0) < 0) return(0)
  hi <- max(100, 10 * mad(yi)^2)
  uniroot(f, c(0, hi), tol = 1e-14)$root
}

bcg <- dat.bcg
bcgd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                   events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg, n = bcg$tpos + bcg$tneg + bcg$cpos + bcg$cneg,
                   ablat = bcg$ablat)
bes <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
nm <- dat.normand1999
nd <- data.frame(study = nm$source, mean_treat = nm$m1i, sd_treat = nm$sd1i, n_treat = nm$n1i, mean_ctrl = nm$m2i,
                 sd_ctrl = nm$sd2i, n_ctrl = nm$n2i, n = nm$n1i + nm$n2i)
nes <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi, quality = rep(c(1, 2, 3), length.out = nrow(hk)))
cc <- list(add = 0.5, to = "only0", drop00 = FALSE)
tight <- list(threshold = 1e-12, tol = 1e-15, maxiter = 10000)
sets <- list(bcg = list(bcgd, "RR", bes, "BCG trials, log RR"), normand = list(nd, "MD", nes, "Stroke-unit length of stay, MD"),
             hackshaw = list(hd, NULL, hd, "Passive smoking, log OR (precomputed)"))
opts <- function(s, ...) { o <- list(model = "random", ci_method = "z", continuity = cc, ...); if (!is.null(s[[2]])) o$measure <- s[[2]]; o }

# PMM: Q(tau2) = qchisq(0.5, k - 1), solved by metafor's uniroot to tol 1e-15
for (nm in names(sets)) {
  s <- sets[[nm]]
  res <- rma(yi, vi, data = s[[3]], method = "PMM", control = tight)
  write_case(sprintf("wt_%s_pmm", nm), sprintf("%s, median-unbiased Paule-Mandel (PMM)", s[[4]]),
             "rma(yi, vi, method='PMM', control=list(tol=1e-15))", s[[1]], opts(s, tau2_method = "PMM"), pooled(res))
}
# GENQ with sample-size weights (BCG, stroke units) and quality weights (passive smoking)
wcol <- list(bcg = "n", normand = "n", hackshaw = "quality")
for (nm in names(sets)) {
  s <- sets[[nm]]; a <- s[[1]][[wcol[[nm]]]]
  res <- rma(yi, vi, weights = a, data = s[[3]], method = "GENQ")
  write_case(sprintf("wt_%s_genq", nm), sprintf("%s, generalised Q estimator with weights %s (GENQ)", s[[4]], wcol[[nm]]),
             sprintf("rma(yi, vi, weights=%s, method='GENQ')", wcol[[nm]]), s[[1]], opts(s, tau2_method = "GENQ", weights = wcol[[nm]]), pooled(res))
}
# GENQM (see the header): tau2 from the plain-R computation, the rest from metafor at that tau2
for (nm in names(sets)) {
  s <- sets[[nm]]; a <- s[[1]][[wcol[[nm]]]]
  t2 <- genqm_tau2(s[[3]]$yi, s[[3]]$vi, a)
  res <- rma(yi, vi, weights = a, data = s[[3]], method = "GENQ", tau2 = t2)
  e <- pooled(res)
  write_case(sprintf("wt_%s_genqm", nm), sprintf("%s, median-unbiased generalised Q estimator with weights %s (GENQM)", s[[4]], wcol[[nm]]),
             sprintf("tau2 solving P(Q <= Y'PY) = 0.5 (Imhof, plain R; metafor's GENQM equation), then rma(yi, vi, weights=%s, method='GENQ', tau2=%.17g)", wcol[[nm]], t2),
             s[[1]], opts(s, tau2_method = "GENQM", weights = wcol[[nm]]), e)
}
# tau2 fixed by the user, with the estimator's standard error formula at the fixed value
for (f in list(list("bcg", 0.1, "REML"), list("normand", 50, "DL"), list("hackshaw", 0, "REML"))) {
  s <- sets[[f[[1]]]]
  res <- rma(yi, vi, data = s[[3]], tau2 = f[[2]], method = f[[3]])
  write_case(sprintf("wt_%s_fixed_tau2", f[[1]]), sprintf("%s, tau2 fixed at %g (%s standard error)", s[[4]], f[[2]], f[[3]]),
             sprintf("rma(yi, vi, tau2=%g, method='%s')", f[[2]], f[[3]]), s[[1]], opts(s, tau2_method = f[[3]], tau2 = f[[2]]), pooled(res))
}
# user weights with REML tau2 (z and Hartung-Knapp), and a fixed-effect model with user weights
for (nm in names(sets)) {
  s <- sets[[nm]]; a <- s[[1]][[wcol[[nm]]]]
  res <- rma(yi, vi, weights = a, data = s[[3]], control = tight)
  write_case(sprintf("wt_%s_user_weights", nm), sprintf("%s, REML with user weights %s", s[[4]], wcol[[nm]]),
             sprintf("rma(yi, vi, weights=%s)", wcol[[nm]]), s[[1]], opts(s, tau2_method = "REML", weights = wcol[[nm]]), pooled(res))
  res <- rma(yi, vi, weights = a, data = s[[3]], test = "knha", control = tight)
  o <- opts(s, tau2_method = "REML", weights = wcol[[nm]]); o$ci_method <- "knha"
  write_case(sprintf("wt_%s_user_weights_knha", nm), sprintf("%s, REML with user weights %s, Hartung-Knapp", s[[4]], wcol[[nm]]),
             sprintf("rma(yi, vi, weights=%s, test='knha')", wcol[[nm]]), s[[1]], o, pooled(res))
}
res <- rma(yi, vi, weights = n, data = bes, method = "FE")
o <- opts(sets$bcg, weights = "n"); o$model <- "fixed"
write_case("wt_bcg_fixed_user_weights", "BCG trials, log RR, fixed-effect model with sample-size weights",
           "rma(yi, vi, weights=n, method='FE')", bcgd, o, pooled(res))
# unweighted estimation (weighted=FALSE), z and Hartung-Knapp; GENQ with weights used for tau2 only
for (nm in names(sets)) {
  s <- sets[[nm]]
  res <- rma(yi, vi, data = s[[3]], weighted = FALSE, control = tight)
  write_case(sprintf("wt_%s_unweighted", nm), sprintf("%s, REML, unweighted estimate", s[[4]]),
             "rma(yi, vi, weighted=FALSE)", s[[1]], opts(s, tau2_method = "REML", weighted = FALSE), pooled(res))
  res <- rma(yi, vi, data = s[[3]], weighted = FALSE, test = "knha", control = tight)
  o <- opts(s, tau2_method = "REML", weighted = FALSE); o$ci_method <- "knha"
  write_case(sprintf("wt_%s_unweighted_knha", nm), sprintf("%s, REML, unweighted estimate, Hartung-Knapp", s[[4]]),
             "rma(yi, vi, weighted=FALSE, test='knha')", s[[1]], o, pooled(res))
}
res <- rma(yi, vi, weights = n, data = bes, method = "GENQ", weighted = FALSE)
write_case("wt_bcg_genq_unweighted", "BCG trials, log RR, GENQ with sample-size weights for tau2, unweighted estimate",
           "rma(yi, vi, weights=n, method='GENQ', weighted=FALSE)", bcgd, opts(sets$bcg, tau2_method = "GENQ", weights = "n", weighted = FALSE), pooled(res))

# fit statistics and coefficient covariance (the sandwich with user or unit weights; tau2 not counted when fixed)
fstats <- function(res) {
  f <- res$fit.stats
  list(estimate = as.numeric(res$beta), tau2 = res$tau2,
       ll_ml = f["ll", "ML"], dev_ml = f["dev", "ML"], aic_ml = f["AIC", "ML"], bic_ml = f["BIC", "ML"], aicc_ml = f["AICc", "ML"],
       ll_reml = f["ll", "REML"], dev_reml = f["dev", "REML"], aic_reml = f["AIC", "REML"], bic_reml = f["BIC", "REML"], aicc_reml = f["AICc", "REML"],
       vcov = unname(vcov(res)))
}
fs_case <- function(id, title, call, data, options, res) write_case_file(id, title, call, "fit_statistics", data, options, fstats(res), matrix = "rowmajor")
fs_case("wt_fit_bcg_ablat_user_weights", "BCG trials, log RR ~ latitude, REML with sample-size weights: fit statistics and vcov",
        "rma(yi, vi, mods=~ablat, weights=n)", bcgd, opts(sets$bcg, tau2_method = "REML", weights = "n", moderators = "ablat"),
        rma(yi, vi, mods = ~ablat, weights = n, data = bes, control = tight))
fs_case("wt_fit_bcg_ablat_unweighted", "BCG trials, log RR ~ latitude, REML, unweighted estimate: fit statistics and vcov",
        "rma(yi, vi, mods=~ablat, weighted=FALSE)", bcgd, opts(sets$bcg, tau2_method = "REML", weighted = FALSE, moderators = "ablat"),
        rma(yi, vi, mods = ~ablat, weighted = FALSE, data = bes, control = tight))
fs_case("wt_fit_bcg_ablat_genq", "BCG trials, log RR ~ latitude, GENQ with sample-size weights: fit statistics and vcov",
        "rma(yi, vi, mods=~ablat, weights=n, method='GENQ')", bcgd, opts(sets$bcg, tau2_method = "GENQ", weights = "n", moderators = "ablat"),
        rma(yi, vi, mods = ~ablat, weights = n, data = bes, method = "GENQ"))
fs_case("wt_fit_bcg_fixed_tau2", "BCG trials, log RR, tau2 fixed at 0.1: fit statistics (tau2 not a parameter)",
        "rma(yi, vi, tau2=0.1)", bcgd, opts(sets$bcg, tau2_method = "REML", tau2 = 0.1),
        rma(yi, vi, tau2 = 0.1, data = bes))
fs_case("wt_fit_normand_user_weights", "Stroke-unit length of stay, MD, REML with sample-size weights: fit statistics",
        "rma(yi, vi, weights=n)", nd, opts(sets$normand, tau2_method = "REML", weights = "n"),
        rma(yi, vi, weights = n, data = nes, control = tight))

# a weighted meta-regression as metafor prints it (coefficients, QM, QE, residual tau2, pseudo-R2 with the same weights)
mr <- function(res) {
  co <- list()
  for (j in seq_along(res$beta)) co[[c("intercept", rownames(res$beta)[-1])[j]]] <- list(estimate = res$beta[j], se = res$se[j], z_or_t = res$zval[j], p = res$pval[j])
  list(coefficients = co, qm = res$QM, qm_df = res$QMdf[1], qm_p = res$QMp, qe = res$QE, qe_df = res$k - res$p, qe_p = res$QEp,
       tau2 = res$tau2, r2 = res$R2)
}
for (v in list(list("user_weights", "weights=n", list(weights = "n")), list("unweighted", "weighted=FALSE", list(weighted = FALSE)),
               list("genq", "weights=n, method='GENQ'", list(weights = "n", tau2_method = "GENQ")))) {
  args <- list(yi = bes$yi, vi = bes$vi, mods = ~ablat, data = bes, control = tight)
  if (!is.null(v[[3]]$weights)) args$weights <- bes$n
  if (isFALSE(v[[3]]$weighted)) args$weighted <- FALSE
  if (!is.null(v[[3]]$tau2_method)) args$method <- v[[3]]$tau2_method
  res <- do.call(rma, args)
  o <- c(opts(sets$bcg, tau2_method = "REML", moderators = "ablat"), v[[3]])
  o <- o[!duplicated(names(o), fromLast = TRUE)]
  write_case_file(sprintf("wt_mr_bcg_ablat_%s", v[[1]]), sprintf("BCG trials, log RR ~ latitude, %s", v[[2]]),
                  sprintf("rma(yi, vi, mods=~ablat, %s)", v[[2]]), "metaregression", bcgd, o, mr(res))
}

# a start value for the iterative estimators (control=list(tau2.init=)): SJ's first step, SJIT, DLIT, and Fisher scoring
for (f in list(list("bcg", "SJ", 0.5), list("hackshaw", "SJIT", 0.01), list("normand", "DLIT", 100), list("normand", "REML", 10))) {
  s <- sets[[f[[1]]]]
  res <- rma(yi, vi, data = s[[3]], method = f[[2]], control = c(tight, list(tau2.init = f[[3]])))
  write_case(sprintf("wt_%s_%s_init", f[[1]], tolower(f[[2]])), sprintf("%s, %s started at tau2 = %g", s[[4]], f[[2]], f[[3]]),
             sprintf("rma(yi, vi, method='%s', control=list(tau2.init=%g, threshold=1e-12))", f[[2]], f[[3]]), s[[1]],
             opts(s, tau2_method = f[[2]], tau2_init = f[[3]]), pooled(res))
}
