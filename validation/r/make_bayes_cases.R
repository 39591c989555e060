# Reference cases of the Bayesian normal-normal random-effects meta-analysis beyond the shared corpus's (analysis
# "bayes", validation/FORMAT.md; added keys in validation/EXTRA-FORMAT.md): a half-Student-t and an exponential
# tau prior, Turner et al.'s empirical prior on the HERMES trials' published common odds ratios, a single trial,
# shortest credible intervals, the posterior mean and SD of tau and P(mu > t) for several t.
# Written in plain R from the model's definition (Roever 2020, J Stat Softw 93(6); no bayesmeta in Debian):
#   p(tau | y) is proportional to p(tau) p(y | tau), mu integrated out analytically (flat or normal prior);
#   mu | tau, y ~ N(m(tau), V(tau)); the posteriors of mu and of a new trial's effect are mixtures over p(tau | y).
# Every integral by stats::integrate (rel.tol 1e-12) on pieces split at quantiles of the prior and at multiples of
# the largest standard error; quantiles by uniroot (tol 1e-14); the shortest interval of a unimodal posterior solves
# f(Q(p + level)) = f(Q(p)) for p (uniroot), the lower end at 0 when the density of tau decreases from 0.
# Checked in this script: with one trial and a flat mu prior the posterior of tau is its prior (printed).
# Usage: Rscript validation/r/make_bayes_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages(library(metadat))
TOL <- 1e-12

dprior <- function(p) switch(p$type,
  half_normal = function(t) ifelse(t >= 0, 2 * dnorm(t, 0, p$scale), 0),
  half_student_t = function(t) ifelse(t >= 0, 2 * dt(t / p$scale, p$df) / p$scale, 0),
  exponential = function(t) ifelse(t >= 0, dexp(t, 1 / p$mean), 0),
  lognormal_tau2 = function(t) ifelse(t > 0, dlnorm(t, p$mean / 2, p$sd / 2), 0))
qprior <- function(p) switch(p$type,
  half_normal = function(u) p$scale * qnorm((1 + u) / 2),
  half_student_t = function(u) p$scale * qt((1 + u) / 2, p$df),
  exponential = function(u) qexp(u, 1 / p$mean),
  lognormal_tau2 = function(u) qlnorm(u, p$mean / 2, p$sd / 2))

model <- function(y, v, mu, tau) {
  dp <- dprior(tau); qp <- qprior(tau)
  flat <- mu$type == "flat"
  loglik <- function(t, mu0 = FALSE) sapply(t, function(ti) {
    s2 <- v + ti^2; w <- 1 / s2
    if (mu0) return(sum(dnorm(y, 0, sqrt(s2), log = TRUE)))
    if (flat) { m <- sum(w * y) / sum(w)
      return(-0.5 * (length(y) - 1) * log(2 * pi) - 0.5 * sum(log(s2)) - 0.5 * log(sum(w)) - 0.5 * sum(w * (y - m)^2)) }
    p0 <- 1 / mu$sd^2; prec <- sum(w) + p0; m <- (sum(w * y) + mu$mean * p0) / prec
    -0.5 * length(y) * log(2 * pi) - 0.5 * sum(log(s2)) - log(mu$sd) - 0.5 * log(prec) -
      0.5 * (sum(w * y^2) + mu$mean^2 * p0 - prec * m^2)
  })
  cm <- function(t) sapply(t, function(ti) { w <- 1 / (v + ti^2)
    if (flat) sum(w * y) / sum(w) else (sum(w * y) + mu$mean / mu$sd^2) / (sum(w) + 1 / mu$sd^2) })
  cv <- function(t) sapply(t, function(ti) 1 / (sum(1 / (v + ti^2)) + if (flat) 0 else 1 / mu$sd^2))
  # break points: prior quantiles and multiples of the standard errors
  br <- sort(unique(c(0, qp(c(1e-6, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999)), sqrt(max(v)) * c(0.1, 0.5, 1, 2, 4, 8)),
                    max(abs(y - mean(y))) * c(0.5, 1, 2)))
  br <- br[is.finite(br)]
  lmax <- max(log(dp(br[br > 0])) + loglik(br[br > 0]))
  g <- function(t) ifelse(dp(t) > 0, exp(log(pmax(dp(t), 1e-300)) + loglik(t) - lmax), 0)
  int <- function(f, a, b) integrate(f, a, b, rel.tol = TOL, abs.tol = 0, subdivisions = 5000L)$value
  ev <- function(f, upto = Inf) { e <- c(br[br < upto], upto); s <- 0
    for (j in seq_len(length(e) - 1)) s <- s + int(function(t) f(t) * g(t), e[j], e[j + 1]); s }
  Z <- ev(function(t) 1)
  post <- list(Z = Z, lmax = lmax, g = g, ev = ev, cm = cm, cv = cv, loglik = loglik, dp = dp)
  post$E <- function(f) ev(f) / Z
  post$tcdf <- function(x) ev(function(t) 1, x) / Z
  post$tdens <- function(x) g(x) / Z
  post$tq <- function(p) uniroot(function(x) post$tcdf(x) - p, c(0, 50 * max(br)), tol = TOL * 1e-2)$root
  post
}

