# Profile-likelihood confidence intervals of the variance components of three-level models (analysis "multilevel"
# with option profile_ci, key sigma2_ci; validation/EXTRA-FORMAT.md). metafor's confint.rma.mv finds the limits with
# uniroot at its default tolerance (about 1e-4) and on dat.konstantopoulos2011 fails to find one of them; here the
# profile is metafor's own: rma.mv with the variance fixed (sigma2 = c(s, NA) or c(NA, s)) maximised over the other,
# and the limits are the roots of 2 (logLik max - profile) = qchisq(level, 1) by uniroot at 1e-12 (the lower limit 0
# when the profile at 0 is within).
# Usage: Rscript validation/r/make_multilevel_ci_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
suppressMessages(library(metadat))

ci_case <- function(id, title, d, method, mods = NULL, level = 0.95) {
  f <- if (is.null(mods)) ~ 1 else as.formula(paste("~", paste(mods, collapse = " + ")))
  ctl <- list(rel.tol = 1e-10, iter.max = 10000, eval.max = 10000)   # nlminb refuses 1e-12 on these data
  r <- rma.mv(yi, vi, mods = f, random = ~ 1 | study/es_id, data = d, method = method, control = ctl)
  llmax <- as.numeric(logLik(r)); crit <- qchisq(level, 1)
  prof <- function(j, s) { sg <- c(NA, NA); sg[j] <- s
    as.numeric(logLik(rma.mv(yi, vi, mods = f, random = ~ 1 | study/es_id, data = d, method = method, sigma2 = sg, control = ctl))) }
  ci <- lapply(1:2, function(j) {
    g <- function(s) 2 * (llmax - prof(j, s)) - crit
    est <- r$sigma2[j]
    lo <- if (g(0) <= 0) 0 else uniroot(g, c(0, est), tol = 1e-12)$root
    hi <- est * 2; while (g(hi) < 0) hi <- hi * 2
    c(lo, uniroot(g, c(est, hi), tol = 1e-12)$root)
  })
  nm <- c("intercept", mods)
  co <- list()
  for (j in seq_along(nm)) co[[nm[j]]] <- list(estimate = r$beta[j], se = r$se[j])
  data <- d[, c("study", "es_id", "yi", "vi", mods)]
  write_case_file(id, title, sprintf("rma.mv(yi, vi, mods = %s, random = ~ 1 | study/es_id, method = '%s'); rel.tol 1e-10; profile with sigma2 fixed, uniroot tol 1e-12",
                  deparse(f), method), "multilevel", data,
                  list(model = "three_level", random = "~ 1 | study/es_id", method = method, moderators = I(if (is.null(mods)) character(0) else mods),
                       ci_method = "z", level = level, profile_ci = TRUE),
                  list(coefficients = co, sigma2 = I(r$sigma2), sigma2_ci = ci, loglik = llmax), tol = list(relative = 1e-5, absolute = 1e-8))
}

k <- dat.konstantopoulos2011
kd <- data.frame(study = paste("District", k$district), es_id = paste(k$district, k$school, sep = "-"), yi = k$yi, vi = k$vi, year = k$year)
ci_case("ml_konstantopoulos_reml_ci", "School calendar: three-level REML, profile-likelihood intervals of both variances", kd, "REML")
ci_case("ml_konstantopoulos_ml_ci90", "School calendar: three-level ML, year as moderator, 90% profile-likelihood intervals", kd, "ML", mods = "year",
        level = 0.90)
