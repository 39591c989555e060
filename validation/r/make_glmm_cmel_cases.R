# Reference cases of the conditional logistic model with the exact likelihood (metafor rma.glmm(measure = "OR",
# model = "CM.EL"); analysis "glmm_binary", option model = "CM.EL"): each trial's events in the treatment arm given
# both arms' totals and its total events follow Fisher's non-central hypergeometric distribution with the trial's odds
# ratio exp(theta_i) (van Houwelingen et al. 1993, Stat Med 12:2273-2284; Stijnen, Hamza and Ozdemir 2010, Stat Med
# 29:3046-3067); theta_i = mu (method "FE") or theta_i ~ N(mu, tau^2) (method "ML", each trial's likelihood integrated
# over theta_i).
# Computed here in plain R from these formulas, to precision: the distribution summed over its support, each trial's
# integral and its posterior moments by integrate() (relative tolerance 1e-12) over 40 curvature units around the
# integrand's mode; ML by optim then Newton's method with the analytic gradient and Hessian in (mu, log tau^2) (the
# normal density's score and second derivatives averaged over each trial's posterior, Louis 1982); standard errors
# from that Hessian, in the parameters metafor takes its numerical Hessian in (numDeriv beside it, printed, agrees to
# its own precision of about 1e-5); the fixed-effect estimate as the root of the score. The heterogeneity tests are
# metafor's: the
# likelihood-ratio test against the model with one odds ratio per trial, and the Wald test of equal odds ratios in
# that model, here exactly: sum of w_i (theta_i - weighted mean)^2 with theta_i each trial's conditional MLE and w_i
# its observed information (the variance of the distribution at theta_i); a trial whose MLE is infinite (a zero cell)
# adds nothing to the Wald statistic (metafor drops it when its optimiser reaches the clipping of the odds ratio at
# 1e12) and log 1 = 0 to the saturated log-likelihood; df = k - 1 (metafor).
# metafor 3.8.1 itself is run beside each case (printed): estimate, tau^2, log-likelihood and LRT agree to 1e-8;
# its standard errors from numDeriv of an integrate()-based likelihood move by 1e-4 between its own settings, and its
# Wald statistic, from the Hessian of the saturated model in all k parameters, is 162.93 (dnoncenhypergeom) or 268.61
# (dFNCHypergeo, its default) on dat.bcg where the exact value is 163.09.
# Usage: Rscript validation/r/make_glmm_cmel_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages({library(metadat); library(numDeriv)})

# log of the probability of a events given the margins, the odds ratio exp(th); and the mean and variance of the events
nch <- function(a, n1, n2, th) {
  m1 <- a$m1
  x <- max(0, m1 - n2):min(n1, m1)
  lc <- lchoose(n1, x) + lchoose(n2, m1 - x) + x * th
  mx <- max(lc); p <- exp(lc - mx); s <- sum(p); p <- p / s
  list(lp = lc[x == a$a] - mx - log(s), m = sum(x * p), v = sum(x^2 * p) - sum(x * p)^2, bound = a$a == min(x) || a$a == max(x))
}
trial <- function(d, i) list(a = d$xt[i], m1 = d$xt[i] + d$xc[i])

