# Reference cases of analysis `regtest`: metafor 3.8.1's regtest() with each predictor (sei, vi, ninv,
# sqrtninv) under the meta-regression (rma) and the weighted linear model (lm): the test of the slope and
# the limit estimate (the PET and PEESE estimates for sei and vi). See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_regtest_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
b <- dat.bcg
d <- data.frame(study = paste(b$author, b$year), events_treat = b$tpos, total_treat = b$tpos + b$tneg,
                events_ctrl = b$cpos, total_ctrl = b$cpos + b$cneg)
es <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = d)
es$ni <- d$total_treat + d$total_ctrl
res <- rma(yi, vi, data = es, method = "REML", control = list(threshold = 1e-12))
for (model in c("rma", "lm")) for (pred in c("sei", "vi", "ninv", "sqrtninv")) {
  r <- regtest(res, model = model, predictor = pred, ni = es$ni)
  write_case_file(sprintf("regtest_bcg_rr_%s_%s", model, pred), sprintf("BCG trials, log RR, REML: regression test on %s (%s)", pred, model),
                  sprintf("regtest(rma(yi, vi, method='REML'), model='%s', predictor='%s', ni=n1i+n2i)", model, pred), "regtest", d,
                  list(measure = "RR", model = "random", tau2_method = "REML", ci_method = "z", continuity = list(add = 0.5, to = "only0", drop00 = FALSE),
                       regtest_model = model, predictor = pred),
                  list(statistic = r$zval, p = r$pval, limit_estimate = r$est, limit_ci_lower = r$ci.lb, limit_ci_upper = r$ci.ub))
}
