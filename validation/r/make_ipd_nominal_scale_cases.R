# Reference cases for nominal (partial proportional odds) and scale effects of the ordinal models of patient-level
# data, as clm's `nominal = ~ x` and `scale = ~ z`: P(Y <= j) = F((theta_j + x'gamma_j - w'beta) / exp(z'zeta)).
# A nominal effect is added to each cut-point (clm's rows of alpha.mat); a nominal covariate has no location
# coefficient. Cut-points per trial are clm's nominal = ~study; a trial's cut-point is the "(Intercept)" row plus
# the trial's row of alpha.mat, at nominal covariates of 0, its SE from vcov(fit) of that sum.
# Data: the simulated patients of ipd_sim41_ord_strat.json (5 trials, 1,700 patients), and their aggregation of
# make_ipd_weights_cases.R (case weights). clm's Newton fits tightened to gradTol = relTol = 1e-12 (exact maxima),
# compared at 1e-6 relative.
# Usage: Rscript validation/r/make_ipd_nominal_scale_cases.R [outdir]   (default: validation/extra)
source("validation/r/ipd_common.R")
ctl <- clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 1000)
ref_exact <- sprintf("R %s, ordinal %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("ordinal"))
write_exact <- function(id, title, call, data, options, expected) {
  case <- list(id = id, title = title, reference = paste0(ref_exact, ": ", call), analysis = "ipd_ordinal",
               data = data, options = options, expected = expected, tolerance = list(relative = 1e-6, absolute = 1e-9))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"), file.path(outdir, paste0(id, ".json")))
  cat(id, "tolerance 1e-6\n")
}
prep_o <- function(d) { d$y <- factor(d$outcome, levels = 0:6, ordered = TRUE); d$study <- factor(d$study); d }

# expected values of a clm fit with nominal and scale terms; parameters in vcov's order: alpha, beta, zeta
expected_of <- function(f, nominal, strata) {
  stopifnot(f$convergence$code == 0, max(abs(f$gradient)) < 1e-8)
  V <- vcov(f); se <- sqrt(diag(V)); na <- length(f$alpha); nb <- length(f$beta); nz <- length(f$zeta)
  e <- list(log_cor = -f$beta[["treatment"]], se = se[[na + which(names(f$beta) == "treatment")]], coefficients = list(),
            loglik = as.numeric(logLik(f)), aic = AIC(f))
  for (k in seq_len(nb)) e$coefficients[[names(f$beta)[k]]] <- list(estimate = f$beta[[k]], se = se[[na + k]])
  cuts <- paste0(0:5, "|", 1:6)
  pick <- function(rows) { a <- numeric(ncol(V)); a[match(rows, names(f$alpha))] <- 1; a }
  cp <- list(); cse <- list()
  for (s in (if (is.null(strata)) "common" else strata)) {
    est <- numeric(0); sd <- numeric(0)
    for (j in cuts) {
      rows <- if (is.null(f$alpha.mat)) j else c(paste0(j, ".(Intercept)"), if (!is.null(strata)) paste0(j, ".study", s))
      rows <- intersect(rows, names(f$alpha))
      a <- pick(rows)
      est <- c(est, sum(a[1:na] * f$alpha)); sd <- c(sd, sqrt(drop(t(a) %*% V %*% a)))
    }
    cp[[s]] <- est; cse[[s]] <- sd
  }
  e$cut_points <- cp; e$cut_point_se <- cse
  if (length(nominal)) e$nominal <- list()
  for (x in nominal) for (j in cuts) {
    r <- paste0(j, ".", x); k <- match(r, names(f$alpha))
    e$nominal[[r]] <- list(estimate = f$alpha[[k]], se = se[[k]])
  }
  if (nz > 0) {
    e$scale <- list()
    for (k in seq_len(nz)) e$scale[[names(f$zeta)[k]]] <- list(estimate = f$zeta[[k]], se = se[[na + nb + k]])
  }
  e
}
opts <- function(study_effect, thresholds, covs, nominal = NULL, scale = NULL, ...) {
  o <- list(thresholds = thresholds, treatment_effect = "fixed", study_effect = study_effect, covariates = covs,
            direction = "lower_is_better")
  if (!is.null(nominal)) o$nominal <- I(nominal)
  if (!is.null(scale)) o$scale <- I(scale)
  c(o, list(...))
}

ipd41 <- fromJSON(file.path(outdir, "ipd_sim41_ord_strat.json"))$data
d41 <- prep_o(ipd41)
strata <- levels(d41$study)

f <- clm(y ~ treatment + age + nihss, nominal = ~study + sex, scale = ~treatment, data = d41, control = ctl)
write_exact("ipd_nomscale_strat_sex_trt", "Simulated IPD, 5 trials: cut-points per trial, a nominal effect of sex and a scale effect of treatment, adjusted for age and NIHSS",
            "clm(y ~ treatment + age + nihss, nominal = ~study + sex, scale = ~treatment)", ipd41,
            opts("stratified", "stratified", c("age", "nihss", "sex"), nominal = "sex", scale = "treatment"), expected_of(f, "sex", strata))

f <- clm(y ~ treatment + age + nihss, nominal = ~sex, scale = ~age, data = d41, control = ctl)
write_exact("ipd_nomscale_common_sex_age", "Simulated IPD, 5 trials: common cut-points, a nominal effect of sex and a scale effect of age, adjusted for age and NIHSS",
            "clm(y ~ treatment + age + nihss, nominal = ~sex, scale = ~age)", ipd41,
            opts("none", "common", c("age", "nihss", "sex"), nominal = "sex", scale = "age"), expected_of(f, "sex", NULL))

f <- clm(y ~ treatment + age + nihss + sex, scale = ~treatment + sex, data = d41, link = "probit", control = ctl)
write_exact("ipd_nomscale_common_probit_scale2", "Simulated IPD, 5 trials: cumulative probit model, common cut-points, scale effects of treatment and sex, adjusted for age, NIHSS and sex",
            "clm(y ~ treatment + age + nihss + sex, scale = ~treatment + sex, link = 'probit')", ipd41,
            opts("none", "common", c("age", "nihss", "sex"), scale = c("treatment", "sex"), link = "probit"), expected_of(f, character(0), NULL))

f <- clm(y ~ treatment + sex, nominal = ~study + nihss, data = d41, control = ctl)
write_exact("ipd_nomscale_strat_nihss", "Simulated IPD, 5 trials: cut-points per trial and a nominal effect of NIHSS (a continuous covariate), adjusted for sex",
            "clm(y ~ treatment + sex, nominal = ~study + nihss)", ipd41,
            opts("stratified", "stratified", c("sex", "nihss"), nominal = "nihss"), expected_of(f, "nihss", strata))

# case weights with nominal and scale effects: the aggregated patients of make_ipd_weights_cases.R
ipd41$band <- ifelse(ipd41$nihss < 10, 0L, ifelse(ipd41$nihss < 20, 1L, 2L))
agg <- aggregate(list(n = rep(1L, nrow(ipd41))), ipd41[, c("study", "treatment", "sex", "band", "outcome")], sum)
agg <- agg[order(agg$study, agg$treatment, agg$sex, agg$band, agg$outcome), ]
rownames(agg) <- NULL
da <- prep_o(agg)
f <- clm(y ~ treatment + band, nominal = ~study + sex, scale = ~treatment, weights = n, data = da, control = ctl)
de <- prep_o(agg[rep(seq_len(nrow(agg)), agg$n), ])
fe <- clm(y ~ treatment + band, nominal = ~study + sex, scale = ~treatment, data = de, control = ctl)
stopifnot(max(abs(coef(f) - coef(fe))) < 1e-7)
write_exact("ipd_nomscale_weights_strat", sprintf("Aggregated IPD (%d rows for %d patients, 5 trials): case weights, cut-points per trial, a nominal effect of sex and a scale effect of treatment, adjusted for NIHSS band", nrow(agg), sum(agg$n)),
            "clm(y ~ treatment + band, nominal = ~study + sex, scale = ~treatment, weights = n); checked equal to the fit of the expanded data", agg,
            opts("stratified", "stratified", c("band", "sex"), nominal = "sex", scale = "treatment", weights = "n"), expected_of(f, "sex", levels(da$study)))
