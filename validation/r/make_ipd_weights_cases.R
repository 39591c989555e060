# Reference cases for case weights of patient-level data (option `weights`: the column holding the number of
# patients each row stands for), as the `weights` of R's clm and glm:
#   - the patients of ipd_sim41_ord_strat.json aggregated to one row per trial, arm, sex, NIHSS band (0: < 10,
#     1: 10-19, 2: 20 or more) and outcome, with the number of patients `n`; clm with cut-points per trial and
#     common, with the PO test (nominal_test's models), and glm stratified by trial for mRS 0-2;
#   - every fit is checked in R against the same fit to the expanded one-row-per-patient data (stopifnot).
# glm's df.residual and BIC count the rows of nonzero weight (nobs); strokemeta counts the patients the rows
# stand for, the values of the expanded data, so the cases take df_resid and bic from the expanded fit (the
# deviance and AIC of the two fits are equal). The standardised risk difference is the weighted mean of the
# predicted risks. The clm and glm values are exact maxima (Newton fits to 1e-12 / 1e-15) and compare at 1e-6.
# Usage: Rscript validation/r/make_ipd_weights_cases.R [outdir]   (default: validation/extra)
source("validation/r/ipd_common.R")
ctl <- clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 500)
ref_exact <- sprintf("R %s, ordinal %s, stats", paste(R.version$major, R.version$minor, sep = "."), packageVersion("ordinal"))
write_exact <- function(id, title, call, analysis, data, options, expected) {
  case <- list(id = id, title = title, reference = paste0(ref_exact, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected, tolerance = list(relative = 1e-6, absolute = 1e-9))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"), file.path(outdir, paste0(id, ".json")))
  cat(id, "tolerance 1e-6\n")
}
same <- function(a, b, what) if (max(abs(a - b) / pmax(abs(b), 1)) > 1e-7) stop(what, ": weighted and expanded fits differ")

ipd41 <- fromJSON(file.path(outdir, "ipd_sim41_ord_strat.json"))$data
ipd41$band <- ifelse(ipd41$nihss < 10, 0L, ifelse(ipd41$nihss < 20, 1L, 2L))
agg <- aggregate(list(n = rep(1L, nrow(ipd41))), ipd41[, c("study", "treatment", "sex", "band", "outcome")], sum)
agg <- agg[order(agg$study, agg$treatment, agg$sex, agg$band, agg$outcome), ]
rownames(agg) <- NULL
expand <- function(a) a[rep(seq_len(nrow(a)), a$n), setdiff(names(a), "n")]
prep_w <- function(d) { d$y <- factor(d$outcome, levels = 0:6, ordered = TRUE); d$study <- factor(d$study); d }
da <- prep_w(agg); de <- prep_w(expand(agg))
cov2 <- c("sex", "band")
opts <- function(study_effect, thresholds, ...) c(list(thresholds = thresholds, treatment_effect = "fixed", study_effect = study_effect,
                                                       covariates = cov2, weights = "n", direction = "lower_is_better"), list(...))

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
  list(cut_points = cp, cut_point_se = se)
}
clm_expected <- function(f, names, strata = NULL) {
  c(list(log_cor = -unname(coef(f)["treatment"]), se = unname(sqrt(diag(vcov(f)))["treatment"]),
         coefficients = clm_coefs(f, names), loglik = as.numeric(logLik(f)), aic = AIC(f)), clm_cuts(f, strata))
}
po_test <- function(f0, f1) {
  lr <- 2 * (as.numeric(logLik(f1)) - as.numeric(logLik(f0)))
  nm <- paste0(0:5, "|", 1:6, ".treatment")
  list(statistic = lr, df = 5, p = pchisq(lr, 5, lower.tail = FALSE), cut_log_or = unname(coef(f1)[nm]), cut_se = unname(sqrt(diag(vcov(f1)))[nm]))
}

# ---- clm with weights, cut-points per trial, with the PO test ----
f <- clm(y ~ treatment + sex + band, nominal = ~study, weights = n, data = da, control = ctl)
fe <- clm(y ~ treatment + sex + band, nominal = ~study, data = de, control = ctl)
same(coef(f), coef(fe), "clm stratified"); same(sqrt(diag(vcov(f))), sqrt(diag(vcov(fe))), "clm stratified SE"); same(logLik(f), logLik(fe), "loglik")
f1 <- clm(y ~ sex + band, nominal = ~study + treatment, weights = n, data = da, control = ctl)
f1e <- clm(y ~ sex + band, nominal = ~study + treatment, data = de, control = ctl)
same(coef(f1), coef(f1e), "clm partial PO")
e <- clm_expected(f, c("treatment", cov2), levels(da$study)); e$po_test <- po_test(f, f1)
write_exact("ipd_weights_ord_strat", sprintf("Aggregated IPD (%d rows for %d patients, 5 trials): case weights, cut-points per trial, adjusted for sex and NIHSS band, with the PO test", nrow(agg), sum(agg$n)),
            "clm(y ~ treatment + sex + band, nominal = ~study, weights = n) and the PO test against clm(y ~ sex + band, nominal = ~study + treatment, weights = n); checked equal to the fits of the expanded one-row-per-patient data",
            "ipd_ordinal", agg, opts("stratified", "stratified", po_test = TRUE), e)

