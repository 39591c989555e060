# Reference cases for effect modification: the treatment-by-covariate interaction estimated within
# trials ("deft": Fisher et al., BMJ 2017;356:j573; Riley et al., BMJ 2020;369:m1564). The covariate x
# is centred on its trial mean (x_c = x - mean_s(x)); the model holds trial strata, treatment, the other
# adjustment covariates, x_c, treatment:x_c (the within-trial interaction, reported) and
# treatment:mean_s(x) (the across-trial interaction, which absorbs differences between trials).
#   ordinal shift: clm(y ~ treatment + covariates + x_c + treatment:x_c + treatment:x_mean, nominal = ~study)
#   binary outcome: glm(event ~ 0 + study + treatment + covariates + x_c + treatment:x_c + treatment:x_mean, binomial)
# Data: the simulated patients of ipd_sim41_ord_strat.json (5 trials, 1,700 patients), read from that case.
# Usage: Rscript validation/r/make_interaction_cases.R [outdir]   (default: validation/extra)
suppressMessages({library(ordinal); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "validation/extra"
ref <- sprintf("R %s, ordinal %s, stats", paste(R.version$major, R.version$minor, sep = "."), packageVersion("ordinal"))
ctl <- clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 500)

write_case <- function(id, title, call, analysis, data, options, expected) {
  case <- list(id = id, title = title, reference = paste0(ref, ": ", call), analysis = analysis,
               data = data, options = options, expected = expected,
               tolerance = list(relative = 1e-6, absolute = 1e-9))
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"),
             file.path(outdir, paste0(id, ".json")))
  cat("wrote", id, "\n")
}

ipd <- fromJSON(file.path(outdir, "ipd_sim41_ord_strat.json"))$data
cov3 <- c("age", "nihss", "sex")

design <- function(d, x) {
  m <- ave(d[[x]], d$study)
  d$x_c <- d[[x]] - m
  d$within <- d$treatment * d$x_c
  d$across <- d$treatment * m
  d$study <- factor(d$study)
  d
}
interaction_of <- function(f) {
  b <- coef(f); v <- vcov(f)
  z <- b[["within"]] / sqrt(v["within", "within"])
  list(within = b[["within"]], within_se = sqrt(v["within", "within"]), within_p = 2 * pnorm(-abs(z)),
       across = b[["across"]], across_se = sqrt(v["across", "across"]))
}

for (x in c("nihss", "sex")) {
  d <- design(ipd, x)
  adj <- setdiff(cov3, x)
  d$y <- factor(d$outcome, levels = sort(unique(d$outcome)), ordered = TRUE)
  fml <- as.formula(paste("y ~ treatment +", paste(c(adj, "x_c", "within", "across"), collapse = " + ")))
  f <- clm(fml, nominal = ~study, data = d, control = ctl)
  stopifnot(f$convergence$code == 0 || max(abs(f$gradient)) < 1e-8)  # code 3 is only the eigenvalue-ratio warning
  write_case(paste0("ipd_sim41_interaction_", x, "_shift"),
             paste0("Simulated IPD, 5 trials: within-trial treatment-by-", x, " interaction, ordinal shift, stratified cut-points"),
             paste0("clm(y ~ treatment + ", paste(adj, collapse = " + "), " + x_c + treatment:x_c + treatment:x_mean, nominal = ~study), x = ", x),
             "ipd_ordinal", ipd,
             list(thresholds = "stratified", treatment_effect = "fixed", study_effect = "stratified", covariates = cov3,
                  direction = "lower_is_better", interaction = x),
             list(interaction = interaction_of(f)))

  d$event <- as.integer(d$outcome <= 2)
  fml <- as.formula(paste("event ~ 0 + study + treatment +", paste(c(adj, "x_c", "within", "across"), collapse = " + ")))
  g <- glm(fml, family = binomial, data = d, control = glm.control(epsilon = 1e-15, maxit = 100))
  stopifnot(g$converged)
  write_case(paste0("ipd_sim41_interaction_", x, "_mrs02"),
             paste0("Simulated IPD, 5 trials: within-trial treatment-by-", x, " interaction, mRS 0-2, logistic stratified by trial"),
             paste0("glm(I(outcome <= 2) ~ 0 + study + treatment + ", paste(adj, collapse = " + "), " + x_c + treatment:x_c + treatment:x_mean, binomial), x = ", x),
             "ipd_binary", ipd,
             list(outcome_cutoff = 2, study_effect = "stratified", covariates = cov3, interaction = x),
             list(interaction = interaction_of(g)))
}
