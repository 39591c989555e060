# Reference cases of analysis `case_diagnostics`: the per-study quantities metafor prints for a model
# without moderators: fitted values, residuals and standardised residuals (rstandard), BLUPs of the
# true effects (blup) and of the random effects (ranef) with their standard errors and prediction
# intervals, hat values and weights. See EXTRA-FORMAT.md.
# Usage: Rscript validation/r/make_diagnostics_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")
tight <- list(threshold = 1e-12, tol = 1e-14)

write_case <- function(id, title, call, data, options, expected) write_case_file(id, title, call, "case_diagnostics", data, options, expected)

diagnostics <- function(res) {
  b <- blup(res); r <- ranef(res); s <- rstandard(res)
  list(estimate = res$beta[1], tau2 = res$tau2, fitted = as.numeric(fitted(res)), resid = as.numeric(s$resid),
       rstandard_se = as.numeric(s$se), rstandard_z = as.numeric(s$z), blup = b$pred, blup_se = b$se, blup_pi_lower = b$pi.lb,
       blup_pi_upper = b$pi.ub, ranef = as.numeric(r$pred), ranef_se = as.numeric(r$se), hat = as.numeric(hatvalues(res)),
       weight = as.numeric(weights(res)))
}

bin <- function(study, ai, n1i, ci, n2i) data.frame(study = study, events_treat = ai, total_treat = n1i, events_ctrl = ci, total_ctrl = n2i)
opts <- function(measure, model, tau2 = NULL, level = 0.95) {
  o <- list(measure = measure, model = model, ci_method = "z", level = level, continuity = list(add = 0.5, to = "only0", drop00 = FALSE))
  if (!is.null(tau2)) o$tau2_method <- tau2
  o
}

bcg <- dat.bcg
bcgd <- bin(paste(bcg$author, bcg$year), bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg)
for (m in c("RR", "OR")) for (t in c("REML", "DL")) {
  es <- escalc(m, ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
  res <- rma(yi, vi, data = es, method = t, control = tight)
  write_case(sprintf("diag_bcg_%s_%s", tolower(m), tolower(t)), sprintf("BCG trials, log %s, %s: per-study diagnostics", m, t),
             sprintf("escalc('%s'); res <- rma(method='%s'); fitted, rstandard, blup, ranef, hatvalues, weights", m, t), bcgd,
             opts(m, "random", t), diagnostics(res))
}
h <- dat.hine1989
hd <- bin(h$study, h$ai, h$n1i, h$ci, h$n2i)
es <- escalc("RD", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = hd)
res <- rma(yi, vi, data = es, method = "FE")
write_case("diag_hine_rd_fixed", "Lidocaine trials, risk difference, fixed effect: per-study diagnostics (BLUPs equal the pooled estimate)",
           "escalc('RD'); res <- rma(method='FE'); fitted, rstandard, blup, ranef, hatvalues, weights", hd, opts("RD", "fixed"), diagnostics(res))
n <- dat.normand1999
nd <- data.frame(study = n$source, mean_treat = n$m1i, sd_treat = n$sd1i, n_treat = n$n1i, mean_ctrl = n$m2i, sd_ctrl = n$sd2i, n_ctrl = n$n2i)
es <- escalc("MD", m1i = mean_treat, sd1i = sd_treat, n1i = n_treat, m2i = mean_ctrl, sd2i = sd_ctrl, n2i = n_ctrl, data = nd)
res <- rma(yi, vi, data = es, method = "REML", level = 90, control = tight)
write_case("diag_normand_md_reml_level90", "Stroke-unit length of stay, MD, REML, 90% intervals: per-study diagnostics",
           "escalc('MD'); res <- rma(method='REML', level=90); fitted, rstandard, blup, ranef, hatvalues, weights", nd,
           opts("MD", "random", "REML", level = 0.90), diagnostics(res))
