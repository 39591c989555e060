# Reference values for the meta-regression, permutation-test and subgroup tests
# (src/test/java/org/strokemeta/regression and .../subgroup).
#
# R 4.2.2, metafor 3.8.1. Run with:  Rscript strokemeta-core/src/test/r/regression_reference.R
# (a few minutes: the exact permutation tests refit the model 10080 and 25740 times).
# Every value is printed as "label = value" with 15 significant digits; the Java tests quote them.
# Data: the BCG vaccine trials (metafor's dat.bcg), log risk ratios from escalc(measure = "RR"),
# the same data the validation corpus uses (validation/cases/mr_bcg_ablat_reml.json).

suppressMessages(library(metafor))

dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)

# Fisher scoring (REML) converged to 1e-10 as strokemeta does by default (FitControl.defaults());
# metafor's default threshold of 1e-5 leaves tau^2 uncertain in the sixth digit.
ctrl <- list(threshold = 1e-10)

show <- function(label, x) cat(sprintf("%s = %s\n", label, formatC(x, digits = 15, format = "g")))

show_fit <- function(tag, res) {
  cat("\n##", tag, "\n")
  nm <- rownames(res$beta)
  for (j in seq_along(nm)) {
    show(paste0(tag, ".", nm[j], ".estimate"), res$beta[j, 1])
    show(paste0(tag, ".", nm[j], ".se"), res$se[j])
    show(paste0(tag, ".", nm[j], ".z_or_t"), res$zval[j])
    show(paste0(tag, ".", nm[j], ".p"), res$pval[j])
    show(paste0(tag, ".", nm[j], ".ci_lower"), res$ci.lb[j])
    show(paste0(tag, ".", nm[j], ".ci_upper"), res$ci.ub[j])
  }
  show(paste0(tag, ".qm"), res$QM)
  show(paste0(tag, ".qm_df"), res$QMdf[1])
  show(paste0(tag, ".qm_p"), res$QMp)
  show(paste0(tag, ".qe"), res$QE)
  show(paste0(tag, ".qe_df"), res$k - res$p)
  show(paste0(tag, ".qe_p"), res$QEp)
  show(paste0(tag, ".tau2"), res$tau2)
  show(paste0(tag, ".i2"), res$I2)
  if (!is.null(res$R2)) show(paste0(tag, ".r2"), res$R2)
}

# 1. A categorical moderator with three levels (reference: alternate, the first sorted level).
show_fit("cat3_reml", rma(yi, vi, mods = ~ factor(alloc), data = dat, method = "REML", control = ctrl))

# 1b. A categorical and a numeric moderator together, Hartung-Knapp.
show_fit("cat3_year_knha", rma(yi, vi, mods = ~ factor(alloc) + year, data = dat, method = "REML", test = "knha", control = ctrl))

# 2. Fixed-effect meta-regression: R^2 is the adjusted R^2 of the weighted linear model.
show_fit("fe_ablat", rma(yi, vi, mods = ~ ablat, data = dat, method = "FE"))

# 3. DerSimonian-Laird and Paule-Mandel tau^2 in meta-regression.
show_fit("dl_ablat", rma(yi, vi, mods = ~ ablat, data = dat, method = "DL"))
#    PM's root of Q(tau^2) = k - p is found by uniroot to 'tol' (default eps^0.25); strokemeta solves it
#    to machine precision, so the reference asks uniroot for the same.
show_fit("pm_ablat", rma(yi, vi, mods = ~ ablat, data = dat, method = "PM", control = list(tol = 1e-12)))

# 4. R^2 when the intercept-only tau^2 is 0 (studies 9, 11, 12, 13): metafor reports 0.
show_fit("r2_tau2re_zero", rma(yi, vi, mods = ~ ablat, data = dat[c(9, 11, 12, 13), ], method = "REML", control = ctrl))
show("r2_tau2re_zero.intercept_only_tau2", rma(yi, vi, data = dat[c(9, 11, 12, 13), ], method = "REML", control = ctrl)$tau2)

# 5. A missing moderator: study 3 without latitude is left out (the fit equals the one without it).
dmiss <- dat
dmiss$ablat[3] <- NA
show_fit("missing_ablat", suppressWarnings(rma(yi, vi, mods = ~ ablat, data = dmiss, method = "REML", control = ctrl)))