# ---- clm with weights, common cut-points, with the PO test ----
f <- clm(y ~ treatment + sex + band, weights = n, data = da, control = ctl)
fe <- clm(y ~ treatment + sex + band, data = de, control = ctl)
same(coef(f), coef(fe), "clm common"); same(sqrt(diag(vcov(f))), sqrt(diag(vcov(fe))), "clm common SE")
f1 <- clm(y ~ sex + band, nominal = ~treatment, weights = n, data = da, control = ctl)
e <- clm_expected(f, c("treatment", cov2)); e$po_test <- po_test(f, f1)
write_exact("ipd_weights_ord_common", sprintf("Aggregated IPD (%d rows for %d patients, 5 trials): case weights, common cut-points, adjusted for sex and NIHSS band, with the PO test", nrow(agg), sum(agg$n)),
            "clm(y ~ treatment + sex + band, weights = n) and the PO test against clm(y ~ sex + band, nominal = ~treatment, weights = n); checked equal to the fits of the expanded data",
            "ipd_ordinal", agg, opts("none", "common", po_test = TRUE), e)

# ---- clm with weights, probit link, cut-points per trial ----
f <- clm(y ~ treatment + sex + band, nominal = ~study, weights = n, data = da, link = "probit", control = ctl)
fe <- clm(y ~ treatment + sex + band, nominal = ~study, data = de, link = "probit", control = ctl)
same(coef(f), coef(fe), "clm probit")
write_exact("ipd_weights_ord_strat_probit", "Aggregated IPD, 5 trials: case weights, cumulative probit model, cut-points per trial, adjusted for sex and NIHSS band",
            "clm(y ~ treatment + sex + band, nominal = ~study, weights = n, link = 'probit'); log_cor = -coef(treatment); checked equal to the fit of the expanded data",
            "ipd_ordinal", agg, opts("stratified", "stratified", link = "probit"), clm_expected(f, c("treatment", cov2), levels(da$study)))

# ---- glm with weights, stratified by trial: mRS 0-2 and death ----
glm_weighted <- function(id, title, cutoff = 2, at_least = NULL) {
  da$ev <- event_of(da, cutoff, at_least); de$ev <- event_of(de, cutoff, at_least)
  fml <- ev ~ 0 + study + treatment + sex + band
  f <- glm(fml, binomial, data = da, weights = n, control = glm.control(epsilon = 1e-15, maxit = 100))
  fe <- glm(fml, binomial, data = de, control = glm.control(epsilon = 1e-15, maxit = 100))
  same(coef(f), coef(fe), "glm"); same(sqrt(diag(vcov(f))), sqrt(diag(vcov(fe))), "glm SE")
  same(deviance(f), deviance(fe), "deviance"); same(AIC(f), AIC(fe), "AIC")
  X <- model.matrix(f); X1 <- X; X1[, "treatment"] <- 1; X0 <- X; X0[, "treatment"] <- 0
  w <- da$n / sum(da$n)
  p1 <- plogis(drop(X1 %*% coef(f))); p0 <- plogis(drop(X0 %*% coef(f)))
  g <- colSums(w * (p1 * (1 - p1) * X1 - p0 * (1 - p0) * X0))
  rd <- list(estimate = sum(w * p1) - sum(w * p0), se = sqrt(drop(t(g) %*% vcov(f) %*% g)), risk_treated = sum(w * p1), risk_control = sum(w * p0))
  ct <- coef(summary(f))
  e <- list(log_or = coef(f)[["treatment"]], se = sqrt(vcov(f)["treatment", "treatment"]), coefficients = list(),
            loglik = as.numeric(logLik(f)), risk_difference = rd)
  same(e$loglik, as.numeric(logLik(fe)), "glm loglik")
  for (v in c("treatment", cov2)) e$coefficients[[v]] <- list(estimate = ct[v, 1], se = ct[v, 2], z = ct[v, 3], p = ct[v, 4])
  mixed <- names(which(tapply(da$ev * da$n, da$study, sum) > 0 & tapply((1 - da$ev) * da$n, da$study, sum) > 0))
  st <- intersect(grep("^study", rownames(ct), value = TRUE), paste0("study", mixed))
  e$intercepts <- setNames(lapply(st, function(r) list(estimate = ct[r, 1], se = ct[r, 2])), sub("^study", "", st))
  e$deviance <- deviance(f); e$aic <- AIC(f); e$bic <- BIC(fe); e$df_resid <- df.residual(fe)
  o <- list(outcome_cutoff = cutoff, study_effect = "stratified", covariates = cov2, weights = "n", nagq = NULL)
  if (!is.null(at_least)) { o$outcome_cutoff <- NULL; o$event_at_least <- at_least }
  write_exact(id, title, sprintf("glm(%s, binomial, weights = n, epsilon = 1e-15); summary.glm's table, deviance, AIC; bic and df_resid of the expanded one-row-per-patient fit (glm's own count the rows); risk difference with the rows weighted by n; checked equal to the expanded fit",
                                 deparse(fml, width.cutoff = 500)), "ipd_binary", agg, o, e)
}
glm_weighted("ipd_weights_bin_strat_cut2", "Aggregated IPD, 5 trials: mRS 0-2, logistic stratified by trial with case weights, adjusted for sex and NIHSS band")
glm_weighted("ipd_weights_bin_strat_death", "Aggregated IPD, 5 trials: death (mRS 6), logistic stratified by trial with case weights, adjusted for sex and NIHSS band", at_least = 6)