mixture <- function(post, mean, var) {
  m <- post$E(function(t) mean(t)); s <- sqrt(post$E(function(t) var(t) + mean(t)^2) - m^2)
  cdf <- function(x) post$E(function(t) pnorm(x, mean(t), sqrt(var(t))))
  pdf <- function(x) post$E(function(t) dnorm(x, mean(t), sqrt(var(t))))
  q <- function(p) { a <- m - 15 * s; b <- m + 15 * s
    while (cdf(a) > p) a <- a - 15 * s
    while (cdf(b) < p) b <- b + 15 * s
    uniroot(function(x) cdf(x) - p, c(a, b), tol = 1e-14 * s)$root }
  list(mean = m, sd = s, cdf = cdf, pdf = pdf, q = q)
}

shortest <- function(q, f, level, zero_ok = FALSE) {
  h <- function(p) f(q(p + level)) - f(q(p))
  a <- 1e-8; b <- 1 - level - 1e-8
  if (zero_ok && h(a) <= 0) return(c(q(0), q(level)))
  p <- uniroot(h, c(a, b), tol = 1e-15)$root
  c(q(p), q(p + level))
}

make <- function(id, title, data, mu, tau, level = 0.95, thresholds = c(0)) {
  y <- data$yi; v <- data$vi
  post <- model(y, v, mu, tau)
  lo <- (1 - level) / 2; hi <- (1 + level) / 2
  mum <- mixture(post, post$cm, post$cv)
  pred <- mixture(post, post$cm, function(t) post$cv(t) + t^2)
  tmean <- post$E(function(t) t); tsd <- sqrt(post$E(function(t) t^2) - tmean^2)
  tq <- post$tq
  shrink <- sapply(seq_along(y), function(i) post$E(function(t) { b <- v[i] / (v[i] + t^2); b * post$cm(t) + (1 - b) * y[i] }))
  mu_sh <- shortest(mum$q, mum$pdf, level)
  tau_sh <- shortest(function(p) if (p <= 0) 0 else tq(p), post$tdens, level, zero_ok = TRUE)
  e <- list(mu_mean = mum$mean, mu_sd = mum$sd, mu_median = mum$q(0.5), mu_ci_lower = mum$q(lo), mu_ci_upper = mum$q(hi),
            mu_shortest_lower = mu_sh[1], mu_shortest_upper = mu_sh[2],
            tau_mean = tmean, tau_sd = tsd, tau_median = tq(0.5), tau_ci_lower = tq(lo), tau_ci_upper = tq(hi),
            tau_shortest_lower = tau_sh[1], tau_shortest_upper = tau_sh[2],
            predictive_mean = pred$mean, predictive_sd = pred$sd, predictive_ci_lower = pred$q(lo), predictive_ci_upper = pred$q(hi),
            prob_mu_negative = mum$cdf(0), exceedance = I(sapply(thresholds, function(x) 1 - mum$cdf(x))), shrinkage = I(shrink))
  if (mu$type == "normal") {
    e$marginal_likelihood <- post$Z * exp(post$lmax)
    e$bayes_factor_mu0 <- post$E(function(t) exp(post$loglik(t, TRUE) - post$loglik(t)))
  }
  write_case_file(id, title, paste("exact numerical integration of validation/r/make_bayes_cases.R (integrate rel.tol 1e-12,",
                  "uniroot tol 1e-14); the normal-normal model as bayesmeta (Roever 2020)"), "bayes", data,
                  list(mu_prior = mu, tau_prior = tau, level = level, thresholds = I(thresholds)), e,
                  tol = list(relative = 1e-6, absolute = 1e-9))
  invisible(e)
}