# one trial's marginal likelihood, the integral of P(a | th) N(th; mu, tau^2) d th, with the posterior moments
# E[d^j], d = th - mu, j = 1..4 (each an integral by integrate(), relative tolerance 1e-12)
lmarg <- function(d, i, mu, tau) {
  tr <- trial(d, i)
  g <- function(th) sapply(th, function(t) nch(tr, d$nt[i], d$nc[i], t)$lp) + dnorm(th, mu, tau, log = TRUE)
  gp <- function(th) tr$a - nch(tr, d$nt[i], d$nc[i], th)$m - (th - mu) / tau^2
  mode <- uniroot(gp, c(mu - 40 * tau - 40, mu + 40 * tau + 40), tol = 1e-14)$root
  s <- 1 / sqrt(nch(tr, d$nt[i], d$nc[i], mode)$v + 1 / tau^2); gm <- g(mode)
  I <- sapply(0:4, function(j) integrate(function(th) exp(g(th) - gm) * (th - mu)^j, mode - 40 * s, mode + 40 * s,
                                         rel.tol = 1e-12, subdivisions = 2000L)$value)
  list(ll = gm + log(I[1]), e = I[2:5] / I[1])
}
# log-likelihood, gradient and Hessian in (mu, rho = log tau^2): the score of the normal density averaged over each
# trial's posterior, and the Hessian E[d2 log phi] + Var[score] (Louis 1982)
ll_ml <- function(d, p, derivs = FALSE) {
  t2 <- exp(p[2]); ll <- 0; G <- c(0, 0); H <- matrix(0, 2, 2)
  for (i in seq_len(nrow(d))) {
    m <- lmarg(d, i, p[1], sqrt(t2)); e <- m$e; ll <- ll + m$ll
    if (!derivs) next
    es <- c(e[1] / t2, -0.5 + e[2] / (2 * t2))
    ess <- matrix(c(e[2] / t2^2, -e[1] / (2 * t2) + e[3] / (2 * t2^2), -e[1] / (2 * t2) + e[3] / (2 * t2^2), 0.25 - e[2] / (2 * t2) + e[4] / (4 * t2^2)), 2, 2)
    ed2 <- matrix(c(-1 / t2, -e[1] / t2, -e[1] / t2, -e[2] / (2 * t2)), 2, 2)
    G <- G + es; H <- H + ed2 + ess - es %o% es
  }
  if (derivs) list(ll = ll, g = G, h = H) else ll
}
ll_fe <- function(d, mu) sum(sapply(seq_len(nrow(d)), function(i) nch(trial(d, i), d$nt[i], d$nc[i], mu)$lp))

heterogeneity <- function(d, llfe) {
  k <- nrow(d); th <- w <- rep(NA, k); lls <- 0
  for (i in seq_len(k)) {
    tr <- trial(d, i)
    if (nch(tr, d$nt[i], d$nc[i], 0)$bound) next   # infinite conditional MLE: sup log P = 0
    th[i] <- uniroot(function(t) tr$a - nch(tr, d$nt[i], d$nc[i], t)$m, c(-30, 30), tol = 1e-14)$root
    w[i] <- nch(tr, d$nt[i], d$nc[i], th[i])$v
    lls <- lls + nch(tr, d$nt[i], d$nc[i], th[i])$lp
  }
  ok <- !is.na(th); tb <- sum(w[ok] * th[ok]) / sum(w[ok])
  wald <- sum(w[ok] * (th[ok] - tb)^2); lrt <- 2 * (lls - llfe)
  list(qe_df = k - 1, qe_wald = wald, qe_wald_p = pchisq(wald, k - 1, lower.tail = FALSE), qe_lrt = lrt,
       qe_lrt_p = pchisq(lrt, k - 1, lower.tail = FALSE), infinite = sum(!ok))
}

