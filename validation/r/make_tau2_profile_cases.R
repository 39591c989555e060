# Reference cases of analysis `tau2_profile`: metafor 3.8.1's profile-likelihood interval of tau²,
# confint(res, type = "PL"), for ML and REML fits with and without moderators. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_tau2_profile_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
b <- dat.bcg
d <- data.frame(study = paste(b$author, b$year), events_treat = b$tpos, total_treat = b$tpos + b$tneg,
                events_ctrl = b$cpos, total_ctrl = b$cpos + b$cneg, ablat = b$ablat)
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
esn <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
opts <- function(measure, m, mods = NULL, level = 0.95) {
  o <- list(measure = measure, model = "random", tau2_method = m, ci_method = "z", level = level,
            continuity = list(add = 0.5, to = "only0", drop00 = FALSE))
  if (!is.null(mods)) o$moderators <- mods
  o
}
pl <- function(res) { ci <- confint(res, type = "PL", control = list(tol = 1e-12))$random
                      list(tau2 = res$tau2, tau2_pl_lower = ci[1, 2], tau2_pl_upper = ci[1, 3]) }
for (m in c("REML", "ML")) {
  res <- rma(yi, vi, data = es, method = m, control = list(threshold = 1e-12))
  write_case_file(sprintf("tau2pl_bcg_rr_%s", tolower(m)), sprintf("BCG trials, log RR, %s: profile-likelihood interval of tau²", m),
                  sprintf("confint(rma(yi, vi, method='%s'), type='PL')", m), "tau2_profile", d[, 1:5], opts("RR", m), pl(res))
  res <- rma(yi, vi, mods = ~ ablat, data = es, method = m, control = list(threshold = 1e-12))
  write_case_file(sprintf("tau2pl_bcg_rr_ablat_%s", tolower(m)), sprintf("BCG trials on latitude, %s: profile-likelihood interval of the residual tau²", m),
                  sprintf("confint(rma(yi, vi, mods = ~ ablat, method='%s'), type='PL')", m), "tau2_profile", d, opts("RR", m, "ablat"), pl(res))
  res <- rma(yi, vi, data = esn, method = m, level = 90, control = list(threshold = 1e-12))
  write_case_file(sprintf("tau2pl_normand_md_%s_level90", tolower(m)), sprintf("Stroke-unit length of stay, MD, %s: 90%% profile-likelihood interval of tau²", m),
                  sprintf("confint(rma(yi, vi, method='%s', level=90), type='PL')", m), "tau2_profile", nd, opts("MD", m, level = 0.90), pl(res))
}
