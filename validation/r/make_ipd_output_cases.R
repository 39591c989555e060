# Reference cases for the full output of the one-stage IPD models, beyond the treatment effect:
#   - the cut-points (thresholds) with their standard errors and the AIC of the proportional-odds models:
#     clm with common cut-points and with cut-points per trial (nominal = ~study), on patients and on a
#     table of counts (weights = count), and clmm with a random trial intercept (Laplace, 5-point quadrature);
#   - the probit and complementary log-log links of clm (link = "probit" / "cloglog"), with the PO test;
#   - the full coefficient table of the logistic models (estimate, SE, Wald z and p), the trial intercepts
#     (glm) or the fixed intercept (glmer), log-likelihood, deviance, AIC and BIC as summary() reports them.
# The clm and glm values are exact maxima (Newton fits to 1e-12) and their cases compare at 1e-6 relative.
# clmm and glmer cases are made as in make_ipd_cases.R (validation/r/ipd_common.R): the optimum found twice
# on the package's own objective, the tolerance from their disagreement, stated in each case's reference.
# The standard error of a trial's cut-point under nominal = ~study is that of the sum of clm's intercept row
# and the trial's row of alpha.mat, from vcov(fit) (clm's analytic Hessian).
# Data: the simulated patients of ipd_sim41_ord_strat.json (5 trials, 1,700 patients), read from that case,
# and the simulated trials of make_ipd_cases.R (same seeds).
# Usage: Rscript validation/r/make_ipd_output_cases.R [outdir]   (default: validation/extra)
source("validation/r/ipd_common.R")
ctl <- clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 500)
ref_exact <- sprintf("R %s, ordinal %s, stats", paste(R.version$major, R.version$minor, sep = "."), packageVersion("ordinal"))
write_exact <- function(id, title, call, analysis, data, options, expected) {
  case <- list(id = id, title = title, reference = paste0(ref_exact, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected, tolerance = list(relative = 1e-6, absolute = 1e-9))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"), file.path(outdir, paste0(id, ".json")))
  cat(id, "tolerance 1e-6\n")
}

ipd41 <- fromJSON(file.path(outdir, "ipd_sim41_ord_strat.json"))$data
as_ordered <- function(d) { d$y <- factor(d$outcome, levels = sort(unique(d$outcome)), ordered = TRUE); d$study <- factor(d$study); d }
cov3 <- c("age", "nihss", "sex")

# clm's summary table of the coefficients; cut-points and their SEs per trial (nominal = ~study) or common
clm_coefs <- function(f, names) {
  ct <- coef(summary(f))
  setNames(lapply(names, function(n) list(estimate = ct[n, 1], se = ct[n, 2], z = ct[n, 3], p = ct[n, 4])), names)
}
clm_cuts <- function(f, strata = NULL) {
  if (is.null(strata)) {
    return(list(cut_points = list(common = unname(f$alpha)), cut_point_se = list(common = unname(sqrt(diag(vcov(f)))[seq_along(f$alpha)]))))
  }
  V <- vcov(f); cuts <- colnames(f$alpha.mat); cp <- list(); se <- list()
  for (s in strata) {
    est <- numeric(0); sd <- numeric(0)
    for (j in cuts) {
      a <- setNames(numeric(ncol(V)), colnames(V)); a[paste0(j, ".(Intercept)")] <- 1
      r <- paste0(j, ".study", s); if (r %in% names(a)) a[r] <- 1
      est <- c(est, sum(a * coef(f)[names(a)])); sd <- c(sd, sqrt(drop(t(a) %*% V %*% a)))
    }
    cp[[s]] <- est; se[[s]] <- sd
  }
  stopifnot(max(abs(cp[[strata[1]]] - f$alpha.mat["(Intercept)", ])) < 1e-12)
  list(cut_points = cp, cut_point_se = se)
}
clm_expected <- function(f, names, strata = NULL) {
  c(list(log_cor = -unname(coef(f)["treatment"]), se = unname(sqrt(diag(vcov(f)))["treatment"]),
         coefficients = clm_coefs(f, names), loglik = as.numeric(logLik(f)), aic = AIC(f)), clm_cuts(f, strata))
}
opts_ipd <- function(study_effect, thresholds, covs = cov3, ...) c(list(thresholds = thresholds, treatment_effect = "fixed", study_effect = study_effect,
                                                                       covariates = covs, direction = "lower_is_better"), list(...))

d41 <- as_ordered(ipd41)
f <- clm(y ~ treatment + age + nihss + sex, data = d41, control = ctl)
write_exact("ipd_full_ord_common", "Simulated IPD, 5 trials: proportional odds with common cut-points, adjusted; cut-points with SEs, z and p, AIC",
            "clm(y ~ treatment + age + nihss + sex); coef(summary(fit)) for the cut-points and coefficients; AIC(fit)",
            "ipd_ordinal", ipd41, opts_ipd("none", "common"), clm_expected(f, c("treatment", cov3)))
f <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = d41, control = ctl)
write_exact("ipd_full_ord_strat", "Simulated IPD, 5 trials: cut-points per trial, adjusted; each trial's cut-points with SEs, AIC",
            "clm(y ~ treatment + age + nihss + sex, nominal = ~study); a trial's cut-point = alpha.mat['(Intercept)', ] + its row, SE from vcov(fit) of that sum; AIC(fit)",
            "ipd_ordinal", ipd41, opts_ipd("stratified", "stratified"), clm_expected(f, c("treatment", cov3), levels(d41$study)))