cmel_case <- function(id, title, d, method) {
  score <- function(m) sum(sapply(seq_len(nrow(d)), function(i) { tr <- trial(d, i); tr$a - nch(tr, d$nt[i], d$nc[i], m)$m }))
  fe <- list(maximum = uniroot(score, c(-10, 10), tol = 1e-15)$root)
  llfe <- ll_fe(d, fe$maximum)
  het <- heterogeneity(d, llfe)
  if (method == "FE") {
    est <- fe$maximum
    se <- 1 / sqrt(sum(sapply(seq_len(nrow(d)), function(i) nch(trial(d, i), d$nt[i], d$nc[i], est)$v)))
    tau2 <- 0; tau2se <- NULL; ll <- llfe
  } else {
    o <- optim(c(fe$maximum, log(0.1)), function(p) -ll_ml(d, p), method = "BFGS", control = list(reltol = 1e-14, maxit = 2000))
    p <- o$par
    for (it in 1:50) {   # Newton with the analytic gradient and Hessian
      D <- ll_ml(d, p, TRUE); st <- -solve(D$h, D$g); p <- p + st
      if (max(abs(st)) < 1e-13) break
    }
    D <- ll_ml(d, p, TRUE)
    cat(sprintf("%s: gradient at the optimum %.3g %.3g; numDeriv check of se %.10f\n", id, D$g[1], D$g[2],
                sqrt(solve(-hessian(function(q) ll_ml(d, q), p, method.args = list(d = 1e-2, r = 6)))[1, 1])))
    V <- solve(-D$h); o <- list(par = p, value = -D$ll)
    est <- o$par[1]; se <- sqrt(V[1, 1]); tau2 <- exp(o$par[2]); tau2se <- sqrt(V[2, 2]) * tau2; ll <- -o$value
  }
  z <- est / se
  e <- list(estimate = est, se = se, z = z, p = 2 * pnorm(-abs(z)), ci_lower = est - qnorm(0.975) * se, ci_upper = est + qnorm(0.975) * se,
            tau2 = tau2, loglik = ll, k = nrow(d), qe_df = het$qe_df, qe_wald = het$qe_wald, qe_wald_p = het$qe_wald_p,
            qe_lrt = het$qe_lrt, qe_lrt_p = het$qe_lrt_p)
  if (!is.null(tau2se)) e$tau2_se <- tau2se
  # metafor beside it
  mf <- tryCatch(rma.glmm(measure = "OR", ai = d$xt, n1i = d$nt, ci = d$xc, n2i = d$nc, model = "CM.EL", method = method,
                          control = list(dnchgcalc = "dnoncenhypergeom", intCtrl = list(rel.tol = 1e-12, subdivisions = 1000L))),
                 error = function(err) NULL)
  if (!is.null(mf)) cat(sprintf("%s: metafor CM.EL estimate %.10f (here %.10f), se %.8f (%.8f), tau2 %.10f (%.10f), logLik %.10f (%.10f), LRT %.8f (%.8f), Wald %.6f (%.6f)\n",
                                id, mf$beta, est, mf$se, se, mf$tau2, tau2, logLik(mf), ll, mf$QE.LRT, het$qe_lrt, mf$QE.Wld, het$qe_wald))
  data <- data.frame(study = d$study, events_treat = d$xt, total_treat = d$nt, events_ctrl = d$xc, total_ctrl = d$nc)
  write_case_file(id, title, paste0("exact conditional likelihood of validation/r/make_glmm_cmel_cases.R (integrate rel.tol 1e-12, Newton, ",
                  "analytic Hessian in (mu, log tau2)); the model of metafor rma.glmm(measure = 'OR', model = 'CM.EL', method = '",
                  method, "')", if (het$infinite > 0) sprintf("; %d trial(s) with an infinite conditional MLE left out of the Wald test", het$infinite) else ""),
                  "glmm_binary", data, list(measure = "OR", model = "CM.EL", method = method), e, tol = list(relative = 1e-5, absolute = 1e-8))
}

b <- dat.bcg
bcg <- data.frame(study = paste(b$author, b$year), xt = b$tpos, nt = b$tpos + b$tneg, xc = b$cpos, nc = b$cpos + b$cneg)
cmel_case("glmm_bcg_cmel", "BCG vaccine (13 trials): conditional model with the exact likelihood, random effects (ML)", bcg, "ML")
cmel_case("glmm_bcg_cmel_fe", "BCG vaccine (13 trials): conditional model with the exact likelihood, fixed effect", bcg, "FE")
nw <- dat.nielweise2007
nw <- nw[!(nw$ai == 0 & nw$ci == 0), ]
niel <- data.frame(study = paste(nw$author, nw$year), xt = nw$ai, nt = nw$n1i, xc = nw$ci, nc = nw$n2i)
cmel_case("glmm_nielweise_cmel", "Catheter-related infection (Niel-Weise 2007): conditional exact likelihood (ML), zero cells without correction", niel, "ML")
