# Reference values for SubgroupInteractionTest: the likelihood-ratio test of within-trial
# treatment-by-subgroup interactions ("deft", Fisher et al., BMJ 2017) in the proportional-odds model
# with cut-points stratified by trial, on the patients of validation/extra/ipd_sim41_ord_strat.json.
# Groups: NIHSS < 10, 10 to < 18, >= 18 (reference: the first); adjusted for age and sex.
# Usage: Rscript strokemeta-core/src/test/r/subgroup_interaction_reference.R
suppressMessages({library(ordinal); library(jsonlite)})
d <- fromJSON("validation/extra/ipd_sim41_ord_strat.json")$data
d$study <- factor(d$study)
d$y <- factor(d$outcome, levels = sort(unique(d$outcome)), ordered = TRUE)
g <- as.integer(cut(d$nihss, c(-Inf, 10, 18, Inf), right = FALSE)) - 1
for (k in 1:2) {
  ind <- as.numeric(g == k)
  m <- ave(ind, d$study)
  d[[paste0("xc", k)]] <- ind - m
  d[[paste0("a", k)]] <- d$treatment * m
  d[[paste0("w", k)]] <- d$treatment * (ind - m)
}
ctl <- clm.control(gradTol = 1e-12, relTol = 1e-12, maxIter = 500)
f0 <- clm(y ~ treatment + age + sex + xc1 + a1 + xc2 + a2, nominal = ~study, data = d, control = ctl)
f1 <- clm(y ~ treatment + age + sex + xc1 + a1 + xc2 + a2 + w1 + w2, nominal = ~study, data = d, control = ctl)
lr <- 2 * (as.numeric(logLik(f1)) - as.numeric(logLik(f0)))
cat(sprintf("groups: %s\n", paste(table(g), collapse = " ")))
cat(sprintf("LR = %.15g, df = 2, p = %.15g\n", lr, pchisq(lr, 2, lower.tail = FALSE)))
