# Reference cases of analysis `regression_tests`: inference on a fitted meta-regression beyond its
# coefficient table (metafor 3.8.1): anova(res, btt=) (Wald test of a subset of coefficients),
# anova(res, X=) (linear combinations, each and jointly), predict(res, newmods=) and the
# likelihood-ratio test anova(full, reduced) against the model without moderators. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_regression_tests_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-12, tol = 1e-14)

write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "regression_tests", data, options, expected, matrix = "rowmajor", na = "null")

bcg <- dat.bcg
d <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg, ablat = bcg$ablat, year = bcg$year)
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)

tests <- function(res, btt, X, newmods, reduced = NULL) {
  e <- list(estimate = as.numeric(res$beta), tau2 = res$tau2)
  a <- anova(res, btt = btt)
  e$btt_statistic <- a$QM; e$btt_df1 <- a$QMdf[1]; e$btt_df2 <- if (is.na(a$QMdf[2])) NULL else a$QMdf[2]; e$btt_p <- a$QMp
  b <- anova(res, X = X)
  e$contrast_estimate <- as.numeric(b$Xb); e$contrast_se <- as.numeric(b$se); e$contrast_statistic <- as.numeric(b$zval)
  e$contrast_p <- as.numeric(b$pval)
  e$contrast_joint_statistic <- b$QM; e$contrast_joint_p <- b$QMp
  p <- predict(res, newmods = newmods)
  e$predict_estimate <- as.numeric(p$pred); e$predict_se <- as.numeric(p$se); e$predict_ci_lower <- as.numeric(p$ci.lb)
  e$predict_ci_upper <- as.numeric(p$ci.ub); e$predict_pi_lower <- as.numeric(p$pi.lb); e$predict_pi_upper <- as.numeric(p$pi.ub)
  if (!is.null(reduced)) {
    an <- anova(res, reduced)
    e$lrt_statistic <- an$LRT; e$lrt_df <- an$parms.f - an$parms.r; e$lrt_p <- an$pval; e$lrt_r2 <- an$R2
  }
  e
}
opts <- function(tau2, mods, ci = "z", btt, X, newmods, lrt = FALSE) {
  list(measure = "RR", model = "random", tau2_method = tau2, ci_method = ci, continuity = list(add = 0.5, to = "only0", drop00 = FALSE),
       moderators = mods, btt = btt, contrasts = X, newmods = newmods, lrt = lrt)
}
X <- rbind(c(0, 1, 0), c(0, 0, 1), c(1, 30, 1970))
nm <- rbind(c(30, 1970), c(50, 1950))
for (ci in c("z", "knha")) {
  res <- rma(yi, vi, mods = ~ ablat + year, data = es, method = "REML", test = ci, control = tight)
  write_case(sprintf("rt_bcg_rr_ablat_year_reml_%s", ci), sprintf("BCG trials on latitude and year, REML, %s: tests, contrasts, predictions", ci),
             sprintf("res <- rma(mods = ~ ablat + year, method='REML', test='%s'); anova(res, btt=2:3); anova(res, X=X); predict(res, newmods=nm)", ci),
             d, opts("REML", c("ablat", "year"), ci, 2:3, X, nm), tests(res, 2:3, X, nm))
}
full <- rma(yi, vi, mods = ~ ablat, data = es, method = "ML", control = tight)
red <- rma(yi, vi, data = es, method = "ML", control = tight)
write_case("rt_bcg_rr_ablat_ml_lrt", "BCG trials on latitude, ML: likelihood-ratio test against no moderators, tests and predictions",
           "full <- rma(mods = ~ ablat, method='ML'); anova(full, rma(method='ML')); anova(full, btt=2); anova(full, X=X); predict(full, newmods=c(20, 40))",
           d, opts("ML", "ablat", "z", 2, rbind(c(0, 1), c(1, 40)), matrix(c(20, 40), ncol = 1), TRUE),
           tests(full, 2, rbind(c(0, 1), c(1, 40)), matrix(c(20, 40), ncol = 1), red))
