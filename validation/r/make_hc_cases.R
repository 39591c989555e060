# Reference cases of analysis `henmi_copas`: the Henmi-Copas interval (Henmi and Copas 2010, Stat Med
# 29:2969), metafor 3.8.1's hc(). metafor solves its equation with integrate() and uniroot() at their
# default tolerances (about 1e-4), too loose for a reference at 1e-6; the same formulas (those of
# hc.rma.uni) are evaluated here with integrate(rel.tol = 1e-13) and uniroot(tol = 1e-15), and each case
# is checked to agree with metafor's own hc() to 1e-3 (relative to 1 + |value|).
# Usage: Rscript validation/r/make_hc_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

hc_tight <- function(yi, vi, level = 0.95) {
  k <- length(yi); alpha <- 1 - level
  wi <- 1 / vi; W1 <- sum(wi); W2 <- sum(wi^2) / W1; W3 <- sum(wi^3) / W1; W4 <- sum(wi^4) / W1
  beta <- sum(wi * yi) / W1
  Q <- sum(wi * ((yi - beta)^2))
  tau2 <- max(0, (Q - (k - 1)) / (W1 - W2))
  se <- sqrt((tau2 * W2 + 1) / W1)
  VR <- 1 + tau2 * W2; SDR <- sqrt(VR)
  EQ <- function(r) (k - 1) + tau2 * (W1 - W2) + (tau2^2) * ((1 / VR^2) * (r^2) - 1 / VR) * (W3 - W2^2)
  VQ <- function(r) {
    rsq <- r^2; recipvr2 <- 1 / VR^2
    2 * (k - 1) + 4 * tau2 * (W1 - W2) + 2 * tau2^2 * (W1 * W2 - 2 * W3 + W2^2) +
      4 * tau2^2 * (recipvr2 * rsq - 1 / VR) * (W3 - W2^2) +
      4 * tau2^3 * (recipvr2 * rsq - 1 / VR) * (W4 - 2 * W2 * W3 + W2^3) +
      2 * tau2^4 * (recipvr2 - 2 * (1 / VR^3) * rsq) * (W3 - W2^2)^2
  }
  finv <- function(f) (W1 / W2 - 1) * ((f^2) - 1) + (k - 1)
  eqn <- function(x) {
    integrand <- function(r) pgamma(finv(r / x), scale = VQ(SDR * r) / EQ(SDR * r), shape = EQ(SDR * r)^2 / VQ(SDR * r)) * dnorm(r)
    integrate(integrand, lower = x, upper = Inf, rel.tol = 1e-13, abs.tol = 0)$value - alpha / 2
  }
  t0 <- uniroot(eqn, lower = 1e-300, upper = 2, tol = 1e-15, maxiter = 10000)$root
  u0 <- SDR * t0
  list(estimate = beta, se = se, ci_lower = beta - u0 * se, ci_upper = beta + u0 * se, tau2 = tau2, u0 = u0)
}

bcg <- dat.bcg
bcgd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                   events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg)
bes <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi)
nm <- dat.normand1999
nd <- data.frame(study = nm$source, mean_treat = nm$m1i, sd_treat = nm$sd1i, n_treat = nm$n1i, mean_ctrl = nm$m2i,
                 sd_ctrl = nm$sd2i, n_ctrl = nm$n2i)
nes <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
# five trials that agree (DL tau2 = 0): the interval is then the fixed-effect one widened by nothing
hom <- data.frame(study = paste("Trial", 1:5), yi = c(0.40, 0.52, 0.35, 0.47, 0.44), vi = c(0.04, 0.06, 0.05, 0.08, 0.03))
cc <- list(add = 0.5, to = "only0", drop00 = FALSE)
for (s in list(list("bcg_rr", bcgd, bes, "RR", 0.95, "BCG trials, log RR"),
               list("hackshaw", hd, hd, NULL, 0.95, "Passive smoking, log OR (precomputed)"),
               list("hackshaw_90", hd, hd, NULL, 0.90, "Passive smoking, log OR, 90% interval"),
               list("normand_md", nd, nes, "MD", 0.95, "Stroke-unit length of stay, MD"),
               list("homogeneous", hom, hom, NULL, 0.95, "Five agreeing trials (tau2 = 0)"))) {
  e <- hc_tight(s[[3]]$yi, s[[3]]$vi, s[[5]])
  m <- hc(rma(yi, vi, data = s[[3]], level = 100 * s[[5]]))
  d <- max(abs(c(m$beta - e$estimate, m$se - e$se, m$ci.lb - e$ci_lower, m$ci.ub - e$ci_upper, m$tau2 - e$tau2)) /
             (1 + abs(c(e$estimate, e$se, e$ci_lower, e$ci_upper, e$tau2))))
  if (d > 1e-3) stop(sprintf("%s: the tight computation differs from metafor's hc() by %g", s[[1]], d))
  o <- list(level = s[[5]], continuity = cc)
  if (!is.null(s[[4]])) o$measure <- s[[4]]
  write_case_file(sprintf("hc_%s", s[[1]]), sprintf("%s: Henmi-Copas interval", s[[6]]),
                  sprintf("hc(rma(yi, vi, level=%g)), its equation solved with integrate(rel.tol=1e-13) and uniroot(tol=1e-15); agrees with hc() to %.1g", 100 * s[[5]], d),
                  "henmi_copas", s[[2]], o, e)
}
