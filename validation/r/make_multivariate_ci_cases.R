# Profile-likelihood confidence intervals of the between-trial variances and correlations of multivariate models
# (analysis "multivariate" with option profile_ci, keys tau2_ci and rho_ci; validation/EXTRA-FORMAT.md), as metafor's
# confint.rma.mv defines them: rma.mv with the component fixed (tau2 = c(s, NA), rho = r) maximised over the others;
# the limits are the roots of 2 (logLik max - profile) = qchisq(level, 1) by uniroot at 1e-12 (a variance's lower
# limit 0 and a correlation's limit -1 or 1 when the profile there is still within).
# The data and models are those of the cases mv_berkey_* (validation/r/make_multivariate_cases.R).
# Usage: Rscript validation/r/make_multivariate_ci_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

mv_ci_case <- function(src, id, title, level = 0.95) {
  sc <- fromJSON(file.path("validation/extra", paste0(src, ".json")))
  d <- sc$data
  struct <- sc$options$struct; method <- sc$options$method
  d$outcome <- factor(d$outcome)
  oc <- levels(d$outcome)
  V <- bldiag(lapply(split(d, factor(d$study, levels = unique(d$study))), function(s) {
    s <- s[order(match(s$outcome, oc)), , drop = FALSE]   # rows of each trial in the data's order below
    as.matrix(s[, paste0("cov_", as.character(s$outcome)), drop = FALSE])
  }))
  d <- do.call(rbind, lapply(split(d, factor(d$study, levels = unique(d$study))), function(s) s[order(match(s$outcome, oc)), , drop = FALSE]))
  ctl <- list(rel.tol = 1e-10, iter.max = 10000, eval.max = 10000)
  fit <- function(tau2 = NULL, rho = NULL) {
    args <- list(yi = d$yi, V = V, mods = ~ outcome - 1, random = ~ outcome | study, struct = struct, data = d, method = method, control = ctl)
    if (!is.null(tau2)) args$tau2 <- tau2
    if (!is.null(rho)) args$rho <- rho
    do.call(rma.mv, args)
  }
  r <- fit()
  llmax <- as.numeric(logLik(r)); crit <- qchisq(level, 1)
  nt <- length(r$tau2); nr <- length(r$rho)
  g_tau <- function(j, s) { t <- rep(NA, nt); t[j] <- s; 2 * (llmax - as.numeric(logLik(fit(tau2 = t)))) - crit }
  g_rho <- function(j, s) { q <- rep(NA, nr); q[j] <- s
    v <- tryCatch(as.numeric(logLik(fit(rho = q))), error = function(e) -Inf); 2 * (llmax - v) - crit }
  tau2_ci <- lapply(seq_len(nt), function(j) {
    est <- r$tau2[j]; g <- function(s) g_tau(j, s)
    lo <- if (g(0) <= 0) 0 else uniroot(g, c(0, est), tol = 1e-12)$root
    hi <- est * 2; while (g(hi) < 0) hi <- hi * 2
    c(lo, uniroot(g, c(est, hi), tol = 1e-12)$root)
  })
  rho_ci <- lapply(seq_len(nr), function(j) {
    est <- r$rho[j]; g <- function(s) g_rho(j, s); e <- 1 - 1e-9
    c(if (g(-e) <= 0) -1 else uniroot(g, c(-e, est), tol = 1e-12)$root, if (g(e) <= 0) 1 else uniroot(g, c(est, e), tol = 1e-12)$root)
  })
  opts <- sc$options; opts$profile_ci <- TRUE; opts$level <- level
  write_case_file(id, title, sprintf("rma.mv(yi, V, mods = ~ outcome - 1, random = ~ outcome | study, struct = '%s', method = '%s'); rel.tol 1e-10; profile with tau2 or rho fixed, uniroot tol 1e-12",
                  struct, method), "multivariate", sc$data, opts,
                  list(tau2 = I(r$tau2), rho = I(r$rho), tau2_ci = tau2_ci, rho_ci = rho_ci, loglik = llmax),
                  tol = list(relative = 1e-4, absolute = 1e-7))
}
mv_ci_case("mv_berkey_un_reml", "mv_berkey_un_reml_ci", "Periodontal disease (Berkey 1998): UN by REML, profile-likelihood intervals of the variances and the correlation")
mv_ci_case("mv_berkey_hcs_ml", "mv_berkey_hcs_ml_ci90", "Periodontal disease (Berkey 1998): HCS by ML, 90% profile-likelihood intervals", level = 0.90)