# the same patients as a table of counts per trial, arm and category, fitted with the counts as weights
tab41 <- lapply(split(ipd41, list(ipd41$study, ipd41$treatment), drop = TRUE), function(g)
  list(study = g$study[1], arm = if (g$treatment[1] == 1) "treatment" else "control", counts = tabulate(g$outcome + 1, 7)))
tab41 <- unname(tab41[order(sapply(tab41, `[[`, "study"), sapply(tab41, `[[`, "arm") == "control")])
lt <- do.call(rbind, lapply(tab41, function(r) data.frame(study = r$study, treatment = as.integer(r$arm == "treatment"), y = 0:6, count = r$counts)))
lt <- lt[lt$count > 0, ]; lt$y <- factor(lt$y, levels = 0:6, ordered = TRUE); lt$study <- factor(lt$study)
f <- clm(y ~ treatment, weights = count, data = lt, control = ctl)
e <- clm_expected(f, "treatment"); e$coefficients <- NULL
write_exact("ord_full_table_common", "Simulated mRS table (the patients of ipd_sim41 counted), one-stage common cut-points: cut-points with SEs, AIC",
            "clm(y ~ treatment, weights = count); log_cor = -coef(treatment); cut-points and SEs from coef(summary(fit)); AIC(fit)",
            "ordinal", tab41, list(stage = "one", thresholds = "common", treatment_effect = "fixed", direction = "lower_is_better"), e)
f <- clm(y ~ treatment, nominal = ~study, weights = count, data = lt, control = ctl)
e <- clm_expected(f, "treatment", levels(lt$study)); e$coefficients <- NULL
write_exact("ord_full_table_strat", "Simulated mRS table (the patients of ipd_sim41 counted), one-stage stratified cut-points: each trial's cut-points with SEs, AIC",
            "clm(y ~ treatment, nominal = ~study, weights = count); a trial's cut-point = alpha.mat['(Intercept)', ] + its row, SE from vcov(fit); AIC(fit)",
            "ordinal", tab41, list(stage = "one", thresholds = "stratified", treatment_effect = "fixed", direction = "lower_is_better"), e)

