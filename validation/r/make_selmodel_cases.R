# Reference cases of analysis `selmodel`: the step-function selection model (Vevea and Hedges 1995), the
# beta selection model (Citkowicz and Vevea 2017) and the half-normal, negative-exponential, logistic and power
# functions (Preston, Ashby and Smyth 2004) as metafor 3.8.1's selmodel(type = ...) fits them, by maximum likelihood from the
# ML random-effects model. metafor's optim() differentiates numerically with steps of 1e-3 by default, which
# leaves the estimates about 1e-6 from the maximum; the cases use reltol = 1e-15 and steps of 1e-6 (ndeps),
# and the Hessian by numDeriv with r = 8 Richardson steps; the continuous functions' integrals with rel.tol = 1e-10
# (intCtrl). Tolerance 1e-6 relative.
# Usage: Rscript validation/r/make_selmodel_cases.R [outdir]   (default: validation/extra)
source("validation/r/case_common.R")

sel_case <- function(id, title, data, es, measure, steps, alternative = "greater") {
  r <- rma(yi, vi, data = es, method = "ML", control = list(threshold = 1e-12))
  s <- selmodel(r, type = "stepfun", steps = steps, alternative = alternative, control = list(reltol = 1e-15, ndeps = rep(1e-6, 2 + length(steps) + 1),
                                                                  hessianCtrl = list(r = 8)))
  o <- list(model = "random", tau2_method = "ML", ci_method = "z", steps = I(steps), alternative = alternative, continuity = list(add = 0.5, to = "only0", drop00 = FALSE))
  if (!is.null(measure)) o$measure <- measure
  e <- list(estimate = c(s$beta), se = s$se, z = s$zval, p = s$pval, ci_lower = s$ci.lb, ci_upper = s$ci.ub, tau2 = s$tau2,
            tau2_se = s$se.tau2, delta = I(s$delta), delta_se = I(c(NA, s$se.delta[-1])), loglik = s$ll, lrt = s$LRT,
            lrt_df = s$LRTdf, lrt_p = s$LRTp, k_per_interval = I(unname(as.integer(s$ptable$k))))
  write_case_file(id, title, sprintf("selmodel(rma(yi, vi, method='ML'), type='stepfun', steps=c(%s), alternative='%s', control=list(reltol=1e-15, ndeps=1e-6))",
                                     paste(steps, collapse = ", "), alternative), "selmodel", data, o, e, na = "null")
}
hk <- dat.hackshaw1998
hd <- data.frame(study = paste(hk$author, hk$year), yi = hk$yi, vi = hk$vi)
sel_case("sel_hackshaw_025_05", "Passive smoking, log OR: step function at p = 0.025 and 0.5", hd, hd, NULL, c(0.025, 0.5))
sel_case("sel_hackshaw_05", "Passive smoking, log OR: step function at p = 0.05", hd, hd, NULL, c(0.05))
bg <- dat.bangertdrowns2004
bd <- data.frame(study = paste(bg$author, bg$year), yi = bg$yi, vi = bg$vi)
bd <- bd[!is.na(bd$yi), ]
sel_case("sel_bangertdrowns_025", "Writing-to-learn interventions, SMD: step function at p = 0.025", bd, bd, NULL, c(0.025))
sel_case("sel_bangertdrowns_025_05", "Writing-to-learn interventions, SMD: step function at p = 0.025 and 0.5", bd, bd, NULL, c(0.025, 0.5))
bcg <- dat.bcg
bcgd <- data.frame(study = paste(bcg$author, bcg$year), events_treat = bcg$tpos, total_treat = bcg$tpos + bcg$tneg,
                   events_ctrl = bcg$cpos, total_ctrl = bcg$cpos + bcg$cneg)
bes <- escalc("RR", ai = events_treat, n1i = total_treat, ci = events_ctrl, n2i = total_ctrl, data = bcgd)
sel_case("sel_bcg_rr_less", "BCG trials, log RR (benefit below 0): step function at one-sided p = 0.025, alternative less", bcgd, bes, "RR", c(0.025), "less")

beta_case <- function(id, title, data, alternative = "greater", type = "beta", tol = list(relative = 1e-6, absolute = 1e-9)) {
  r <- rma(yi, vi, data = data, method = "ML", control = list(threshold = 1e-12))
  npar <- if (type == "beta") 4 else 3
  s <- selmodel(r, type = type, alternative = alternative, control = list(reltol = 1e-15, ndeps = rep(1e-6, npar), hessianCtrl = list(r = 8),
                                                                          intCtrl = list(rel.tol = 1e-10, subdivisions = 1000)))
  o <- list(model = "random", tau2_method = "ML", ci_method = "z", type = type, alternative = alternative)
  e <- list(estimate = c(s$beta), se = s$se, z = s$zval, p = s$pval, ci_lower = s$ci.lb, ci_upper = s$ci.ub, tau2 = s$tau2,
            tau2_se = s$se.tau2, delta = I(s$delta), delta_se = I(s$se.delta), loglik = s$ll, lrt = s$LRT, lrt_df = s$LRTdf, lrt_p = s$LRTp)
  write_case_file(id, title, sprintf("selmodel(rma(yi, vi, method='ML'), type='%s', alternative='%s', control=list(reltol=1e-15, ndeps=1e-6, intCtrl=list(rel.tol=1e-10)))",
                                     type, alternative), "selmodel", data, o, e, tol = tol, na = "null")
}
beta_case("sel_beta_bangertdrowns", "Writing-to-learn interventions, SMD: beta selection model", bd)
bgen <- data.frame(study = bes$study, yi = bes$yi, vi = bes$vi)
beta_case("sel_beta_bcg_rr", "BCG trials, log RR: beta selection model", bgen)
beta_case("sel_beta_bcg_rr_less", "BCG trials, log RR: beta selection model, alternative less", bgen, "less")
# Two fits below have an information matrix whose finite-difference Hessian is determined only to about 1e-5
# relative (the engine's standard errors move by 4e-5 between difference steps of 3e-3 and 3e-4 of the parameters;
# numDeriv's differ from the engine's by 1e-5): their standard errors, and the intervals and z built on them, are
# compared at 1e-4; their estimates agree to 1e-8.
hess <- list(relative = 1e-4, absolute = 1e-9)
for (ty in c("halfnorm", "negexp", "logistic", "power"))
  beta_case(sprintf("sel_%s_bangertdrowns", ty), sprintf("Writing-to-learn interventions, SMD: %s selection model", ty), bd, type = ty,
            tol = if (ty == "power") hess else list(relative = 1e-6, absolute = 1e-9))
beta_case("sel_halfnorm_bcg_rr_less", "BCG trials, log RR: half-normal selection model, alternative less", bgen, "less", "halfnorm", hess)
beta_case("sel_power_bcg_rr_less", "BCG trials, log RR: power selection model, alternative less", bgen, "less", "power")
