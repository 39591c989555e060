# Reference cases for the standard error of tau² (metafor 3.8.1's se.tau2) under every estimator, with
# and without moderators: analysis `pairwise` (all pooled keys and `tau2_se`) and `metaregression`
# (`tau2`, `tau2_se`). See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_tau2_se_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-10, tol = 1e-14, maxiter = 10000)
write_case <- function(id, title, call, analysis, data, options, expected) write_case_file(id, title, call, analysis, data, options, expected)
bcg <- dat.bcg
bcgd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                   events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg, ablat = bcg$ablat)
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
esn <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
methods <- c("DL", "HE", "HS", "HSk", "SJ", "ML", "REML", "EB", "PM", "DLIT", "SJIT")
for (s in list(list("bcg_rr", bcgd, es, "RR"), list("normand_md", nd, esn, "MD"))) {
  se <- list()
  for (m in methods) {
    res <- rma(yi, vi, data = s[[3]], method = m, control = tight)
    se[[m]] <- c(res$tau2, res$se.tau2)
  }
  for (m in methods) {
    res <- rma(yi, vi, data = s[[3]], method = m, control = tight)
    write_case(sprintf("tau2se_%s_%s", s[[1]], tolower(m)), sprintf("%s, %s: tau² and its standard error", s[[1]], m),
               sprintf("rma(yi, vi, method='%s'); res$tau2, res$se.tau2", m), "pairwise", s[[2]][, setdiff(names(s[[2]]), "ablat")],
               list(measure = s[[4]], model = "random", tau2_method = m, ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE)),
               list(estimate = res$beta[1], tau2 = res$tau2, tau2_se = res$se.tau2))
  }
}
for (m in c("REML", "DL", "ML", "HE", "SJ", "PM")) {
  res <- rma(yi, vi, mods = ~ ablat, data = es, method = m, control = tight)
  write_case(sprintf("tau2se_bcg_rr_ablat_%s", tolower(m)), sprintf("BCG trials on latitude, %s: residual tau² and its standard error", m),
             sprintf("rma(yi, vi, mods = ~ ablat, method='%s'); res$tau2, res$se.tau2", m), "metaregression", bcgd,
             list(measure = "RR", model = "random", tau2_method = m, ci_method = "z", moderators = "ablat", permutation = NULL),
             list(tau2 = res$tau2, tau2_se = res$se.tau2))
}
