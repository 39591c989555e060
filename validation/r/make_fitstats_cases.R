# Reference cases of analysis `fit_statistics`: the log-likelihood, deviance, AIC, BIC and AICc of a
# model (metafor's fit.stats, ML and REML columns) and the variance-covariance matrix of its
# coefficients (vcov), for models with and without moderators. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_fitstats_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-12, tol = 1e-14)

write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "fit_statistics", data, options, expected, matrix = "rowmajor")

stats <- function(res) {
  f <- res$fit.stats
  v <- unname(vcov(res))
  list(estimate = as.numeric(res$beta), tau2 = res$tau2,
       ll_ml = f["ll", "ML"], dev_ml = f["dev", "ML"], aic_ml = f["AIC", "ML"], bic_ml = f["BIC", "ML"], aicc_ml = f["AICc", "ML"],
       ll_reml = f["ll", "REML"], dev_reml = f["dev", "REML"], aic_reml = f["AIC", "REML"], bic_reml = f["BIC", "REML"], aicc_reml = f["AICc", "REML"],
       vcov = v)
}

bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
opts <- function(measure, model, tau2 = NULL, mods = NULL) {
  o <- list(measure = measure, model = model, ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE))
  if (!is.null(tau2)) o$tau2_method <- tau2
  if (!is.null(mods)) o$moderators <- mods
  o
}

bcg <- dat.bcg
bcgd <- bin(paste(bcg$author, bcg$year), bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg)
bcgd$ablat <- bcg$ablat
bcgd$year <- bcg$year
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
for (m in c("REML", "ML", "DL", "FE")) {
  res <- rma(yi, vi, data = es, method = m, control = tight)
  write_case(sprintf("fit_bcg_rr_%s", tolower(m)), sprintf("BCG trials, log RR, %s: fit statistics", m),
             sprintf("rma(yi, vi, method='%s'); res$fit.stats; vcov(res)", m), bcgd, opts("RR", if (m == "FE") "fixed" else "random", if (m == "FE") NULL else m),
             stats(res))
}
for (m in c("REML", "ML")) {
  res <- rma(yi, vi, mods = ~ ablat, data = es, method = m, control = tight)
  write_case(sprintf("fit_bcg_rr_ablat_%s", tolower(m)), sprintf("BCG trials, log RR on latitude, %s: fit statistics", m),
             sprintf("rma(yi, vi, mods = ~ ablat, method='%s'); res$fit.stats; vcov(res)", m), bcgd, opts("RR", "random", m, "ablat"), stats(res))
}
res <- rma(yi, vi, mods = ~ ablat + year, data = es, method = "REML", control = tight)
write_case("fit_bcg_rr_ablat_year_reml", "BCG trials, log RR on latitude and year, REML: fit statistics",
           "rma(yi, vi, mods = ~ ablat + year, method='REML'); res$fit.stats; vcov(res)", bcgd, opts("RR", "random", "REML", c("ablat", "year")), stats(res))
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
esn <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
res <- rma(yi, vi, data = esn, method = "REML", control = tight)
write_case("fit_normand_md_reml", "Stroke-unit length of stay, MD, REML: fit statistics", "rma(method='REML'); res$fit.stats; vcov(res)", nd,
           opts("MD", "random", "REML"), stats(res))
