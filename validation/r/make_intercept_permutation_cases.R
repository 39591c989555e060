# Reference cases of analysis `intercept_permutation`: metafor 3.8.1's exact permutation (sign-flip)
# test of a model without moderators, permutest(res, exact=TRUE). See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_intercept_permutation_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "intercept_permutation", data, options, expected)
bcg <- dat.bcg[1:8, ]
bd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                 events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg)
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bd)
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
esn <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
for (x in list(list("bcg8_rr_reml", bd, es, "RR", "REML", "z"), list("bcg8_rr_dl", bd, es, "RR", "DL", "z"),
               list("bcg8_rr_reml_knha", bd, es, "RR", "REML", "knha"), list("normand_md_reml", nd, esn, "MD", "REML", "z"))) {
  res <- rma(yi, vi, data = x[[3]], method = x[[5]], test = x[[6]], control = list(threshold = 1e-12))
  p <- permutest(res, exact = TRUE, progbar = FALSE)
  write_case(paste0("iperm_", x[[1]]), sprintf("%s, %s, %s: exact sign-flip permutation test of the intercept", x[[1]], x[[5]], x[[6]]),
             sprintf("permutest(rma(yi, vi, method='%s', test='%s'), exact=TRUE)", x[[5]], x[[6]]), x[[2]],
             list(measure = x[[4]], model = "random", tau2_method = x[[5]], ci_method = x[[6]], permutations = "exact",
                  continuity = list(add = 0.5, to = "only0", drop00 = FALSE)),
             list(estimate = res$beta[1], statistic = res$zval, p = res$pval, permutation_p = as.numeric(p$pval), permutations = 2^nrow(x[[2]])))
}