# 6. Exact permutation tests. permutest refits with the model's control; at the 1e-10 threshold a few
#    permuted designs need more than metafor's 100 Fisher-scoring iterations (they converge slowly),
#    and metafor would drop them from the p-values. strokemeta then solves the score equation instead
#    (FitControl.scoreFallback, on by default), so no permutation is lost; the references let Fisher
#    scoring run long enough to converge, which gives the same estimates.
ctrl_perm <- list(threshold = 1e-10, maxiter = 10000)
#    6a. First 8 trials, ~ ablat (two tied pairs of latitudes: 8!/(2!2!) = 10080 distinct arrangements).
res8 <- rma(yi, vi, mods = ~ ablat, data = dat[1:8, ], method = "REML", control = ctrl_perm)
pt8 <- permutest(res8, exact = TRUE, progbar = FALSE)
cat("\n## perm_bcg8_ablat\n")
show("perm_bcg8_ablat.iterations", pt8$exact.iter)
show("perm_bcg8_ablat.p.intrcpt", pt8$pval[1])
show("perm_bcg8_ablat.p.ablat", pt8$pval[2])
show("perm_bcg8_ablat.qm_p", pt8$QMp)
#    6b. All 13 trials, ~ factor(alloc): 13!/(2! 7! 4!) = 25740 distinct arrangements of the design rows.
resa <- rma(yi, vi, mods = ~ factor(alloc), data = dat, method = "REML", control = ctrl_perm)
pta <- permutest(resa, exact = TRUE, progbar = FALSE)
cat("\n## perm_bcg_alloc\n")
show("perm_bcg_alloc.iterations", pta$exact.iter)
for (j in seq_along(pta$pval)) show(paste0("perm_bcg_alloc.p.", rownames(resa$beta)[j]), pta$pval[j])
show("perm_bcg_alloc.qm_p", pta$QMp)
#    6c. First 6 trials, ~ ablat, DerSimonian-Laird, Hartung-Knapp (one tied pair: 6!/2! = 360).
res6 <- rma(yi, vi, mods = ~ ablat, data = dat[1:6, ], method = "DL", test = "knha")
pt6 <- permutest(res6, exact = TRUE, progbar = FALSE)
cat("\n## perm_bcg6_dl_knha\n")
show("perm_bcg6_dl_knha.iterations", pt6$exact.iter)
show("perm_bcg6_dl_knha.p.intrcpt", pt6$pval[1])
show("perm_bcg6_dl_knha.p.ablat", pt6$pval[2])
show("perm_bcg6_dl_knha.qm", res6$QM)
show("perm_bcg6_dl_knha.qm_p", pt6$QMp)

# 7. Subgroups with a group of a single study: trials 1-10 by allocation (systematic has only trial 10).
cat("\n## sg10\n")
d10 <- dat[1:10, ]
est <- c(); sei <- c()
for (g in unique(d10$alloc)) {
  s <- d10[d10$alloc == g, ]
  r <- rma(yi, vi, data = s, method = "REML", control = ctrl)
  show(paste0("sg10.", g, ".estimate"), r$beta[1, 1])
  show(paste0("sg10.", g, ".se"), r$se)
  show(paste0("sg10.", g, ".ci_lower"), r$ci.lb)
  show(paste0("sg10.", g, ".ci_upper"), r$ci.ub)
  show(paste0("sg10.", g, ".tau2"), r$tau2)
  show(paste0("sg10.", g, ".i2"), r$I2)
  show(paste0("sg10.", g, ".q"), r$QE)
  show(paste0("sg10.", g, ".k"), r$k)
  est <- c(est, r$beta[1, 1]); sei <- c(sei, r$se)
}
sep <- rma(est, sei = sei, method = "FE")
show("sg10.separate.q_between", sep$QE)
show("sg10.separate.q_between_df", sep$k - 1)
show("sg10.separate.q_between_p", sep$QEp)
com <- rma(yi, vi, mods = ~ factor(alloc), data = d10, method = "REML", control = ctrl)
show("sg10.common.q_between", com$QM)
show("sg10.common.q_between_df", com$QMdf[1])
show("sg10.common.q_between_p", com$QMp)

# 8. Subgroups under DerSimonian-Laird with Hartung-Knapp: the common-tau^2 test is an F test.
cat("\n## sg_dl_knha\n")
comk <- rma(yi, vi, mods = ~ factor(alloc), data = dat, method = "DL", test = "knha")
show("sg_dl_knha.common.q_between", comk$QM)
show("sg_dl_knha.common.q_between_df1", comk$QMdf[1])
show("sg_dl_knha.common.q_between_df2", comk$QMdf[2])
show("sg_dl_knha.common.q_between_p", comk$QMp)

# the Q-profile interval of the residual tau² (k − p df) and the matching I² and H² intervals (MetaRegressionTest)
for (m in c("REML", "DL")) {
  res <- rma(yi, vi, mods = ~ ablat, data = dat, method = m, control = list(threshold = 1e-12))
  ci <- confint(res, control = list(tol = 1e-12, tau2.max = 1e6))$random
  cat(m, "ablat: tau2 CI", sprintf("%.15g", ci[1, 2:3]), "I2 CI", sprintf("%.15g", ci[3, 2:3]), "H2 CI", sprintf("%.15g", ci[4, 2:3]), "\n")
}
res <- rma(yi, vi, mods = ~ ablat + year, data = dat, method = "REML", control = list(threshold = 1e-12))
ci <- confint(res, control = list(tol = 1e-12, tau2.max = 1e6))$random
cat("REML ablat+year: tau2 CI", sprintf("%.15g", ci[1, 2:3]), "I2 CI", sprintf("%.15g", ci[3, 2:3]), "\n")