# HERMES trials of the early window, published common odds ratios of the mRS shift with 95% CIs (the bundled evidence
# base: ESCAPE 2.6 [1.7, 3.8], MR CLEAN 1.67 [1.21, 2.30], REVASCAT 1.7 [1.05, 2.8]); log scale, SE from the CI
cor <- data.frame(study = c("ESCAPE", "MR CLEAN", "REVASCAT"), est = c(2.6, 1.67, 1.7), lo = c(1.7, 1.21, 1.05), hi = c(3.8, 2.30, 2.8))
hermes <- data.frame(study = cor$study, yi = log(cor$est), vi = ((log(cor$hi) - log(cor$lo)) / (2 * qnorm(0.975)))^2)
# Turner et al. 2015 (Stat Med 34:984-998, Table IV): quality of life / functioning (dichotomised), non-pharmacological
# vs placebo / control: log tau^2 ~ N(-2.77, 1.73^2)
make("bayes_hermes_cor_turner", "HERMES early-window trials, published common ORs: Turner et al.'s prior (functioning, non-pharmacological vs control), flat mu prior, P(cOR > 1), P(cOR > 1.2)",
     hermes, list(type = "flat"), list(type = "lognormal_tau2", mean = -2.77, sd = 1.73), thresholds = log(c(1, 1.2)))

h <- dat.hine1989
es <- escalc("OR", ai = h$ai, n1i = h$n1i, ci = h$ci, n2i = h$n2i)
hine <- data.frame(study = h$source, yi = as.numeric(es$yi), vi = as.numeric(es$vi))
make("bayes_hine_or_halft_normalmu", "Lidocaine (6 trials), log OR: half-Student-t(scale 0.5, 3 df) tau prior, normal(0, 2) mu prior, 90% intervals",
     hine, list(type = "normal", mean = 0, sd = 2), list(type = "half_student_t", scale = 0.5, df = 3), level = 0.9, thresholds = c(0, log(1.5)))

n <- dat.normand1999
en <- escalc("MD", m1i = n$m1i, sd1i = n$sd1i, n1i = n$n1i, m2i = n$m2i, sd2i = n$sd2i, n2i = n$n2i)
normand <- data.frame(study = n$source, yi = as.numeric(en$yi), vi = as.numeric(en$vi))
make("bayes_normand_md_exponential", "Length of stay (Normand 1999, 9 trials), mean difference: exponential tau prior (mean 10), flat mu prior",
     normand, list(type = "flat"), list(type = "exponential", mean = 10), thresholds = c(0, -5))

one <- hine[1, ]
e1 <- make("bayes_single_trial_halfnormal", "One trial (Chopra et al.), log OR: half-normal(0.5) tau prior, flat mu prior: the posterior of tau is its prior",
           one, list(type = "flat"), list(type = "half_normal", scale = 0.5))
cat(sprintf("one trial: posterior median of tau %.15g, prior median %.15g\n", e1$tau_median, 0.5 * qnorm(0.75)))