# ---- other links: clm(link = "probit" / "cloglog"), cut-points per trial and common, and the PO test ----
for (l in c("probit", "cloglog")) {
  f <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = d41, link = l, control = ctl)
  write_exact(paste0("ipd_full_ord_strat_", l), sprintf("Simulated IPD, 5 trials: cumulative %s model, cut-points per trial, adjusted", l),
              sprintf("clm(y ~ treatment + age + nihss + sex, nominal = ~study, link = '%s'); log_cor = -coef(treatment) (not an odds ratio); cut-points and SEs as ipd_full_ord_strat", l),
              "ipd_ordinal", ipd41, opts_ipd("stratified", "stratified", link = l), clm_expected(f, c("treatment", cov3), levels(d41$study)))
  f <- clm(y ~ treatment + age + nihss + sex, data = d41, link = l, control = ctl)
  write_exact(paste0("ipd_full_ord_common_", l), sprintf("Simulated IPD, 5 trials: cumulative %s model, common cut-points, adjusted", l),
              sprintf("clm(y ~ treatment + age + nihss + sex, link = '%s'); coef(summary(fit)); AIC(fit)", l),
              "ipd_ordinal", ipd41, opts_ipd("none", "common", link = l), clm_expected(f, c("treatment", cov3)))
}
f0 <- clm(y ~ treatment + age + nihss + sex, nominal = ~study, data = d41, link = "probit", control = ctl)
f1 <- clm(y ~ age + nihss + sex, nominal = ~study + treatment, data = d41, link = "probit", control = ctl)
lr <- 2 * (as.numeric(logLik(f1)) - as.numeric(logLik(f0)))
stopifnot(abs(anova(f0, f1)$LR.stat[2] - lr) < 1e-8)
nm <- paste0(0:5, "|", 1:6, ".treatment")
e <- clm_expected(f0, c("treatment", cov3), levels(d41$study))
e$po_test <- list(statistic = lr, df = 5, p = pchisq(lr, 5, lower.tail = FALSE), cut_log_or = unname(coef(f1)[nm]), cut_se = unname(sqrt(diag(vcov(f1)))[nm]))
write_exact("ipd_full_ord_po_test_probit", "Simulated IPD, 5 trials: likelihood-ratio test of equal treatment effects across cut-points under the probit link, stratified, adjusted",
            "anova(clm(y ~ treatment + age + nihss + sex, nominal = ~study, link = 'probit'), clm(y ~ age + nihss + sex, nominal = ~study + treatment, link = 'probit')); cut_log_or = coef j|j+1.treatment",
            "ipd_ordinal", ipd41, opts_ipd("stratified", "stratified", link = "probit", po_test = TRUE), e)

# ---- mixed and logistic models on the simulated trials of make_ipd_cases.R ----------------------------
A <- sim(2101, k = 8, nmin = 80, nmax = 200, tau0 = 0.5, tau1 = 0, rho = 0)
B <- sim(2202, k = 10, nmin = 90, nmax = 160, tau0 = 0.6, tau1 = 0.5, rho = 0.4)

clmm_case("ipd_full_ord_ri_laplace", "Simulated IPD, 8 trials: PO with random trial intercept, Laplace, adjusted for age; thresholds with SEs, AIC",
          A, c("age"), "intercept", 1, full = TRUE)
clmm_case("ipd_full_ord_ri_agq5", "Simulated IPD, 8 trials: PO with random trial intercept, adaptive GH 5 points, adjusted for age and NIHSS; thresholds with SEs, AIC",
          A, c("age", "nihss"), "intercept", 5, full = TRUE)
glm_case("ipd_full_bin_strat_cut2", "Simulated IPD, 8 trials: mRS 0-2, logistic stratified by trial, three covariates; full coefficient table, trial intercepts, deviance, AIC, BIC",
         A, c("age", "nihss", "sex"), 2, full = TRUE)
glm_case("ipd_full_bin_strat_death", "Simulated IPD, 10 trials: death (mRS 6), logistic stratified by trial, adjusted for age; full coefficient table, trial intercepts, deviance, AIC, BIC",
         B, c("age"), at_least = 6, full = TRUE)
glmer_case("ipd_full_bin_ri_agq5", "Simulated IPD, 8 trials: mRS 0-1, logistic with random trial intercept, adaptive GH 5 points; full coefficient table, deviance, AIC, BIC",
           A, c("age"), 1, 5, full = TRUE)
glmer_case("ipd_full_bin_ri_agq15_cov3", "Simulated IPD, 10 trials: mRS 0-2, logistic with random trial intercept, adaptive GH 15 points, three covariates; full coefficient table, deviance, AIC, BIC",
           B, c("age", "nihss", "sex"), 2, 15, full = TRUE)
